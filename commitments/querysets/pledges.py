from collections.abc import Sequence
from typing import Any

from django.db.models import OuterRef, Q

from tracker.rows import Rows, group_by
from tracker.shapes import Row, Shaped

from .events import StatusTimeline
from .refs import SourceRef, cited_sources, party_fields, party_obj, party_parts, slug_ref

CONDITION_TIMELINE = StatusTimeline("condition")


class PledgeRows(Rows):
    fields = (
        "id",
        "key",
        "party_id",
        *party_fields("party"),
        "initiative_id",
        "initiative__slug",
        "initiative__name",
        "kind",
        "quantity_qualifier",
        "quantity_low",
        "quantity_high",
        "quantity_unit",
        "quantity_text",
        "description",
        "editor_supplied",
        "status",
        "announced",
        "announced_precision",
        "created",
        "updated",
    )

    def shape(self, rows: Sequence[Row]) -> list[Shaped]:
        ids = [row["id"] for row in rows]
        sources = self.links("sources", lambda: self.sources(ids))
        conditions = self.links("conditions", lambda: self.conditions(rows))
        return [self.shape_one(row, sources.get(row["id"], []), conditions.get(row["id"], [])) for row in rows]

    def sources(self, pledge_ids: list[int]) -> dict[int, list[SourceRef | None]]:
        from ..models import PledgeSource

        return cited_sources(self, PledgeSource, pledge_ids)

    def conditions(self, rows: Sequence[Row]) -> dict[int, list[Shaped]]:
        """The conditions that hold each pledge up: directly, through its initiative, or through its party's
        participation in the initiative; one query for the whole page."""
        from ..models import ConditionLink

        links = (
            self.table(ConditionLink)
            .filter(
                Q(pledge_id__in=[row["id"] for row in rows])
                | Q(pledge__isnull=True, initiative_id__in={row["initiative_id"] for row in rows})
            )
            .annotate(**self.condition_columns())
            .order_by("condition_name", "id")
            .values_list(
                "pledge_id", "initiative_id", "party_id", "condition_slug", "condition_name", "condition_status"
            )
        )
        nearby = LinksNearby(list(links))
        return {row["id"]: self.conditions_of(row, nearby.of(row)) for row in rows}

    def condition_columns(self) -> dict[str, Any]:
        """The slug, name and status of each link's condition: as of the read's instant, and with `valid_at` the
        status on that date (null before the condition's first event)."""
        from ..models import Condition

        columns = self.related("condition", Condition, condition_slug="slug", condition_name="name")
        if self.valid_at is None:
            return {**columns, **self.related("condition", Condition, condition_status="status")}
        status = CONDITION_TIMELINE.status_on(OuterRef("condition_id"), self.valid_at, self.tables)
        return {**columns, "condition_status": status}

    def conditions_of(self, row: Row, links: list[tuple[Any, ...]]) -> list[Shaped]:
        held: dict[str, Shaped] = {}
        for pledge_id, initiative_id, party_id, slug, name, status in links:
            via = holds_up(row, pledge_id, initiative_id, party_id)
            if via and slug is not None and slug not in held:
                held[slug] = {**slug_ref(self.urls, "condition", slug, name), "status": status, "via": via}
        return list(held.values())

    def shape_one(self, row: Row, sources: list[SourceRef | None], conditions: list[Shaped]) -> Shaped:
        return {
            "url": self.urls.detail("pledge", row["id"]),
            "id": row["id"],
            "key": row["key"],
            "party": party_obj(self.urls, row, "party"),
            **party_parts(self.urls, row, "party"),
            "initiative": slug_ref(self.urls, "initiative", row["initiative__slug"], row["initiative__name"]),
            "kind": row["kind"],
            "quantity": {
                "qualifier": row["quantity_qualifier"],
                "low": row["quantity_low"],
                "high": row["quantity_high"],
                "unit": row["quantity_unit"],
                "text": row["quantity_text"],
            },
            "description": row["description"],
            "editor_supplied": row["editor_supplied"],
            "status": self.value(row, "status"),
            "announced": row["announced"],
            "announced_precision": row["announced_precision"] if row["announced"] else None,
            "sources": sources,
            "conditions": conditions,
            "events_url": self.urls.route("pledge-events", row["id"]),
            "created": row["created"],
            "updated": row["updated"],
        }


class LinksNearby:
    """The condition links of a batch of pledges, found for each pledge among those of its own pledge and of its
    initiative only, in their order (by name): an export's batch holds thousands of pledges and links."""

    def __init__(self, links: list[tuple[Any, ...]]) -> None:
        numbered = list(enumerate(links))
        self.of_pledge = group_by((link[0], (n, link)) for n, link in numbered if link[0] is not None)
        self.of_initiative = group_by((link[1], (n, link)) for n, link in numbered if link[0] is None)

    def of(self, row: Row) -> list[tuple[Any, ...]]:
        found = self.of_pledge.get(row["id"], []) + self.of_initiative.get(row["initiative_id"], [])
        return [link for _n, link in sorted(found, key=lambda numbered: numbered[0])]


def holds_up(row: Row, pledge_id: int | None, initiative_id: int | None, party_id: int | None) -> str | None:
    """How a condition link holds this pledge up, or None."""
    if pledge_id is not None:
        return "pledge" if pledge_id == row["id"] else None
    if initiative_id != row["initiative_id"]:
        return None
    if party_id is None:
        return "initiative"
    return "participation" if party_id == row["party_id"] else None
