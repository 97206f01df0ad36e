"""`valid_at`: what was true in the world on a date according to the status timelines, as recorded now."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from commitments.models import ConditionLink
from tests.factories import ConditionFactory, InitiativeFactory, PledgeFactory, SourceFactory, add_event
from tests.helpers import assert_problem, assert_queries_flat, results

pytestmark = pytest.mark.django_db

PLEDGES = reverse("v1:pledge-list")


@pytest.fixture
def pledge(db):
    """`possible` in the week of 20 October 2025, `committed` from 3 November 2025."""
    pledge = PledgeFactory()
    add_event(pledge, "possible", datetime.date(2025, 10, 22), precision="week")
    add_event(pledge, "committed", datetime.date(2025, 11, 3))
    return pledge


def statuses(response):
    return {row["id"]: row["status"] for row in results(response)}


def test_valid_at_reports_the_status_of_that_date(api_client, pledge):
    assert statuses(api_client.get(PLEDGES, {"valid_at": "2025-10-25"})) == {pledge.pk: "possible"}
    assert statuses(api_client.get(PLEDGES, {"valid_at": "2025-11-10"})) == {pledge.pk: "committed"}


def test_valid_at_before_the_first_event_omits_the_record(api_client, pledge):
    assert statuses(api_client.get(PLEDGES, {"valid_at": "2025-10-01"})) == {}


def test_an_event_counts_from_the_first_day_of_its_period(api_client, pledge):
    assert statuses(api_client.get(PLEDGES, {"valid_at": "2025-10-20"})) == {pledge.pk: "possible"}
    assert statuses(api_client.get(PLEDGES, {"valid_at": "2025-10-19"})) == {}


def test_status_filter_uses_the_status_of_that_date(api_client, pledge):
    assert statuses(api_client.get(PLEDGES, {"valid_at": "2025-10-25", "status": "possible"})) == {
        pledge.pk: "possible"
    }
    assert statuses(api_client.get(PLEDGES, {"valid_at": "2025-10-25", "status": "committed"})) == {}
    assert statuses(api_client.get(PLEDGES, {"valid_at": "2025-11-10", "status": "committed"})) == {
        pledge.pk: "committed"
    }


def test_ordering_by_status_uses_the_status_of_that_date(api_client, pledge):
    other = PledgeFactory()
    add_event(other, "offered", datetime.date(2025, 10, 1))
    params = {"valid_at": "2025-10-25", "ordering": "status"}

    assert list(statuses(api_client.get(PLEDGES, params))) == [other.pk, pledge.pk]
    assert list(statuses(api_client.get(PLEDGES, {**params, "ordering": "-status"}))) == [pledge.pk, other.pk]


def test_detail_valid_at_reports_the_status_of_that_date(api_client, pledge):
    url = reverse("v1:pledge-detail", args=[pledge.pk])

    assert api_client.get(url, {"valid_at": "2025-10-25"}).json()["status"] == "possible"
    assert_problem(api_client.get(url, {"valid_at": "2025-10-01"}), 404)


@pytest.mark.parametrize("raw", ["tomorrow", "2025-02-30", "2025-10-25T12:00:00Z"])
def test_malformed_valid_at_is_a_400_naming_it(api_client, raw):
    assert_problem(api_client.get(PLEDGES, {"valid_at": raw}), 400, "valid_at")


def test_conditions_and_initiatives_take_valid_at(api_client):
    condition, initiative = ConditionFactory(), InitiativeFactory()
    add_event(condition, "unresolved", datetime.date(2025, 10, 10))
    add_event(condition, "met", datetime.date(2025, 11, 1))
    add_event(initiative, "proposed", datetime.date(2025, 10, 1))
    add_event(initiative, "active", datetime.date(2025, 12, 1))

    conditions = results(api_client.get(reverse("v1:condition-list"), {"valid_at": "2025-10-20"}))
    initiatives = results(api_client.get(reverse("v1:initiative-list"), {"valid_at": "2025-11-15"}))

    assert [(row["slug"], row["status"]) for row in conditions] == [(condition.slug, "unresolved")]
    assert [(row["slug"], row["status"]) for row in initiatives] == [(initiative.slug, "proposed")]


def test_a_pledges_conditions_show_their_status_of_that_date(api_client, pledge):
    condition = ConditionFactory(links=[ConditionLink(pledge=pledge, source=SourceFactory())])
    add_event(condition, "unresolved", datetime.date(2025, 10, 10))
    add_event(condition, "met", datetime.date(2025, 11, 1))

    (row,) = results(api_client.get(PLEDGES, {"valid_at": "2025-10-25"}))

    assert [(held["slug"], held["status"]) for held in row["conditions"]] == [(condition.slug, "unresolved")]


def test_valid_at_combines_with_as_of(api_client, pledge):
    before = timezone.now()
    add_event(pledge, "withdrawn", datetime.date(2025, 11, 5))
    params = {"valid_at": "2025-11-10", "as_of": before.isoformat()}

    assert statuses(api_client.get(PLEDGES, params)) == {pledge.pk: "committed"}
    assert statuses(api_client.get(PLEDGES, {"valid_at": "2025-11-10"})) == {pledge.pk: "withdrawn"}


def test_collections_without_a_status_timeline_refuse_valid_at(api_client):
    assert_problem(api_client.get(reverse("v1:statement-list"), {"valid_at": "2025-10-24"}), 400, "valid_at")


def test_query_count_of_a_valid_at_list_is_flat(api_client, pledge):
    # A page whose pledges no condition holds up reads no conditions: one held up from the start.
    ConditionFactory(links=[ConditionLink(pledge=pledge, source=SourceFactory())])

    def add_rows(count):
        for _ in range(count):
            added = PledgeFactory()
            add_event(added, "offered", datetime.date(2025, 10, 1))
            ConditionFactory(links=[ConditionLink(pledge=added, source=SourceFactory())])

    assert_queries_flat(api_client, f"{PLEDGES}?valid_at=2025-11-10", add_rows)
