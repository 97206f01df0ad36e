"""What the status timeline of a pledge, a condition and an initiative does alike: `events/` lists it in date
order, and a POST adds a dated, sourced event of a status of that kind of record, which the record's status
follows. What is particular to one kind (a pledge's `announced`, a condition's statuses) is tested in its file."""

import datetime
from dataclasses import dataclass

import pytest
from django.urls import reverse

from tests.factories import ConditionFactory, InitiativeFactory, PledgeFactory, SourceFactory, add_event
from tests.helpers import assert_problem, results

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Timeline:
    basename: str
    factory: type
    lookup: str
    earlier: str  # a status of this kind of record
    later: str  # another
    foreign: str  # a status of another kind of record only

    def __str__(self):
        return self.basename

    def events_url(self, record):
        return reverse(f"v1:{self.basename}-events", args=[getattr(record, self.lookup)])

    def status(self, client, record):
        return client.get(reverse(f"v1:{self.basename}-detail", args=[getattr(record, self.lookup)])).json()["status"]


TIMELINES = [
    Timeline("pledge", PledgeFactory, "pk", "possible", "committed", "met"),
    Timeline("condition", ConditionFactory, "slug", "unresolved", "met", "committed"),
    Timeline("initiative", InitiativeFactory, "slug", "proposed", "planned", "committed"),
]

every_timeline = pytest.mark.parametrize("timeline", TIMELINES, ids=str)


def event(status, date="2025-10-24", **fields):
    return {"status": status, "date": date, "sources": [SourceFactory().pk], **fields}


@every_timeline
def test_events_list_in_date_order(api_client, timeline):
    record = timeline.factory()
    later = add_event(record, timeline.later, date=datetime.date(2025, 10, 24))
    earlier = add_event(record, timeline.earlier, date=datetime.date(2025, 10, 1))
    rows = results(api_client.get(timeline.events_url(record)))
    assert [row["id"] for row in rows] == [earlier.pk, later.pk]
    assert [(row["status"], row["date"]) for row in rows] == [
        (timeline.earlier, "2025-10-01"),
        (timeline.later, "2025-10-24"),
    ]


@every_timeline
def test_the_record_takes_the_status_of_its_latest_event(editor_client, timeline):
    record = timeline.factory()
    editor_client.post(timeline.events_url(record), event(timeline.earlier, "2025-10-01"))
    response = editor_client.post(timeline.events_url(record), event(timeline.later, "2025-10-24"))
    assert response.status_code == 201, response.content
    assert timeline.status(editor_client, record) == timeline.later


@every_timeline
def test_a_backdated_event_does_not_become_the_status(editor_client, timeline):
    record = timeline.factory()
    editor_client.post(timeline.events_url(record), event(timeline.later, "2025-10-24"))
    editor_client.post(timeline.events_url(record), event(timeline.earlier, "2025-10-01"))
    assert timeline.status(editor_client, record) == timeline.later


@every_timeline
def test_a_week_dated_event_is_stored_as_its_monday(editor_client, timeline):
    body = event(timeline.later, "2025-10-24", date_precision="week")
    response = editor_client.post(timeline.events_url(timeline.factory()), body)
    assert response.status_code == 201, response.content
    assert response.json()["date"] == "2025-10-20"


@every_timeline
def test_a_status_of_another_kind_of_record_is_a_400_naming_status(editor_client, timeline):
    record = timeline.factory()
    assert_problem(editor_client.post(timeline.events_url(record), event(timeline.foreign)), 400, "status")
    assert not record.events.exists()


@every_timeline
def test_an_event_without_source_or_statement_is_a_400_naming_sources(editor_client, timeline):
    record = timeline.factory()
    body = event(timeline.later, sources=[])
    assert_problem(editor_client.post(timeline.events_url(record), body), 400, "sources")
    assert not record.events.exists()


@every_timeline
def test_anonymous_user_cannot_add_an_event_and_is_asked_for_a_token(api_client, timeline):
    record = timeline.factory()
    response = api_client.post(timeline.events_url(record), event(timeline.later))
    assert_problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Token")
    assert not record.events.exists()


@every_timeline
def test_user_without_permission_cannot_add_an_event(reader_client, timeline):
    record = timeline.factory()
    assert_problem(reader_client.post(timeline.events_url(record), event(timeline.later)), 403)
    assert not record.events.exists()


@every_timeline
def test_anyone_may_read_the_events(api_client, timeline):
    record = timeline.factory()
    add_event(record, timeline.earlier)
    assert len(results(api_client.get(timeline.events_url(record)))) == 1


@every_timeline
def test_events_of_a_missing_record_are_a_404_problem(api_client, timeline):
    record = timeline.factory()
    url = timeline.events_url(record)
    record.delete()
    assert_problem(api_client.get(url), 404)
