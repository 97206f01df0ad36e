from tracker.rows import Rows

from .refs import source_ref, statement_ref


class EventRows(Rows):
    """A status timeline: each event with the sources and statements it cites."""

    fields = ("id", "status", "date", "date_precision", "note", "created")

    def values(self, queryset):
        return queryset.order_by("date", "created", "id").values(*self.fields)

    def shape(self, rows):
        evidence = self.evidence([row["id"] for row in rows])
        return [self.shape_one(row, *evidence.get(row["id"], ([], []))) for row in rows]

    def evidence(self, event_ids):
        from ..models import EventEvidence

        rows = (
            EventEvidence.objects.filter(event_id__in=event_ids)
            .order_by("id")
            .values_list("event_id", "source_id", "source__title", "locator", "statement_id", "statement__key")
        )
        evidence = {}
        for event_id, source_id, title, locator, statement_id, key in rows:
            sources, statements = evidence.setdefault(event_id, ([], []))
            if source_id:
                sources.append(source_ref(self.urls, source_id, title, locator))
            else:
                statements.append(statement_ref(self.urls, statement_id, key))
        return evidence

    def shape_one(self, row, sources, statements):
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
