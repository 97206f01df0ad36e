import heapq
from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import OuterRef, Q

from tracker.lookups import with_ids
from tracker.rows import VALID_STATUS, group_by, precision_of
from tracker.shapes import Row, Shaped

from ...models import Condition, ConditionLink, PledgeSource
from ...querysets.events import StatusTimeline
from ..serializers.pledges import PledgeSerializer
from .refs import PartyPartsRows, SourceRef, cited_sources, party_field, slug_field, slug_ref

CONDITION_TIMELINE = StatusTimeline("condition")


class PledgeRows(PartyPartsRows):
    serializer_class = PledgeSerializer
    basename = "pledge"
    key_columns = ("id", "initiative_id", "party_id")

    read_party = party_field("party")
    read_initiative = slug_field("initiative", "initiative")

    read_announced_precision = precision_of("announced")

    def links_sources(self, rows: Sequence[Row]) -> dict[int, list[SourceRef | None]]:
        return cited_sources(self, PledgeSource, [row["id"] for row in rows])

    def links_conditions(self, rows: Sequence[Row]) -> dict[int, list[Shaped]]:
        """The conditions that hold each pledge up: directly, through its initiative, or through its party's
        participation in the initiative; one query for the page's links and one for their conditions, ordered by
        the condition's name. Each pledge reads only the links that can hold it up."""
        links = self.condition_links_of(rows)
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

    def condition_links_of(self, rows: Sequence[Row]) -> list[tuple[Any, ...]]:
        """(id, pledge, initiative, party, condition) of each condition link that can hold up a pledge of `rows`:
        the pledges' own, then those of their initiatives, whole or for their parties. Two reads joined by UNION
        ALL: one read of all three by OR took the planner some 4 ms to weigh the indexes of each (0.5 ms as two)."""
        links = self.table(ConditionLink).order_by()
        columns = ("id", "pledge_id", "initiative_id", "party_id", "condition_id")
        own = with_ids(links, "pledge_id", [row["id"] for row in rows]).values_list(*columns)
        shared = links.filter(
            Q(party__isnull=True) | Q(party_id__in={row["party_id"] for row in rows}),
            pledge__isnull=True,
            initiative_id__in={row["initiative_id"] for row in rows},
        ).values_list(*columns)
        return list(own.union(shared, all=True))

    def conditions_by_id(self, ids: set[int]) -> dict[int, Shaped]:
        """{id: reference with its status} of the conditions `ids`: as of the read's instant, and with `valid_at`
        the status on that date (null before the condition's first event)."""
        conditions = with_ids(self.table(Condition), "id", ids)
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
