from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tracker.dates import normalized_dates
from tracker.services import validated_save, write_transaction

from ..models import EventEvidence, StatusEvent
from ..models.events import STATUSES
from .sources import as_pairs


@write_transaction()
def status_event_create(record, *, status, date, date_precision="day", note="", sources=(), statements=()):
    """Add a dated, sourced step to the timeline of a pledge, condition or initiative, and update its status.

    `sources` are Source records or (source, locator) pairs; `statements` are Statement records.
    """
    if not sources and not statements:
        raise ValidationError({"sources": [_("An event cites at least one source or statement.")]})
    field = record._meta.model_name
    dated = normalized_dates({"date": date, "date_precision": date_precision}, "date")
    event = StatusEvent(**{field: record}, **dated, status=status, note=note)
    validate_status(field, status)
    validated_save(event)
    for source, locator in as_pairs(sources):
        validated_save(EventEvidence(event=event, source=source, locator=locator))
    for statement in statements:
        validated_save(EventEvidence(event=event, statement=statement))
    record_status_refresh(record)
    return event


@write_transaction()
def status_event_delete(event):
    record = event.record
    event.delete()
    record_status_refresh(record)


def validate_status(field, status):
    if status not in STATUSES[field].values:
        raise ValidationError(
            {"status": [_("%(status)s is not a status of a %(record)s.") % {"status": status, "record": field}]}
        )


def record_status_refresh(record):
    """Copy the latest event's status onto the record (and, for a pledge, the first event's date).

    The record is read afresh, so that a stale copy in the caller's hands never writes old values into
    the history row; the caller's copy gets the new status too.
    """
    given = record
    record = type(record).objects.get(pk=record.pk)
    events = StatusEvent.objects.filter(**{record._meta.model_name: record}).order_by("date", "created", "id")
    latest = events.last()
    fields = {"status": latest.status if latest else None}
    if record._meta.model_name == "pledge":
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
