"""The status event services, called directly: evidence, statuses, date periods, the record's status copy."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from commitments.models import EventEvidence, StatusEvent
from commitments.services.events import status_event_create, status_event_delete, status_event_update
from tests.factories import ConditionFactory, PledgeFactory, SourceFactory, StatementFactory, add_event
from tracker.history import change_context

pytestmark = pytest.mark.django_db

FRIDAY = datetime.date(2025, 10, 24)


def test_an_event_sets_the_status_and_the_first_date_of_its_pledge():
    pledge = PledgeFactory()
    status_event_create(pledge, status="considering", date=FRIDAY, date_precision="week", sources=[SourceFactory()])
    pledge.refresh_from_db()
    assert (pledge.status, pledge.announced, pledge.announced_precision) == (
        "considering",
        datetime.date(2025, 10, 20),
        "week",
    )


def test_an_event_is_stored_from_the_first_day_of_its_period():
    event = add_event(PledgeFactory(), "committed", date=FRIDAY, precision="month")
    assert event.date == datetime.date(2025, 10, 1)


def test_an_event_cites_sources_and_statements_with_their_places():
    source, statement = SourceFactory(), StatementFactory()
    event = status_event_create(
        PledgeFactory(), status="offered", date=FRIDAY, sources=[(source, "p. 1")], statements=[(statement, "§2")]
    )
    assert list(event.evidence.values_list("source", "statement", "locator")) == [
        (source.pk, None, "p. 1"),
        (None, statement.pk, "§2"),
    ]


def test_an_event_without_evidence_is_refused():
    pledge = PledgeFactory()
    with pytest.raises(ValidationError) as refused:
        status_event_create(pledge, status="committed", date=FRIDAY)
    assert refused.value.message_dict == {"sources": ["An event cites at least one source or statement."]}
    assert not StatusEvent.objects.exists()


def test_a_status_of_another_kind_of_record_is_refused():
    with pytest.raises(ValidationError) as refused:
        status_event_create(PledgeFactory(), status="met", date=FRIDAY, sources=[SourceFactory()])
    assert "status" in refused.value.message_dict
    assert not StatusEvent.objects.exists()


def test_an_update_moves_the_date_with_a_new_precision_and_refreshes_the_status():
    condition = ConditionFactory()
    event = add_event(condition, "unresolved", date=FRIDAY)
    status_event_update(event, status="met", date_precision="year")
    condition.refresh_from_db()
    event.refresh_from_db()
    assert (condition.status, event.date) == ("met", datetime.date(2025, 1, 1))


def test_an_update_replaces_the_evidence():
    event = add_event(PledgeFactory(), "committed")
    statement = StatementFactory()
    status_event_update(event, sources=[], statements=[statement])
    assert list(event.evidence.values_list("source", "statement")) == [(None, statement.pk)]


def test_an_update_cannot_leave_an_event_without_evidence():
    event = add_event(PledgeFactory(), "committed")
    with pytest.raises(ValidationError):
        status_event_update(event, status="withdrawn", sources=[], statements=[])
    event.refresh_from_db()
    assert (event.status, event.evidence.count()) == ("committed", 1)


def test_an_update_refuses_a_status_of_another_kind_of_record():
    event = add_event(PledgeFactory(), "committed")
    with pytest.raises(ValidationError) as refused:
        status_event_update(event, status="active")
    assert "status" in refused.value.message_dict


def test_an_event_stays_with_its_record():
    event = add_event(PledgeFactory(), "committed")
    with pytest.raises(ValidationError) as refused:
        status_event_update(event, pledge=PledgeFactory())
    assert "pledge" in refused.value.message_dict


def test_deleting_the_latest_event_brings_back_the_status_before_it():
    pledge = PledgeFactory()
    add_event(pledge, "considering", date=FRIDAY)
    latest = add_event(pledge, "committed", date=FRIDAY + datetime.timedelta(days=3))
    status_event_delete(latest)
    pledge.refresh_from_db()
    assert pledge.status == "considering"
    assert not EventEvidence.objects.filter(event_id=latest.pk).exists()


def test_deleting_the_only_event_clears_the_status_and_the_announced_date():
    pledge = PledgeFactory()
    status_event_delete(add_event(pledge, "committed"))
    pledge.refresh_from_db()
    assert (pledge.status, pledge.announced) == (None, None)


def test_the_reason_of_the_change_context_reaches_the_event_and_its_record(editor):
    pledge = PledgeFactory()
    with change_context(reason="The ministry confirmed it.", user=editor):
        event = add_event(pledge, "committed")
    assert event.history.get().history_change_reason == "The ministry confirmed it."
    assert pledge.history.latest().history_change_reason == "The ministry confirmed it."


def test_the_same_statement_cited_twice_is_refused():
    statement = StatementFactory()
    with pytest.raises(ValidationError) as refused:
        status_event_create(PledgeFactory(), status="offered", date=FRIDAY, statements=[statement, statement])
    assert "statements" in refused.value.message_dict
    assert not StatusEvent.objects.exists()
