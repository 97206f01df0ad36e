"""Whole answers of anonymous reads served from the cache under the change feed's position (tracker.answer_cache)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from countries.models import Country, Region
from countries.services import region_update
from tests.factories import InitiativeFactory, PledgeFactory, add_event
from tests.helpers import assert_problem, results
from tracker.timing import parse_server_timing

pytestmark = pytest.mark.django_db

PLEDGES = reverse("v1:pledge-list")


@pytest.fixture
def server_timing(settings):
    """The Server-Timing header on every answer, as SERVER_TIMING=true sets it."""
    settings.MIDDLEWARE = ["tracker.timing.ServerTimingMiddleware", *settings.MIDDLEWARE]


def read(client, url, params=None, **headers):
    """(response, number of queries) of one GET, a streamed body read whole."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params, **headers)
        if response.streaming:
            response.body = b"".join(response.streaming_content)
    return response, len(captured)


def cache_outcome(response):
    """`hit`, `miss`, or None when the answer cache was not asked."""
    metric = parse_server_timing(response.get("Server-Timing")).get("cache")
    return metric[1] if metric else None


def test_a_second_anonymous_read_reads_only_the_feeds_position(api_client):
    PledgeFactory()
    first, computed = read(api_client, PLEDGES)
    second, served = read(api_client, PLEDGES)
    assert second.status_code == 200 and second.content == first.content
    assert served == 1 < computed


def test_server_timing_tells_a_hit_from_a_miss(api_client, server_timing):
    PledgeFactory()
    first = api_client.get(PLEDGES)
    second = api_client.get(PLEDGES)
    assert cache_outcome(first) == "miss" and cache_outcome(second) == "hit"
    assert parse_server_timing(second["Server-Timing"])["db"][1] == "1 queries"


def test_a_write_through_the_api_shows_in_the_next_anonymous_read(api_client, editor_client):
    initiative = InitiativeFactory(name="Before")
    PledgeFactory(initiative=initiative)
    api_client.get(PLEDGES)
    assert results(api_client.get(PLEDGES))[0]["initiative"]["name"] == "Before"
    url = reverse("v1:initiative-detail", args=[initiative.slug])
    assert editor_client.patch(url, {"name": "After"}, format="json").status_code == 200
    assert results(api_client.get(PLEDGES))[0]["initiative"]["name"] == "After"


def test_a_detail_served_again_keeps_its_etag_and_if_none_match_still_gives_304(api_client):
    pledge = PledgeFactory()
    url = reverse("v1:pledge-detail", args=[pledge.pk])
    first = api_client.get(url)
    second, served = read(api_client, url)
    assert served == 1 and second["ETag"] == first["ETag"]
    assert api_client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_authenticated_reads_are_never_served_from_the_cache_nor_kept_in_it(api_client, editor_client):
    PledgeFactory()
    api_client.get(PLEDGES)
    _response, editor_reads = read(editor_client, PLEDGES)
    assert editor_reads > 1
    editor_client.get(reverse("v1:initiative-list"))
    _response, anonymous_reads = read(api_client, reverse("v1:initiative-list"))
    assert anonymous_reads > 1


def test_a_bad_parameter_is_a_400_every_time(api_client):
    PledgeFactory()
    api_client.get(PLEDGES)
    for _ in range(2):
        assert_problem(api_client.get(PLEDGES, {"colour": "red"}), 400, "colour")
        assert_problem(api_client.get(PLEDGES, {"as_of": "yesterday"}), 400, "as_of")


def test_a_missing_record_is_a_404_every_time(api_client):
    PledgeFactory()
    url = reverse("v1:pledge-detail", args=[999999])
    assert [api_client.get(url).status_code for _ in range(2)] == [404, 404]


def test_answers_from_the_cache_are_still_throttled(api_client, throttle_rates):
    PledgeFactory()
    throttle_rates(anon="2/min", user="2/min")
    statuses = [api_client.get(PLEDGES).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_each_query_string_has_its_own_answer(api_client):
    PledgeFactory.create_batch(3)
    api_client.get(PLEDGES, {"page_size": 1})
    assert len(results(api_client.get(PLEDGES, {"page_size": 1}))) == 1
    assert len(results(api_client.get(PLEDGES, {"page_size": 2}))) == 2


def test_each_language_has_its_own_answer(api_client, server_timing):
    PledgeFactory()
    api_client.get(PLEDGES)
    by_header = api_client.get(PLEDGES, HTTP_ACCEPT_LANGUAGE="id")
    assert cache_outcome(by_header) == "miss"
    assert cache_outcome(api_client.get(PLEDGES, {"lang": "id"})) == "miss"
    again = api_client.get(PLEDGES, HTTP_ACCEPT_LANGUAGE="id")
    assert cache_outcome(again) == "hit" and again["Content-Language"] == "id"
    assert api_client.get(PLEDGES)["Content-Language"] == "en"


def test_an_indented_json_answer_is_not_the_plain_one(api_client):
    PledgeFactory()
    plain = api_client.get(PLEDGES)
    indented = api_client.get(PLEDGES, HTTP_ACCEPT="application/json; indent=2")
    assert b"\n  " in indented.content and b"\n" not in plain.content
    assert api_client.get(PLEDGES).content == plain.content


def test_each_host_has_its_own_answer_with_its_own_addresses(api_client):
    PledgeFactory()
    api_client.get(PLEDGES, HTTP_HOST="127.0.0.1")
    url = results(api_client.get(PLEDGES, HTTP_HOST="localhost"))[0]["url"]
    assert url.startswith("http://localhost/")


@pytest.mark.parametrize("answer_format", ["csv", "jsonl", "api"])
def test_exports_and_the_browsable_api_are_read_again_every_time(api_client, answer_format):
    PledgeFactory()
    first, computed = read(api_client, PLEDGES, {"format": answer_format})
    second, again = read(api_client, PLEDGES, {"format": answer_format})
    assert first.status_code == second.status_code == 200
    assert again == computed > 1


def test_an_answer_over_the_size_limit_is_not_kept(api_client, settings):
    PledgeFactory()
    settings.API_ANSWER_CACHE_MAX_BYTES = 100
    api_client.get(PLEDGES)
    _response, reads = read(api_client, PLEDGES)
    assert reads > 1


def test_no_answer_is_kept_while_the_seconds_are_zero(api_client, settings, server_timing):
    PledgeFactory()
    settings.API_ANSWER_CACHE_SECONDS = 0
    api_client.get(PLEDGES)
    response, reads = read(api_client, PLEDGES)
    assert reads > 1 and cache_outcome(response) is None


def test_an_answer_served_again_names_the_moment_it_is_served(api_client):
    PledgeFactory()
    first = api_client.get(PLEDGES)
    second = api_client.get(PLEDGES)
    assert second["Tracker-Feed-Position"] == first["Tracker-Feed-Position"]
    assert second["Tracker-As-Of"] > first["Tracker-As-Of"]


def test_an_answer_served_again_has_the_cors_header_of_its_own_request(api_client, settings):
    PledgeFactory()
    settings.CORS_ALLOWED_ORIGINS = ["https://front.example"]
    api_client.get(PLEDGES)
    response, reads = read(api_client, PLEDGES, HTTP_ORIGIN="https://front.example")
    assert reads == 1 and response["Access-Control-Allow-Origin"] == "https://front.example"
    assert "Access-Control-Allow-Origin" not in api_client.get(PLEDGES)


def test_a_read_as_of_an_instant_shows_a_later_rename_of_what_it_links_to(api_client, editor_client):
    initiative = InitiativeFactory(name="Before")
    PledgeFactory(initiative=initiative)
    instant = {"as_of": (datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=1)).isoformat()}
    api_client.get(PLEDGES, instant)
    served, reads = read(api_client, PLEDGES, instant)
    assert reads <= 2 and results(served)[0]["initiative"]["name"] == "Before"
    url = reverse("v1:initiative-detail", args=[initiative.slug])
    assert editor_client.patch(url, {"name": "After"}, format="json").status_code == 200
    assert results(api_client.get(PLEDGES, instant))[0]["initiative"]["name"] == "After"


@pytest.mark.parametrize(
    "path",
    [
        lambda pledge: reverse("v1:pledge-summary"),
        lambda pledge: reverse("v1:pledge-events", args=[pledge.pk]),
        lambda pledge: reverse("v1:pledge-history", args=[pledge.pk]),
        lambda pledge: reverse("v1:change-list"),
    ],
    ids=["summary", "events", "history", "feed"],
)
def test_summaries_timelines_histories_and_the_feed_are_served_again(api_client, path):
    pledge = PledgeFactory()
    add_event(pledge, "committed")
    url = path(pledge)
    first = api_client.get(url)
    second, served = read(api_client, url)
    assert served == 1 and second.content == first.content


def test_a_new_event_shows_in_the_next_read_of_the_timeline(api_client):
    pledge = PledgeFactory()
    url = reverse("v1:pledge-events", args=[pledge.pk])
    api_client.get(url)
    assert results(api_client.get(url)) == []
    add_event(pledge, "committed")
    assert [event["status"] for event in results(api_client.get(url))] == ["committed"]


def test_a_renamed_region_shows_in_the_next_read_of_its_countries(api_client):
    url = reverse("v1:country-detail", args=["IDN"])
    region = Region.objects.get(pk=Country.objects.get(iso3="IDN").subregion_id)
    api_client.get(url)
    assert api_client.get(url).json()["subregion"]["name"] == region.name
    region_update(region, name="Maritime South-eastern Asia")
    assert api_client.get(url).json()["subregion"]["name"] == "Maritime South-eastern Asia"
