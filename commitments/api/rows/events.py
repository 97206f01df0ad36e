from collections.abc import Sequence
from typing import Any, TypeAlias

from django.db import models

from tracker.lookups import with_ids
from tracker.rows import Rows, columns_read
from tracker.shapes import Row, Shaped

from ...models import EventEvidence
from ..serializers.events import PledgeEventSerializer
from .refs import SourceRef, StatementRef, key_ref, source_ref

# What an event cites: its sources and its statements.
Evidence: TypeAlias = tuple[list[SourceRef | None], list[StatementRef | None]]


class EventRows(Rows):
    """A status timeline: each event with the sources and statements it cites."""

    # Every kind of record's events have these fields; only the choices of their status differ.
    serializer_class = PledgeEventSerializer
    evidence_of: dict[int, Evidence] = {}

    def values(self, queryset: models.QuerySet[Any]) -> models.QuerySet[Any, Row]:
        """In timeline order; an event's status is its own, whatever the read's `valid_at`."""
        return queryset.order_by("date", "created", "id").values(*columns_read(EventRows))

    def shape(self, rows: Sequence[Row]) -> list[Shaped]:
        wanted = self.wants("sources") or self.wants("statements")
        self.evidence_of = self.evidence([row["id"] for row in rows]) if wanted else {}
        return super().shape(rows)

    def read_sources(self, row: Row) -> list[SourceRef | None]:
        return self.evidence_of.get(row["id"], ([], []))[0]

    def read_statements(self, row: Row) -> list[StatementRef | None]:
        return self.evidence_of.get(row["id"], ([], []))[1]

    def evidence(self, event_ids: list[int]) -> dict[int, Evidence]:
        rows = (
            with_ids(self.table(EventEvidence), "event_id", event_ids)
            .order_by("id")
            .values_list("event_id", "source_id", "source__title", "locator", "statement_id", "statement__key")
        )
        evidence: dict[int, Evidence] = {}
        for event_id, source_id, title, locator, statement_id, key in rows:
            sources, statements = evidence.setdefault(event_id, ([], []))
            if source_id:
                sources.append(source_ref(self.urls, source_id, title, locator))
            else:
                statements.append(key_ref("statement", self.urls, statement_id, key))
        return evidence
