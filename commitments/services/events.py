import datetime
from collections.abc import Sequence
from typing import Any, TypeAlias

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tracker.dates import normalized_dates, updated_dates
from tracker.services import sync_links, validated_save, validated_update, write_transaction

from ..models import Condition, EventEvidence, Initiative, Pledge, Statement, StatusEvent
from ..models.events import RECORD_FIELDS, STATUSES
from .sources import Citation, as_pairs

# The records that have a status timeline.
TimelineRecord: TypeAlias = Pledge | Condition | Initiative
# A statement shown as evidence: the statement, or the statement with a locator within it.
ShownStatement: TypeAlias = Statement | tuple[Statement, str]


@write_transaction()
def status_event_create(
    record: TimelineRecord,
    *,
    status: str,
    date: datetime.date,
    date_precision: str = "day",
    note: str = "",
    sources: Sequence[Citation] = (),
    statements: Sequence[ShownStatement] = (),
) -> StatusEvent:
    """Add a dated, sourced step to the timeline of a pledge, condition or initiative, and update its status.

    `sources` and `statements` are Source and Statement records, or (record, locator) pairs.
    """
    require_evidence(sources, statements)
    field = timeline_field(record)
    dated = normalized_dates({"date": date, "date_precision": date_precision}, "date")
    event = StatusEvent(**{field: record}, **dated, status=status, note=note)
    validate_status(field, status)
    validated_save(event)
    status_event_evidence_set(event, sources, statements)
    record_status_refresh(record)
    return event


@write_transaction()
def status_event_update(
    event: StatusEvent,
    *,
    sources: Sequence[Citation] | None = None,
    statements: Sequence[ShownStatement] | None = None,
    **fields: Any,
) -> StatusEvent:
    """Change an event's status, date or note and, when `sources` or `statements` is given, replace its
    evidence with them; its record's status follows. An event stays with its record."""
    moved = [name for name in RECORD_FIELDS if name in fields and fields[name] != getattr(event, name)]
    if moved:
        message = _("An event stays with its record: delete it and add it to the other record.")
        raise ValidationError({name: [message] for name in moved})
    fields = updated_dates(event, fields, "date")
    validate_status(event.record_field, fields.get("status", event.status))
    validated_update(event, fields)
    if sources is not None or statements is not None:
        status_event_evidence_set(event, sources or (), statements or ())
    record_status_refresh(event.record)
    return event


@write_transaction()
def status_event_delete(event: StatusEvent) -> None:
    """Delete an event and its evidence; its record's status follows the events left."""
    record = event.record
    event.delete()
    record_status_refresh(record)


def status_event_evidence_set(
    event: StatusEvent, sources: Sequence[Citation], statements: Sequence[ShownStatement]
) -> None:
    """Make the event's evidence exactly `sources` and `statements` (at least one of them)."""
    require_evidence(sources, statements)
    cited = [EventEvidence(event=event, source=source, locator=locator) for source, locator in as_pairs(sources)]
    shown = [EventEvidence(event=event, statement=item, locator=locator) for item, locator in as_pairs(statements)]
    evidence = event.evidence.all()
    sync_links(evidence.filter(source__isnull=False), cited, key=lambda row: row.source_id, field_name="sources")
    sync_links(
        evidence.filter(statement__isnull=False), shown, key=lambda row: row.statement_id, field_name="statements"
    )


def require_evidence(sources: Sequence[object], statements: Sequence[object]) -> None:
    if not sources and not statements:
        raise ValidationError({"sources": [_("An event cites at least one source or statement.")]})


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
