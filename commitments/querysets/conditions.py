from collections.abc import Sequence

from tracker.rows import Rows, group_by
from tracker.shapes import Row, Shaped

from .refs import party_fields, party_obj, pledge_ref, slug_ref, source_ref, statement_ref
from .summaries import pledges_by_status

LINK_FIELDS = (
    "id",
    "condition_id",
    "pledge_id",
    "pledge__key",
    "initiative__slug",
    "initiative__name",
    *party_fields("party"),
    *party_fields("insisted_by"),
    *party_fields("must_act"),
    "statement_id",
    "statement__key",
    "source_id",
    "source__title",
    "note",
)


class ConditionRows(Rows):
    fields = (
        "id",
        "slug",
        "name",
        "description",
        "editor_supplied",
        "status",
        "created",
        "updated",
    )

    def shape(self, rows: Sequence[Row]) -> list[Shaped]:
        ids = [row["id"] for row in rows]
        links = super().links("links", lambda: self.condition_links(ids))
        wanted = rows and self.wants("pledges_by_status")
        held_up = pledges_by_status(self.tables, ids, self.valid_at) if wanted else {}
        return [self.shape_one(row, links.get(row["id"], []), held_up.get(row["slug"], {})) for row in rows]

    def condition_links(self, condition_ids: list[int]) -> dict[int, list[Shaped]]:
        from ..models import ConditionLink

        links = self.table(ConditionLink).filter(condition_id__in=condition_ids).order_by("id")
        return group_by((link["condition_id"], self.shape_link(link)) for link in links.values(*LINK_FIELDS))

    def shape_link(self, link: Row) -> Shaped:
        return {
            "id": link["id"],
            "pledge": pledge_ref(self.urls, link["pledge_id"], link["pledge__key"]),
            "initiative": slug_ref(self.urls, "initiative", link["initiative__slug"], link["initiative__name"]),
            "party": party_obj(self.urls, link, "party"),
            "insisted_by": party_obj(self.urls, link, "insisted_by"),
            "must_act": party_obj(self.urls, link, "must_act"),
            "statement": statement_ref(self.urls, link["statement_id"], link["statement__key"]),
            "source": source_ref(self.urls, link["source_id"], link["source__title"]),
            "note": link["note"],
        }

    def shape_one(self, row: Row, links: list[Shaped], held_up: dict[str, int]) -> Shaped:
        return {
            "url": self.urls.detail("condition", row["slug"]),
            "slug": row["slug"],
            "name": row["name"],
            "description": row["description"],
            "editor_supplied": row["editor_supplied"],
            "status": self.value(row, "status"),
            "links": links,
            "pledges_by_status": held_up,
            "events_url": self.urls.route("condition-events", row["slug"]),
            "created": row["created"],
            "updated": row["updated"],
        }
