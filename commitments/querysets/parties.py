from collections.abc import Sequence

from countries.querysets import country_ref
from tracker.rows import Rows
from tracker.shapes import Row, Shaped

from .refs import slug_ref


class OrganizationRows(Rows):
    fields = (
        "id",
        "slug",
        "name",
        "acronym",
        "kind",
        "country__iso3",
        "country__name",
        "parent__slug",
        "parent__name",
        "description",
        "editor_supplied",
        "created",
        "updated",
    )

    def shape(self, rows: Sequence[Row]) -> list[Shaped]:
        return [
            {
                "url": self.urls.detail("organization", row["slug"]),
                "slug": row["slug"],
                "name": row["name"],
                "acronym": row["acronym"],
                "kind": row["kind"],
                "country": country_ref(self.urls, row["country__iso3"], row["country__name"]),
                "parent": slug_ref(self.urls, "organization", row["parent__slug"], row["parent__name"]),
                "description": row["description"],
                "editor_supplied": row["editor_supplied"],
                "created": row["created"],
                "updated": row["updated"],
            }
            for row in rows
        ]


class PersonRows(Rows):
    fields = (
        "id",
        "slug",
        "name",
        "description",
        "editor_supplied",
        "organization__slug",
        "organization__name",
        "country__iso3",
        "country__name",
        "created",
        "updated",
    )

    def shape(self, rows: Sequence[Row]) -> list[Shaped]:
        return [
            {
                "url": self.urls.detail("person", row["slug"]),
                "slug": row["slug"],
                "name": row["name"],
                "description": row["description"],
                "editor_supplied": row["editor_supplied"],
                "is_anonymous": not row["name"],
                "organization": slug_ref(
                    self.urls, "organization", row["organization__slug"], row["organization__name"]
                ),
                "country": country_ref(self.urls, row["country__iso3"], row["country__name"]),
                "created": row["created"],
                "updated": row["updated"],
            }
            for row in rows
        ]
