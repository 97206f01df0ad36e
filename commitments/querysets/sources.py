from collections.abc import Sequence

from tracker.rows import Rows
from tracker.shapes import Row, Shaped

from .refs import slug_ref


class SourceRows(Rows):
    fields = (
        "id",
        "title",
        "title_supplied",
        "publisher__slug",
        "publisher__name",
        "author",
        "published",
        "published_precision",
        "language",
        "kind",
        "url",
        "accessed",
        "archive_url",
        "translation_of_id",
        "translation_of__title",
        "notes",
        "created",
        "updated",
    )

    def shape(self, rows: Sequence[Row]) -> list[Shaped]:
        return [self.shape_one(row) for row in rows]

    def shape_one(self, row: Row) -> Shaped:
        original = row["translation_of_id"]
        return {
            "url": self.urls.detail("source", row["id"]),
            "id": row["id"],
            "title": row["title"],
            "title_supplied": row["title_supplied"],
            "publisher": slug_ref(self.urls, "organization", row["publisher__slug"], row["publisher__name"]),
            "author": row["author"],
            "published": row["published"],
            "published_precision": row["published_precision"],
            "language": row["language"],
            "kind": row["kind"],
            "document_url": row["url"],
            "accessed": row["accessed"],
            "archive_url": row["archive_url"],
            "translation_of": None
            if original is None
            else {"id": original, "title": row["translation_of__title"], "url": self.urls.detail("source", original)},
            "notes": row["notes"],
            "created": row["created"],
            "updated": row["updated"],
        }
