from tracker.rows import Rows, reads
from tracker.shapes import Row, Shaped

from ..serializers.sources import SourceSerializer
from .refs import slug_field


class SourceRows(Rows):
    serializer_class = SourceSerializer
    basename = "source"

    read_publisher = slug_field("publisher", "organization")

    @reads("translation_of_id", "translation_of__title")
    def read_translation_of(self, row: Row) -> Shaped | None:
        original = row["translation_of_id"]
        if original is None:
            return None
        return {"id": original, "title": row["translation_of__title"], "url": self.urls.detail("source", original)}
