"""A condition shows how many pledges it holds up, by their status: directly, through the initiative, or through
the party's participation; in one query for a whole page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from commitments.models import ConditionLink
from commitments.services.parties import party_for
from tests.factories import ConditionFactory, InitiativeFactory, PledgeFactory, SourceFactory, add_event, country
from tests.helpers import assert_queries_flat, results

pytestmark = pytest.mark.django_db

CONDITIONS = reverse("v1:condition-list")


def detail(client, condition, **params):
    response = client.get(reverse("v1:condition-detail", args=[condition.slug]), params)
    assert response.status_code == 200, response.content
    return response.json()


def pledge(iso3="IDN", status=None, **fields):
    record = PledgeFactory(party=party_for(country=country(iso3)), **fields)
    if status:
        add_event(record, status)
    return record


def link(**held):
    return ConditionLink(**held, source=SourceFactory())


def test_detail_counts_the_pledges_held_up_by_status(api_client):
    initiative = InitiativeFactory()
    direct = pledge(status="committed")
    pledge("TUR", status="offered", initiative=initiative)
    pledge("EGY", status="offered", initiative=initiative)
    pledge("QAT", initiative=initiative)
    pledge("IDN", status="offered")
    condition = ConditionFactory(links=[link(pledge=direct), link(initiative=initiative)])
    assert detail(api_client, condition)["pledges_by_status"] == {"committed": 1, "offered": 2, "none": 1}


def test_a_participation_counts_only_that_partys_pledges(api_client):
    indonesia = pledge(status="offered")
    pledge("TUR", status="offered", initiative=indonesia.initiative)
    condition = ConditionFactory(links=[link(initiative=indonesia.initiative, party=indonesia.party)])
    assert detail(api_client, condition)["pledges_by_status"] == {"offered": 1}


def test_a_pledge_held_up_twice_over_counts_once(api_client):
    held = pledge(status="offered")
    condition = ConditionFactory(links=[link(pledge=held), link(initiative=held.initiative)])
    assert detail(api_client, condition)["pledges_by_status"] == {"offered": 1}


def test_a_condition_that_holds_nothing_up_counts_nothing(api_client):
    assert detail(api_client, ConditionFactory())["pledges_by_status"] == {}


def test_list_rows_count_each_conditions_own_pledges(api_client):
    first, second = pledge(status="offered"), pledge("TUR", status="deployed")
    ConditionFactory(slug="a-mandate", links=[link(pledge=first), link(pledge=second)])
    ConditionFactory(slug="b-disarmament", links=[link(pledge=second)])
    rows = {row["slug"]: row["pledges_by_status"] for row in results(api_client.get(CONDITIONS))}
    assert rows == {"a-mandate": {"offered": 1, "deployed": 1}, "b-disarmament": {"deployed": 1}}


def test_as_of_counts_the_pledges_and_statuses_as_they_stood(api_client):
    held = pledge(status="offered")
    condition = ConditionFactory(links=[link(pledge=held)])
    before = timezone.now()
    add_event(held, "committed", date=datetime.date(2025, 11, 1))
    pledge("TUR", initiative=held.initiative)
    assert detail(api_client, condition, as_of=before.isoformat())["pledges_by_status"] == {"offered": 1}
    assert detail(api_client, condition)["pledges_by_status"] == {"committed": 1}


def test_valid_at_counts_the_pledges_by_their_status_on_that_date(api_client):
    held = pledge()
    add_event(held, "offered", date=datetime.date(2025, 10, 1))
    add_event(held, "committed", date=datetime.date(2025, 11, 1))
    later = pledge("TUR", initiative=held.initiative)
    add_event(later, "offered", date=datetime.date(2025, 11, 5))
    condition = ConditionFactory(links=[link(initiative=held.initiative)])
    add_event(condition, "unresolved", date=datetime.date(2025, 9, 1))
    assert detail(api_client, condition, valid_at="2025-10-15")["pledges_by_status"] == {"offered": 1}


def test_list_query_count_stays_flat_with_pledges_held_up(api_client):
    def add_rows(more):
        for _ in range(more):
            held = pledge(status="offered")
            pledge("TUR", status="committed", initiative=held.initiative)
            ConditionFactory(links=[link(pledge=held), link(initiative=held.initiative)])

    add_rows(1)
    assert_queries_flat(api_client, CONDITIONS, add_rows)
