import datetime
from typing import Any, TypeVar

from django.apps import apps
from django.db import models
from django.db.models import Expression, OuterRef, Subquery

from tracker.rows import VALID_STATUS, Tables

Records = TypeVar("Records", bound="models.QuerySet[Any]")


class StatusTimeline:
    """The status timelines of one kind of record (`field` of StatusEvent: "pledge", "condition", "initiative"),
    read as of a date: each record's status then is its latest event's on or before that date, an event counting
    from its stored day (the first day of its period)."""

    def __init__(self, field: str) -> None:
        self.field = field

    def status_on(self, record_id: Expression | OuterRef, day: datetime.date, tables: Tables) -> Subquery:
        """The status on `day` of the record whose id is `record_id` (an expression), or null before its first
        event; events are read from `tables` (today's, or as of an instant)."""
        events = tables.of(apps.get_model("commitments", "StatusEvent")).filter(
            **{f"{self.field}_id": record_id, "date__lte": day}
        )
        return Subquery(events.order_by("-date", "-created", "-id").values("status")[:1])

    def valid_at(self, queryset: Records, day: datetime.date, tables: Tables) -> Records:
        """The records of `queryset` whose timeline had begun by `day`, with their status then as VALID_STATUS."""
        status = self.status_on(OuterRef("id"), day, tables)
        return queryset.annotate(**{VALID_STATUS: status}).filter(**{f"{VALID_STATUS}__isnull": False})
