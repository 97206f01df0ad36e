from collections.abc import Sequence
from typing import Any

from tracker.columns import item_identifier
from tracker.lookups import with_ids
from tracker.rows import Rows, blank_as_null, precision_of, reads
from tracker.shapes import Row, Shaped

from ...models import StatementBasis, StatementSource, StatementSpeaker, StatementTarget
from ..serializers.statements import BasisSerializer, SpeakerSerializer, StatementSerializer, TargetSerializer
from .refs import (
    PartyPartsRows,
    SourceRef,
    cited_sources,
    key_field,
    party_field,
    party_fields,
    party_obj,
    slug_field,
    slug_ref,
)


class SpeakerRows(Rows):
    serializer_class = SpeakerSerializer

    @reads("person__slug", "person__name", "person__description")
    def read_person(self, row: Row) -> Shaped | None:
        if not row["person__slug"]:
            return None
        name = row["person__name"] or row["person__description"]
        return {**slug_ref(self.urls, "person", row["person__slug"], name), "is_anonymous": not row["person__name"]}

    read_organization = slug_field("organization", "organization")


class BasisRows(Rows):
    serializer_class = BasisSerializer

    read_party = party_field("party")


class TargetRows(PartyPartsRows):
    serializer_class = TargetSerializer

    @reads(*party_fields("party"), "pledge_id", "condition_id")
    def read_type(self, row: Row) -> str:
        party = party_obj(self.urls, row, "party")
        if party:
            return party["type"]
        return "pledge" if row["pledge_id"] else "condition" if row["condition_id"] else "initiative"

    read_pledge = key_field("pledge", "pledge")
    read_condition = slug_field("condition", "condition")
    read_initiative = slug_field("initiative", "initiative")

    read_stance = blank_as_null("stance")


class StatementRows(Rows):
    serializer_class = StatementSerializer
    basename = "statement"

    read_spoken_language = blank_as_null("spoken_language")
    read_translation_by = blank_as_null("translation_by")
    read_date_precision = precision_of("date")
    read_reported_precision = precision_of("reported")
    read_on_behalf_of = party_field("on_behalf_of")

    def links_speakers(self, rows: Sequence[Row]) -> dict[int, list[Shaped]]:
        speakers = with_ids(self.table(StatementSpeaker), "statement_id", ids_of(rows)).order_by("position", "id")
        return self.shape_links(SpeakerRows, speakers, "statement_id")

    def links_according_to(self, rows: Sequence[Row]) -> dict[int, list[Shaped]]:
        bases = with_ids(self.table(StatementBasis), "statement_id", ids_of(rows)).order_by("id")
        return self.shape_links(BasisRows, bases, "statement_id")

    def links_sources(self, rows: Sequence[Row]) -> dict[int, list[SourceRef | None]]:
        return cited_sources(self, StatementSource, ids_of(rows))

    def links_targets(self, rows: Sequence[Row]) -> dict[int, list[Shaped]]:
        targets = with_ids(self.table(StatementTarget), "statement_id", ids_of(rows)).order_by("id")
        return self.shape_links(TargetRows, targets, "statement_id")

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


def ids_of(rows: Sequence[Row]) -> list[int]:
    return [row["id"] for row in rows]
