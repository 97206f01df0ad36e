from collections.abc import Sequence

from tracker.rows import Rows
from tracker.shapes import Row, Shaped

from .refs import party_fields, party_obj, slug_ref


class InitiativeRows(Rows):
    fields = (
        "id",
        "slug",
        "name",
        "description",
        "editor_supplied",
        "parent__slug",
        "parent__name",
        *party_fields("lead"),
        "location",
        "status",
        "start",
        "start_precision",
        "end",
        "end_precision",
        "created",
        "updated",
    )

    def shape(self, rows: Sequence[Row]) -> list[Shaped]:
        return [self.shape_one(row) for row in rows]

    def shape_one(self, row: Row) -> Shaped:
        return {
            "url": self.urls.detail("initiative", row["slug"]),
            "slug": row["slug"],
            "name": row["name"],
            "description": row["description"],
            "editor_supplied": row["editor_supplied"],
            "parent": slug_ref(self.urls, "initiative", row["parent__slug"], row["parent__name"]),
            "lead": party_obj(self.urls, row, "lead"),
            "location": row["location"],
            "status": self.value(row, "status"),
            "start": row["start"],
            "start_precision": row["start_precision"],
            "end": row["end"],
            "end_precision": row["end_precision"],
            "events_url": self.urls.route("initiative-events", row["slug"]),
            "created": row["created"],
            "updated": row["updated"],
        }
