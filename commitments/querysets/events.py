import datetime
from collections.abc import Sequence
from typing import Any, TypeAlias, TypeVar

from django.apps import apps
from django.db import models
from django.db.models import Expression, OuterRef, Subquery

from tracker.rows import VALID_STATUS, Rows, Tables
from tracker.shapes import Row, Shaped

from .refs import SourceRef, StatementRef, source_ref, statement_ref

Records = TypeVar("Records", bound="models.QuerySet[Any]")

# What an event cites: its sources and its statements.
Evidence: TypeAlias = tuple[list[SourceRef | None], list[StatementRef | None]]


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


class EventRows(Rows):
    """A status timeline: each event with the sources and statements it cites."""

    fields = (
        "id",
        "status",
        "date",
        "date_precision",
        "note",
        "created",
    )

    def values(self, queryset: "models.QuerySet[Any]") -> "models.QuerySet[Any, Row]":
        return queryset.order_by("date", "created", "id").values(*self.fields)

    def shape(self, rows: Sequence[Row]) -> list[Shaped]:
        wanted = self.wants("sources") or self.wants("statements")
        evidence = self.evidence([row["id"] for row in rows]) if wanted else {}
        return [self.shape_one(row, *evidence.get(row["id"], ([], []))) for row in rows]

    def evidence(self, event_ids: list[int]) -> dict[int, Evidence]:
        from ..models import EventEvidence

        rows = (
            self.table(EventEvidence)
            .filter(event_id__in=event_ids)
            .order_by("id")
            .values_list("event_id", "source_id", "source__title", "locator", "statement_id", "statement__key")
        )
        evidence: dict[int, Evidence] = {}
        for event_id, source_id, title, locator, statement_id, key in rows:
            sources, statements = evidence.setdefault(event_id, ([], []))
            if source_id:
                sources.append(source_ref(self.urls, source_id, title, locator))
            else:
                statements.append(statement_ref(self.urls, statement_id, key))
        return evidence

    def shape_one(self, row: Row, sources: list[SourceRef | None], statements: list[StatementRef | None]) -> Shaped:
        return {
            "id": row["id"],
            "status": row["status"],
            "date": row["date"],
            "date_precision": row["date_precision"],
            "note": row["note"],
            "sources": sources,
            "statements": statements,
            "created": row["created"],
        }
