import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commitments.models import Pledge
from tests.factories import InitiativeFactory, PledgeFactory, SourceFactory
from tests.helpers import assert_problem

pytestmark = pytest.mark.django_db


def detail(pledge):
    return reverse("v1:pledge-detail", args=[pledge.pk])


def etag_of(client, pledge):
    response = client.get(detail(pledge))
    assert response.status_code == 200
    return response["ETag"]


def test_a_detail_carries_an_etag_and_if_none_match_gives_304(api_client):
    pledge = PledgeFactory()
    etag = etag_of(api_client, pledge)
    response = api_client.get(detail(pledge), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag


def test_a_repeated_304_reads_only_the_feeds_position(api_client):
    pledge = PledgeFactory()
    etag = etag_of(api_client, pledge)
    with CaptureQueriesContext(connection) as captured:
        assert api_client.get(detail(pledge), HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert [query["sql"] for query in captured if "commitments_" in query["sql"]] == []
    assert len(captured) == 1


def test_after_a_write_elsewhere_the_old_etag_of_a_renamed_initiatives_pledge_gives_the_record(
    api_client, editor_client
):
    initiative = InitiativeFactory()
    pledge = PledgeFactory(initiative=initiative)
    before = etag_of(api_client, pledge)
    assert api_client.get(detail(pledge), HTTP_IF_NONE_MATCH=before).status_code == 304
    url = reverse("v1:initiative-detail", args=[initiative.slug])
    assert editor_client.patch(url, {"name": "Renamed"}, format="json").status_code == 200
    response = api_client.get(detail(pledge), HTTP_IF_NONE_MATCH=before)
    assert response.status_code == 200 and response.json()["initiative"]["name"] == "Renamed"


def test_a_cached_etag_is_kept_per_address_and_query(api_client):
    pledge, other = PledgeFactory(), PledgeFactory()
    etag = etag_of(api_client, pledge)
    etag_of(api_client, other)
    assert api_client.get(detail(other), HTTP_IF_NONE_MATCH=etag).status_code == 200
    as_of = {"as_of": "2020-01-01"}
    assert api_client.get(detail(pledge), as_of, HTTP_IF_NONE_MATCH=etag).status_code == 404


def test_the_json_etag_gives_no_304_to_the_browsable_page(api_client):
    pledge = PledgeFactory()
    etag = etag_of(api_client, pledge)
    page = api_client.get(detail(pledge), HTTP_ACCEPT="text/html", HTTP_IF_NONE_MATCH=etag)
    assert page.status_code == 200 and page["ETag"] != etag


def test_a_stale_if_none_match_gives_the_record(api_client):
    pledge = PledgeFactory()
    response = api_client.get(detail(pledge), HTTP_IF_NONE_MATCH='"stale"')
    assert response.status_code == 200 and response.json()["id"] == pledge.pk


def test_adding_a_source_changes_the_etag(api_client, editor_client):
    pledge = PledgeFactory()
    before = etag_of(api_client, pledge)
    sources = [link.source_id for link in pledge.source_links.all()] + [SourceFactory().pk]
    assert editor_client.patch(detail(pledge), {"sources": sources}, format="json").status_code == 200
    assert etag_of(api_client, pledge) != before


def test_adding_an_event_with_the_same_status_changes_the_etag(api_client, editor_client):
    pledge = PledgeFactory()
    events = reverse("v1:pledge-events", args=[pledge.pk])
    event = {"status": "possible", "date": "2025-10-20", "sources": [SourceFactory().pk]}
    editor_client.post(events, event, format="json")
    before = etag_of(api_client, pledge)
    assert editor_client.post(events, {**event, "date": "2025-10-21"}, format="json").status_code == 201
    assert etag_of(api_client, pledge) != before


def test_renaming_the_initiative_changes_the_pledges_etag(api_client, editor_client):
    initiative = InitiativeFactory()
    pledge = PledgeFactory(initiative=initiative)
    before = etag_of(api_client, pledge)
    url = reverse("v1:initiative-detail", args=[initiative.slug])
    assert editor_client.patch(url, {"name": "Renamed"}, format="json").status_code == 200
    assert etag_of(api_client, pledge) != before


def test_a_write_answers_with_the_new_etag(api_client, editor_client):
    pledge = PledgeFactory()
    response = editor_client.patch(detail(pledge), {"description": "new"}, format="json")
    assert response["ETag"] == etag_of(api_client, pledge)


def test_two_clients_with_the_same_etag_only_the_first_patch_succeeds(editor_client):
    pledge = PledgeFactory()
    etag = etag_of(editor_client, pledge)
    first = editor_client.patch(detail(pledge), {"description": "first"}, format="json", HTTP_IF_MATCH=etag)
    second = editor_client.patch(detail(pledge), {"description": "second"}, format="json", HTTP_IF_MATCH=etag)
    assert first.status_code == 200
    assert_problem(second, 412)
    assert second["ETag"] == first["ETag"]
    assert Pledge.objects.get(pk=pledge.pk).description == "first"


def test_a_stale_if_match_on_delete_is_412_and_keeps_the_record(editor_client):
    pledge = PledgeFactory()
    assert_problem(editor_client.delete(detail(pledge), HTTP_IF_MATCH='"stale"'), 412)
    assert Pledge.objects.filter(pk=pledge.pk).exists()


def test_a_current_if_match_on_delete_deletes(editor_client):
    pledge = PledgeFactory()
    response = editor_client.delete(detail(pledge), HTTP_IF_MATCH=etag_of(editor_client, pledge))
    assert response.status_code == 204


def test_a_stale_if_match_on_an_event_post_is_412_and_adds_nothing(editor_client):
    pledge = PledgeFactory()
    event = {"status": "possible", "date": "2025-10-20", "sources": [SourceFactory().pk]}
    response = editor_client.post(
        reverse("v1:pledge-events", args=[pledge.pk]), event, format="json", HTTP_IF_MATCH='"stale"'
    )
    assert_problem(response, 412)
    assert not pledge.events.exists()


def test_if_match_star_matches_any_current_version(editor_client):
    pledge = PledgeFactory()
    response = editor_client.patch(detail(pledge), {"description": "x"}, format="json", HTTP_IF_MATCH="*")
    assert response.status_code == 200


def test_cors_exposes_etag_and_allows_the_conditional_headers(api_client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://front.example"]
    response = api_client.options(
        "/api/v1/pledges/",
        HTTP_ORIGIN="https://front.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="PATCH",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-match, x-change-reason",
    )
    allowed = response["Access-Control-Allow-Headers"].lower()
    assert "if-match" in allowed and "x-change-reason" in allowed
    exposed = api_client.get("/api/v1/pledges/", HTTP_ORIGIN="https://front.example")["Access-Control-Expose-Headers"]
    assert "ETag" in exposed
