import heapq
from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import OuterRef, Q

from tracker.rows import VALID_STATUS, Rows, group_by
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
        participation in the initiative; one query for the page's links and one for their conditions, ordered by
        the condition's name. Each pledge reads only the links that can hold it up."""
        from ..models import ConditionLink

        initiatives = {row["initiative_id"] for row in rows}
        links = list(
            self.table(ConditionLink)
            .filter(
                Q(pledge_id__in=[row["id"] for row in rows])
                | Q(pledge__isnull=True, initiative_id__in=initiatives, party__isnull=True)
                | Q(pledge__isnull=True, initiative_id__in=initiatives, party_id__in={row["party_id"] for row in rows})
            )
            .order_by()
            .values_list("id", "pledge_id", "initiative_id", "party_id", "condition_id")
        )
        conditions = self.conditions_by_id({link[-1] for link in links})
        ordered = sorted(
            (link for link in links if link[-1] in conditions), key=lambda link: (conditions[link[-1]]["name"], link[0])
        )
        held = [(position, *link[1:-1], conditions[link[-1]]) for position, link in enumerate(ordered)]
        by_pledge = group_by((link[1], link) for link in held if link[1] is not None)
        by_initiative = group_by(((link[2], link[3]), link) for link in held if link[1] is None)
        shared: dict[tuple[int, int], list[tuple[Any, ...]]] = {}
        for row in rows:
            key = (row["initiative_id"], row["party_id"])
            if key not in shared:
                shared[key] = first_of_each(
                    heapq.merge(by_initiative.get((key[0], None), []), by_initiative.get(key, []))
                )
        return {
            row["id"]: self.conditions_of(
                row, heapq.merge(by_pledge.get(row["id"], []), shared[(row["initiative_id"], row["party_id"])])
            )
            for row in rows
        }

    def conditions_by_id(self, ids: set[int]) -> dict[int, Shaped]:
        """{id: reference with its status} of the conditions `ids`: as of the read's instant, and with `valid_at`
        the status on that date (null before the condition's first event)."""
        from ..models import Condition

        conditions = self.table(Condition).filter(id__in=ids)
        if self.valid_at is not None:
            status = CONDITION_TIMELINE.status_on(OuterRef("id"), self.valid_at, self.tables)
            conditions = conditions.annotate(**{VALID_STATUS: status})
        return {
            condition_id: {**slug_ref(self.urls, "condition", slug, name), "status": status}
            for condition_id, slug, name, status in conditions.values_list("id", "slug", "name", self.status_column())
        }

    def status_column(self) -> str:
        return "status" if self.valid_at is None else VALID_STATUS

    def conditions_of(self, row: Row, links: Iterable[tuple[Any, ...]]) -> list[Shaped]:
        held: dict[str, Shaped] = {}
        for _position, pledge_id, initiative_id, party_id, condition in links:
            via = holds_up(row, pledge_id, initiative_id, party_id)
            if via and condition["slug"] not in held:
                held[condition["slug"]] = {**condition, "via": via}
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


def first_of_each(links: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The first link of each condition, in order: the pledges of one initiative and party share these."""
    seen: set[str] = set()
    first = []
    for link in links:
        if link[-1]["slug"] not in seen:
            seen.add(link[-1]["slug"])
            first.append(link)
    return first


def holds_up(row: Row, pledge_id: int | None, initiative_id: int | None, party_id: int | None) -> str | None:
    """How a condition link holds this pledge up, or None."""
    if pledge_id is not None:
        return "pledge" if pledge_id == row["id"] else None
    if initiative_id != row["initiative_id"]:
        return None
    if party_id is None:
        return "initiative"
    return "participation" if party_id == row["party_id"] else None
