from collections.abc import Sequence

from tracker.lookups import with_ids
from tracker.rows import Rows
from tracker.shapes import Row, Shaped

from ...models import ConditionLink
from ...querysets.summaries import pledges_by_status
from ..serializers.conditions import ConditionLinkSerializer, ConditionSerializer
from .refs import key_field, party_field, slug_field, source_field


class ConditionLinkRows(Rows):
    """The links of a condition: what each holds up, who insists and who must act, and its evidence."""

    serializer_class = ConditionLinkSerializer

    read_pledge = key_field("pledge", "pledge")
    read_initiative = slug_field("initiative", "initiative")
    read_party = party_field("party")
    read_insisted_by = party_field("insisted_by")
    read_must_act = party_field("must_act")
    read_statement = key_field("statement", "statement")
    read_source = source_field("source")


class ConditionRows(Rows):
    serializer_class = ConditionSerializer
    basename = "condition"
    lookup = "slug"

    def links_links(self, rows: Sequence[Row]) -> dict[int, list[Shaped]]:
        links = with_ids(self.table(ConditionLink), "condition_id", [row["id"] for row in rows]).order_by("id")
        return self.shape_links(ConditionLinkRows, links, "condition_id")

    def links_pledges_by_status(self, rows: Sequence[Row]) -> dict[int, dict[str, int]]:
        if not rows:
            return {}
        held_up = pledges_by_status(self.tables, [row["id"] for row in rows], self.valid_at)
        return {row["id"]: held_up.get(row["slug"], {}) for row in rows}
