import datetime
from collections.abc import Sequence
from typing import Any, TypeAlias

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tracker.dates import period_start
from tracker.services import validated_save, write_transaction

from ..models import Condition, EventEvidence, Initiative, Pledge, Statement, StatusEvent
from ..models.events import STATUSES
from .sources import Citation, as_pairs

# The records that have a status timeline.
TimelineRecord: TypeAlias = Pledge | Condition | Initiative


@write_transaction()
def status_event_create(
    record: TimelineRecord,
    *,
    status: str,
    date: datetime.date,
    date_precision: str = "day",
    note: str = "",
    sources: Sequence[Citation] = (),
    statements: Sequence[Statement] = (),
) -> StatusEvent:
    """Add a dated, sourced step to the timeline of a pledge, condition or initiative, and update its status.

    `sources` are Source records or (source, locator) pairs; `statements` are Statement records.
    """
    if not sources and not statements:
        raise ValidationError({"sources": [_("An event cites at least one source or statement.")]})
    field = timeline_field(record)
    event = StatusEvent(
        **{field: record},
        status=status,
        date=period_start(date, date_precision),
        date_precision=date_precision,
        note=note,
    )
    validate_status(field, status)
    validated_save(event)
    for source, locator in as_pairs(sources):
        validated_save(EventEvidence(event=event, source=source, locator=locator))
    for statement in statements:
        validated_save(EventEvidence(event=event, statement=statement))
    record_status_refresh(record)
    return event


@write_transaction()
def status_event_delete(event: StatusEvent) -> None:
    record = event.record
    event.delete()
    record_status_refresh(record)


def validate_status(field: str, status: str) -> None:
    if status not in STATUSES[field].values:
        raise ValidationError(
            {"status": [_("%(status)s is not a status of a %(record)s.") % {"status": status, "record": field}]}
        )


def timeline_field(record: TimelineRecord) -> str:
    """The StatusEvent field that points to a record of this kind: "pledge", "condition" or "initiative"."""
    name = record._meta.model_name
    assert name is not None, "only abstract models have no model_name"
    return name


def record_status_refresh(record: TimelineRecord) -> TimelineRecord:
    """Copy the latest event's status onto the record (and, for a pledge, the first event's date).

    The record is read afresh, so that a stale copy in the caller's hands never writes old values into
    the history row; the caller's copy gets the new status too.
    """
    given = record
    record = type(record).objects.get(pk=record.pk)
    events = StatusEvent.objects.filter(**{timeline_field(record): record}).order_by("date", "created", "id")
    latest = events.last()
    fields: dict[str, Any] = {"status": latest.status if latest else None}
    if timeline_field(record) == "pledge":
        first = events.first()
        fields["announced"] = first.date if first else None
        fields["announced_precision"] = first.date_precision if first else "day"
    for name, value in fields.items():
        setattr(given, name, value)
    changed = [name for name, value in fields.items() if getattr(record, name) != value]
    if changed:
        for name in changed:
            setattr(record, name, fields[name])
        record.save(update_fields=[*changed, "updated"])
    return record
