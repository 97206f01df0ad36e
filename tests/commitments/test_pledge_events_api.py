"""What is particular to a pledge's status timeline: its events' evidence, `announced`, the event permission and
the conditions' status it shows (what every timeline does is in tests/test_status_timelines.py)."""

import datetime

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from commitments.models import ConditionLink, StatusEvent
from commitments.services.events import status_event_create
from tests.conftest import token_client
from tests.factories import ConditionFactory, PledgeFactory, SourceFactory, StatementFactory, add_event
from tests.helpers import assert_problem, assert_queries_flat, results

pytestmark = pytest.mark.django_db


def events(pledge):
    return reverse("v1:pledge-events", args=[pledge.pk])


def pledge_row(client, pledge):
    return client.get(reverse("v1:pledge-detail", args=[pledge.pk])).json()


def event(status="committed", date="2025-10-24", **fields):
    return {"status": status, "date": date, "sources": [SourceFactory().pk], **fields}


def user_with(codename):
    user = User.objects.create_user(codename, password="password-1")
    user.user_permissions.add(Permission.objects.get(codename=codename))
    return token_client(user)


def test_events_of_the_same_day_list_in_entry_order(api_client):
    pledge = PledgeFactory()
    entered = [add_event(pledge, status).pk for status in ("considering", "offered", "possible")]
    assert [row["id"] for row in results(api_client.get(events(pledge)))] == entered


def test_events_list_only_this_pledges_events(api_client):
    pledge, other = PledgeFactory(), PledgeFactory()
    add_event(other, "possible")
    assert results(api_client.get(events(pledge))) == []


def test_an_event_shows_its_sources_and_statements(api_client):
    pledge, source, statement = PledgeFactory(), SourceFactory(), StatementFactory()
    status_event_create(
        pledge, status="possible", date=datetime.date(2025, 10, 24), sources=[source], statements=[statement]
    )
    (row,) = results(api_client.get(events(pledge)))
    assert [(s["id"], s["title"]) for s in row["sources"]] == [(source.pk, source.title)]
    assert [(s["id"], s["key"]) for s in row["statements"]] == [(statement.pk, statement.key)]


def test_editor_adds_an_event(editor_client):
    pledge = PledgeFactory()
    response = editor_client.post(events(pledge), event(note="Vance signalled it"))
    assert response.status_code == 201, response.content
    assert (response.json()["status"], response.json()["note"]) == ("committed", "Vance signalled it")
    assert pledge.events.get().pk == response.json()["id"]


def test_a_date_inside_a_week_is_stored_as_its_monday(editor_client):
    pledge = PledgeFactory()
    response = editor_client.post(events(pledge), event(date="2025-10-22", date_precision="week"))
    assert response.status_code == 201, response.content
    assert (response.json()["date"], response.json()["date_precision"]) == ("2025-10-20", "week")
    assert pledge.events.get().date == datetime.date(2025, 10, 20)


def test_a_date_inside_a_month_is_stored_as_its_first_day(editor_client):
    pledge = PledgeFactory()
    response = editor_client.post(events(pledge), event(date="2025-10-24", date_precision="month"))
    assert response.status_code == 201, response.content
    assert response.json()["date"] == "2025-10-01"


def test_announced_is_the_first_events_date_with_its_precision(editor_client):
    pledge = PledgeFactory()
    editor_client.post(events(pledge), event("committed", "2025-10-24"))
    editor_client.post(events(pledge), event("possible", "2025-10-22", date_precision="week"))
    row = pledge_row(editor_client, pledge)
    assert (row["announced"], row["announced_precision"]) == ("2025-10-20", "week")


def test_an_event_citing_only_a_statement_is_accepted(editor_client):
    response = editor_client.post(events(PledgeFactory()), event(sources=[], statements=[StatementFactory().pk]))
    assert response.status_code == 201, response.content


def test_an_event_citing_a_source_with_a_locator_is_accepted(editor_client):
    response = editor_client.post(events(PledgeFactory()), event(sources=[{"id": SourceFactory().pk, "locator": "¶4"}]))
    assert response.status_code == 201, response.content


def test_an_events_source_locator_is_kept(editor_client):
    body = event(sources=[{"id": SourceFactory().pk, "locator": "paragraph 4"}])
    response = editor_client.post(events(PledgeFactory()), body)
    assert response.status_code == 201, response.content
    assert [source["locator"] for source in response.json()["sources"]] == ["paragraph 4"]


def test_a_malformed_date_is_a_400_naming_date(editor_client):
    assert_problem(editor_client.post(events(PledgeFactory()), event(date="2025-13-45")), 400, "date")


def test_an_unknown_source_is_a_400_naming_that_item_of_sources(editor_client):
    source = SourceFactory()
    missing = source.pk
    source.delete()
    assert_problem(editor_client.post(events(PledgeFactory()), event(sources=[missing])), 400, "sources.0")


def test_changing_a_pledge_is_not_permission_to_add_its_events(db):
    pledge = PledgeFactory()
    assert_problem(user_with("change_pledge").post(events(pledge), event()), 403)


def test_add_statusevent_permission_is_enough_to_add_an_event(db):
    response = user_with("add_statusevent").post(events(PledgeFactory()), event())
    assert response.status_code == 201, response.content


def test_a_condition_event_moves_the_condition_status_the_pledge_shows(editor_client):
    pledge = PledgeFactory()
    condition = ConditionFactory(links=[ConditionLink(pledge=pledge, source=SourceFactory())])
    url = reverse("v1:condition-events", args=[condition.slug])
    assert editor_client.post(url, event("under_negotiation")).status_code == 201
    assert [c["status"] for c in pledge_row(editor_client, pledge)["conditions"]] == ["under_negotiation"]


def test_a_pledge_status_on_a_condition_is_a_400_naming_status(editor_client):
    condition = ConditionFactory()
    url = reverse("v1:condition-events", args=[condition.slug])
    assert_problem(editor_client.post(url, event("committed")), 400, "status")
    assert not StatusEvent.objects.filter(condition=condition).exists()


def test_events_query_count_stays_flat_with_sources_and_statements(api_client):
    pledge = PledgeFactory()

    def add_rows(count):
        for _ in range(count):
            status_event_create(
                pledge,
                status="possible",
                date=datetime.date(2025, 10, 24),
                sources=[SourceFactory(), SourceFactory()],
                statements=[StatementFactory()],
            )

    add_rows(2)
    assert_queries_flat(api_client, events(pledge), add_rows)
