from collections.abc import Callable, Sequence
from typing import Any

from countries.querysets import country_ref, group_ref
from tracker.columns import item_identifier
from tracker.rows import Rows, group_by
from tracker.shapes import Row, Shaped

from .refs import SourceRef, cited_sources, party_fields, party_obj, pledge_ref, slug_ref

TARGET_FIELDS = (
    "statement_id",
    *party_fields("party"),
    "pledge_id",
    "pledge__key",
    "condition_id",
    "condition__slug",
    "condition__name",
    "initiative__slug",
    "initiative__name",
    "stance",
)


class StatementRows(Rows):
    fields = (
        "id",
        "key",
        "kind",
        "text",
        "language",
        "spoken_language",
        "text_origin",
        "translation",
        "translation_by",
        "date",
        "date_precision",
        "reported",
        "reported_precision",
        *party_fields("on_behalf_of"),
        "created",
        "updated",
    )

    def shape(self, rows: Sequence[Row]) -> list[Shaped]:
        ids = [row["id"] for row in rows]
        readers: dict[str, Callable[[list[int]], dict[int, list[Any]]]] = {
            "speakers": self.speakers,
            "according_to": self.according_to,
            "targets": self.targets,
            "sources": self.sources,
        }
        links: dict[str, dict[int, list[Any]]] = {
            name: read(ids) if self.wants(name) else {} for name, read in readers.items()
        }
        return [
            self.shape_one(row, **{name: grouped.get(row["id"], []) for name, grouped in links.items()}) for row in rows
        ]

    def speakers(self, ids: list[int]) -> dict[int, list[Shaped]]:
        from ..models import StatementSpeaker

        rows = (
            self.table(StatementSpeaker)
            .filter(statement_id__in=ids)
            .order_by("position", "id")
            .values(
                "statement_id",
                "person__slug",
                "person__name",
                "person__description",
                "organization__slug",
                "organization__name",
                "role",
                "count",
            )
        )
        return group_by((row["statement_id"], self.shape_speaker(row)) for row in rows)

    def shape_speaker(self, row: Row) -> Shaped:
        person = None
        if row["person__slug"]:
            name = row["person__name"] or row["person__description"]
            person = {
                **slug_ref(self.urls, "person", row["person__slug"], name),
                "is_anonymous": not row["person__name"],
            }
        return {
            "person": person,
            "organization": slug_ref(self.urls, "organization", row["organization__slug"], row["organization__name"]),
            "role": row["role"],
            "count": row["count"],
        }

    def according_to(self, ids: list[int]) -> dict[int, list[Shaped]]:
        from ..models import StatementBasis

        rows = (
            self.table(StatementBasis)
            .filter(statement_id__in=ids)
            .order_by("id")
            .values("statement_id", *party_fields("party"), "words")
        )
        return group_by(
            (row["statement_id"], {"party": party_obj(self.urls, row, "party"), "words": row["words"]}) for row in rows
        )

    def sources(self, ids: list[int]) -> dict[int, list[SourceRef | None]]:
        from ..models import StatementSource

        return cited_sources(self, StatementSource, ids)

    def targets(self, ids: list[int]) -> dict[int, list[Shaped]]:
        from ..models import StatementTarget

        rows = self.table(StatementTarget).filter(statement_id__in=ids).order_by("id").values(*TARGET_FIELDS)
        return group_by((row["statement_id"], self.shape_target(row)) for row in rows)

    def shape_target(self, row: Row) -> Shaped:
        party = party_obj(self.urls, row, "party")
        kind = party["type"] if party else None
        return {
            "type": kind or ("pledge" if row["pledge_id"] else "condition" if row["condition_id"] else "initiative"),
            "country": country_ref(self.urls, row["party__country__iso3"], row["party__country__name"]),
            "country_group": group_ref(self.urls, row["party__country_group__slug"], row["party__country_group__name"]),
            "organization": slug_ref(
                self.urls, "organization", row["party__organization__slug"], row["party__organization__name"]
            ),
            "pledge": pledge_ref(self.urls, row["pledge_id"], row["pledge__key"]),
            "condition": slug_ref(self.urls, "condition", row["condition__slug"], row["condition__name"]),
            "initiative": slug_ref(self.urls, "initiative", row["initiative__slug"], row["initiative__name"]),
            "stance": row["stance"] or None,
        }

    def item_key(self, field: str, item: Any) -> str:
        """A target as `type:key`, with `:stance` when it has one (`country:FRA:supports`, `pledge:idn-isf`)."""
        if field != "targets":
            return super().item_key(field, item)
        return ":".join(filter(None, [item["type"], item_identifier(item), item["stance"]]))

    @classmethod
    def item_key_description(cls, field: str, child: Any) -> str:
        if field != "targets":
            return super().item_key_description(field, child)
        return "Each target as `type:key`, with `:stance` when it has one (`country:FRA:supports`), joined by `|`."

    def shape_one(
        self,
        row: Row,
        speakers: list[Shaped],
        according_to: list[Shaped],
        targets: list[Shaped],
        sources: list[SourceRef | None],
    ) -> Shaped:
        return {
            "url": self.urls.detail("statement", row["id"]),
            "id": row["id"],
            "key": row["key"],
            "kind": row["kind"],
            "text": row["text"],
            "language": row["language"],
            "spoken_language": row["spoken_language"] or None,
            "text_origin": row["text_origin"],
            "translation": row["translation"],
            "translation_by": row["translation_by"] or None,
            "date": row["date"],
            "date_precision": row["date_precision"] if row["date"] else None,
            "reported": row["reported"],
            "reported_precision": row["reported_precision"] if row["reported"] else None,
            "speakers": speakers,
            "on_behalf_of": party_obj(self.urls, row, "on_behalf_of"),
            "according_to": according_to,
            "targets": targets,
            "sources": sources,
            "created": row["created"],
            "updated": row["updated"],
        }
