"""`as_of`: reads as the database stood at an instant, with each record's links as they stood then."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from commitments.models import ConditionLink, Pledge, StatementBasis, StatementSpeaker, StatementTarget
from commitments.services.conditions import condition_update
from commitments.services.parties import party_for
from commitments.services.pledges import pledge_delete, pledge_update
from commitments.services.statements import statement_update
from countries.services import country_group_update
from tests.factories import (
    ConditionFactory,
    CountryGroupFactory,
    PersonFactory,
    PledgeFactory,
    SourceFactory,
    StatementFactory,
    country,
)
from tests.helpers import assert_problem, assert_queries_flat, results
from tracker.as_of import parse_as_of

pytestmark = pytest.mark.django_db

PLEDGES = reverse("v1:pledge-list")
UTC = datetime.UTC


def pledge_url(pledge):
    return reverse("v1:pledge-detail", args=[pledge.pk])


def as_of(client, url, instant, **params):
    return client.get(url, {"as_of": instant.isoformat(), **params})


def ids(response):
    return {row["id"] for row in results(response)}


def test_as_of_before_a_change_returns_the_old_value(api_client):
    pledge = PledgeFactory(description="About 200 troops")
    before = timezone.now()
    pledge_update(pledge, description="About 500 troops")

    (row,) = results(as_of(api_client, PLEDGES, before))

    assert row["description"] == "About 200 troops"
    assert results(api_client.get(PLEDGES))[0]["description"] == "About 500 troops"


def test_as_of_before_a_creation_omits_the_record(api_client):
    kept = PledgeFactory()
    before = timezone.now()
    PledgeFactory()

    assert ids(as_of(api_client, PLEDGES, before)) == {kept.pk}


def test_as_of_before_a_deletion_shows_the_record_with_its_sources_as_they_stood(api_client):
    kept, removed, added = SourceFactory(), SourceFactory(), SourceFactory()
    pledge = PledgeFactory(sources=[kept, removed])
    before = timezone.now()
    pledge_update(pledge, sources=[kept, added])
    pledge_delete(Pledge.objects.get(pk=pledge.pk))

    (row,) = results(as_of(api_client, PLEDGES, before))

    assert row["id"] == pledge.pk
    assert [source["id"] for source in row["sources"]] == [kept.pk, removed.pk]
    assert results(api_client.get(PLEDGES)) == []


def test_as_of_shows_a_condition_deleted_since_among_the_pledges_conditions(api_client):
    pledge = PledgeFactory()
    condition = ConditionFactory(links=[ConditionLink(pledge=pledge, source=SourceFactory())])
    before = timezone.now()
    condition.delete()

    (row,) = results(as_of(api_client, PLEDGES, before))

    assert [held["slug"] for held in row["conditions"]] == [condition.slug]


def test_detail_as_of_finds_a_record_deleted_since(api_client):
    pledge = PledgeFactory(description="Withdrawn later")
    url = pledge_url(pledge)
    before = timezone.now()
    pledge_delete(pledge)

    response = as_of(api_client, url, before)

    assert response.status_code == 200, response.content
    assert response.json()["description"] == "Withdrawn later"
    assert api_client.get(url).status_code == 404


def test_detail_as_of_before_the_creation_is_a_404(api_client):
    before = timezone.now()
    pledge = PledgeFactory()

    assert_problem(as_of(api_client, pledge_url(pledge), before), 404)


def test_detail_as_of_by_slug_returns_the_old_value(api_client):
    group = CountryGroupFactory(name="Gulf states")
    before = timezone.now()
    country_group_update(group, name="Gulf Cooperation Council")

    response = as_of(api_client, reverse("v1:countrygroup-detail", args=[group.slug]), before)

    assert response.json()["name"] == "Gulf states"


def test_own_field_filter_combines_with_as_of(api_client):
    pledge = PledgeFactory(kind="troops")
    before = timezone.now()
    pledge_update(pledge, kind="police")

    assert ids(as_of(api_client, PLEDGES, before, kind="troops")) == {pledge.pk}
    assert ids(as_of(api_client, PLEDGES, before, kind="police")) == set()


def test_source_filter_combines_with_as_of_through_the_links_of_then(api_client):
    removed, added = SourceFactory(), SourceFactory()
    pledge = PledgeFactory(sources=[removed])
    before = timezone.now()
    pledge_update(pledge, sources=[added])

    assert ids(as_of(api_client, PLEDGES, before, source=removed.pk)) == {pledge.pk}
    assert ids(as_of(api_client, PLEDGES, before, source=added.pk)) == set()


def test_country_and_condition_filters_combine_with_as_of(api_client):
    indonesia = PledgeFactory(party=party_for(country=country("IDN")))
    PledgeFactory(party=party_for(country=country("PAK")))
    condition = ConditionFactory()
    before = timezone.now()
    condition_update(condition, links=[ConditionLink(pledge=indonesia, source=SourceFactory())])

    assert ids(as_of(api_client, PLEDGES, before, country="IDN")) == {indonesia.pk}
    assert ids(as_of(api_client, PLEDGES, before, condition=condition.slug)) == set()
    assert ids(api_client.get(PLEDGES, {"condition": condition.slug})) == {indonesia.pk}


def test_group_filter_on_countries_reads_the_memberships_of_then(api_client):
    group = CountryGroupFactory(members=[country("QAT")])
    before = timezone.now()
    country_group_update(group, members=[country("QAT"), country("ARE")])
    url = reverse("v1:country-list")

    then = [row["iso3"] for row in results(as_of(api_client, url, before, group=group.slug))]

    assert then == ["QAT"]


def test_statement_search_matches_the_speakers_of_then(api_client):
    statement = StatementFactory(speakers=[StatementSpeaker(person=PersonFactory(name="Sugiono"))])
    before = timezone.now()
    statement_update(statement, speakers=[StatementSpeaker(person=PersonFactory(name="Retno Marsudi"))])
    url = reverse("v1:statement-list")

    assert ids(as_of(api_client, url, before, search="Sugiono")) == {statement.pk}
    assert ids(as_of(api_client, url, before, search="Retno")) == set()


def test_statement_condition_filter_combines_with_as_of(api_client):
    condition = ConditionFactory()
    about = StatementFactory(targets=[StatementTarget(condition=condition)])
    before = timezone.now()
    StatementFactory(targets=[StatementTarget(condition=condition)])

    response = as_of(api_client, reverse("v1:statement-list"), before, condition=condition.slug)

    assert ids(response) == {about.pk}


def test_statement_reported_reads_the_sources_as_they_stood(api_client):
    source = SourceFactory(published=datetime.date(2025, 10, 24))
    statement = StatementFactory(date=None, sources=[source])
    before = timezone.now()
    statement_update(statement, sources=[SourceFactory(published=datetime.date(2025, 10, 1))])
    url = reverse("v1:statement-list")

    assert [row["reported"] for row in results(as_of(api_client, url, before))] == ["2025-10-24"]
    assert ids(as_of(api_client, url, before, reported_before="2025-10-10")) == set()
    assert [row["reported"] for row in results(api_client.get(url))] == ["2025-10-01"]


def test_statement_according_to_is_as_it_stood(api_client):
    tally = party_for(country=country("ISR"))
    statement = StatementFactory(according_to=[StatementBasis(party=tally, words="menurut penghitungan Israel")])
    before = timezone.now()
    statement_update(statement, according_to=[])
    url = reverse("v1:statement-list")

    (then,) = results(as_of(api_client, url, before))
    assert [basis["party"]["key"] for basis in then["according_to"]] == ["ISR"]
    assert ids(as_of(api_client, url, before, according_to_country="ISR")) == {statement.pk}
    assert results(api_client.get(url))[0]["according_to"] == []
    assert ids(api_client.get(url, {"according_to_country": "ISR"})) == set()


def test_a_date_means_the_end_of_that_day_utc(api_client):
    pledge = PledgeFactory()
    Pledge.history.filter(id=pledge.pk).update(history_date=datetime.datetime(2025, 10, 24, 22, 0, tzinfo=UTC))

    assert ids(api_client.get(PLEDGES, {"as_of": "2025-10-24"})) == {pledge.pk}
    assert ids(api_client.get(PLEDGES, {"as_of": "2025-10-24T21:59:59Z"})) == set()
    assert ids(api_client.get(PLEDGES, {"as_of": "2025-10-23"})) == set()


@pytest.mark.parametrize(
    ("raw", "instant"),
    [
        ("2025-10-24", datetime.datetime(2025, 10, 24, 23, 59, 59, 999999, tzinfo=UTC)),
        ("2025-10-24T12:00:00Z", datetime.datetime(2025, 10, 24, 12, tzinfo=UTC)),
        ("2025-10-24T12:00:00", datetime.datetime(2025, 10, 24, 12, tzinfo=UTC)),
        ("2025-10-24T14:00:00+02:00", datetime.datetime(2025, 10, 24, 12, tzinfo=UTC)),
        ("2025-10-24T14:00:00 02:00", datetime.datetime(2025, 10, 24, 12, tzinfo=UTC)),
        ("", None),
    ],
)
def test_as_of_reads_a_date_or_a_timestamp_in_utc(raw, instant):
    assert parse_as_of(raw) == instant


@pytest.mark.parametrize(
    "raw", ["yesterday", "2025-13-01", "2025-10-24T25:00:00Z", "24/10/2025", "0001-01-01T00:00+05:00"]
)
def test_malformed_as_of_is_a_400_naming_it(api_client, raw):
    assert_problem(api_client.get(PLEDGES, {"as_of": raw}), 400, "as_of")


def test_malformed_as_of_on_a_detail_is_a_400_naming_it(api_client):
    assert_problem(api_client.get(pledge_url(PledgeFactory()), {"as_of": "soon"}), 400, "as_of")


def test_a_future_as_of_reads_today(api_client):
    pledge = PledgeFactory()

    assert ids(api_client.get(PLEDGES, {"as_of": "2999-01-01"})) == {pledge.pk}


def test_cursor_paging_and_ordering_work_as_of(api_client):
    pledges = [PledgeFactory() for _ in range(3)]
    later = timezone.now()

    first = as_of(api_client, PLEDGES, later, cursor="", page_size=2, ordering="-id")
    second = api_client.get(first.json()["next"])
    by_kind = as_of(api_client, PLEDGES, later, ordering="-kind,id", page=1)

    assert [row["id"] for row in results(first) + results(second)] == [p.pk for p in reversed(pledges)]
    assert ids(by_kind) == {p.pk for p in pledges}


def test_writes_refuse_as_of_rather_than_ignore_it(editor_client):
    pledge = PledgeFactory(description="Before")
    url = f"{pledge_url(pledge)}?as_of=2000-01-01"

    response = editor_client.patch(url, {"description": "After"}, format="json")

    assert_problem(response, 400, "as_of")
    pledge.refresh_from_db()
    assert pledge.description == "Before"


@pytest.mark.parametrize("name", ["pledge", "statement", "condition", "country", "countrygroup"])
def test_query_count_of_an_as_of_list_is_flat(api_client, name):
    def add_rows(count):
        for _ in range(count):
            pledge = PledgeFactory()
            ConditionFactory(links=[ConditionLink(pledge=pledge, source=SourceFactory())])
            StatementFactory(speakers=[StatementSpeaker(person=PersonFactory())])
            CountryGroupFactory(members=[country("IDN")])

    add_rows(1)
    url = f"{reverse(f'v1:{name}-list')}?as_of=2999-01-01"

    assert_queries_flat(api_client, url, add_rows)


def test_schema_documents_as_of_on_every_read_and_valid_at_on_records_with_a_timeline(api_client):
    paths = api_client.get(reverse("v1-schema"), {"format": "json"}).json()["paths"]
    reads = {
        path: {parameter["name"] for parameter in operations["get"].get("parameters", [])}
        for path, operations in paths.items()
        if "get" in operations and path.count("{") <= 1 and not path.endswith(("/events/", "/history/", "/changes/"))
        if path.startswith("/api/v1/") and path != "/api/v1/" and not path.startswith("/api/v1/releases/")
    }
    timelines = ("/pledges/", "/conditions/", "/initiatives/")

    assert [path for path, names in reads.items() if "as_of" not in names] == []
    assert [path for path, names in reads.items() if "release" not in names] == []
    assert sorted(path for path, names in reads.items() if "valid_at" in names) == sorted(
        path for path in reads if path.startswith(tuple(f"/api/v1{t}" for t in timelines))
    )


def test_a_timeline_as_of_an_instant_lacks_later_events(api_client, editor_client):
    pledge = PledgeFactory()
    events = reverse("v1:pledge-events", args=[pledge.pk])
    event = {"status": "possible", "date": "2025-10-20", "sources": [SourceFactory().pk]}
    editor_client.post(events, event, format="json")
    between = timezone.now()
    editor_client.post(events, {**event, "status": "committed", "date": "2025-11-03"}, format="json")

    assert [row["status"] for row in results(as_of(api_client, events, between))] == ["possible"]
    assert len(results(api_client.get(events))) == 2


def test_a_timeline_valid_at_a_date_lists_the_events_up_to_it(api_client, editor_client):
    pledge = PledgeFactory()
    events = reverse("v1:pledge-events", args=[pledge.pk])
    for status, day in (("possible", "2025-10-20"), ("committed", "2025-11-03")):
        body = {"status": status, "date": day, "sources": [SourceFactory().pk]}
        editor_client.post(events, body, format="json")

    assert [row["status"] for row in results(api_client.get(events, {"valid_at": "2025-10-25"}))] == ["possible"]


@pytest.mark.parametrize("param", ["as_of", "valid_at"])
def test_a_malformed_time_on_a_timeline_is_a_400_naming_it(api_client, param):
    url = reverse("v1:pledge-events", args=[PledgeFactory().pk])
    assert_problem(api_client.get(url, {param: "soon"}), 400, param)
