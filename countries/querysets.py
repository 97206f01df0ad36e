"""Reads of reference data: the list queries and the row shapes that the API, exports and `as_of` share."""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Self, TypedDict

from django.db import models
from django.db.models import Q

from tracker.rows import Rows, UrlBuilder
from tracker.shapes import Row, Shaped

if TYPE_CHECKING:
    from .models import Country, CountryGroup, Region  # noqa: F401 (named in the QuerySet["…"] bases below)


class CountryRef(TypedDict):
    iso3: str
    name: str
    url: str


class GroupRef(TypedDict):
    slug: str
    name: str
    url: str


class RegionRef(TypedDict):
    code: str
    name: str


class RegionQuerySet(models.QuerySet["Region"]):
    def containing_code(self, code: str) -> Self:
        return self.filter(code=code)


class CountryQuerySet(models.QuerySet["Country"]):
    def by_code(self, code: str) -> Self:
        """Look a country up by its alpha-3 or alpha-2 code, case-insensitive."""
        code = code.strip().upper()
        field = "iso3" if len(code) == 3 else "iso2"
        return self.filter(**{field: code})

    def in_regions(self, codes: Sequence[str]) -> Self:
        return self.filter(
            Q(region__code__in=codes) | Q(subregion__code__in=codes) | Q(intermediate_region__code__in=codes)
        )

    def in_groups(self, slugs: Sequence[str]) -> Self:
        return self.filter(group_memberships__group__slug__in=slugs).distinct()


class CountryGroupQuerySet(models.QuerySet["CountryGroup"]):
    pass


def country_ref(urls: UrlBuilder, iso3: str | None, name: str) -> CountryRef | None:
    """The small object by which every other resource shows a country."""
    if iso3 is None:
        return None
    return {"iso3": iso3, "name": name, "url": urls.detail("country", iso3)}


def group_ref(urls: UrlBuilder, slug: str | None, name: str) -> GroupRef | None:
    if slug is None:
        return None
    return {"slug": slug, "name": name, "url": urls.detail("countrygroup", slug)}


def region_ref(code: str | None, name: str) -> RegionRef | None:
    if code is None:
        return None
    return {"code": code, "name": name}


class CountryRows(Rows):
    fields = (  # type: ignore[assignment]  # Rows.fields is unannotated: read as tuple[()]
        "id",
        "iso2",
        "iso3",
        "m49",
        "name",
        "region__code",
        "region__name",
        "subregion__code",
        "subregion__name",
        "intermediate_region__code",
        "intermediate_region__name",
        "created",
        "updated",
    )

    def shape(self, rows: Sequence[Row]) -> list[Shaped]:
        groups = self.group_memberships([row["id"] for row in rows])
        return [self.shape_one(row, groups.get(row["id"], [])) for row in rows]

    def group_memberships(self, country_ids: list[int]) -> dict[int, list[GroupRef | None]]:
        from .models import CountryGroup, CountryGroupMembership

        memberships = (
            self.table(CountryGroupMembership)
            .filter(country_id__in=country_ids)
            .annotate(**self.related("group", CountryGroup, group_slug="slug", group_name="name"))
            .order_by("group_name", "id")
            .values_list("country_id", "group_slug", "group_name")
        )
        groups: dict[int, list[GroupRef | None]] = {}
        for country_id, slug, name in memberships:
            groups.setdefault(country_id, []).append(group_ref(self.urls, slug, name))
        return groups

    def shape_one(self, row: Row, groups: list[GroupRef | None]) -> Shaped:
        return {
            "url": self.urls.detail("country", row["iso3"]),
            "iso3": row["iso3"],
            "iso2": row["iso2"],
            "m49": row["m49"],
            "name": row["name"],
            "region": region_ref(row["region__code"], row["region__name"]),
            "subregion": region_ref(row["subregion__code"], row["subregion__name"]),
            "intermediate_region": region_ref(row["intermediate_region__code"], row["intermediate_region__name"]),
            "groups": groups,
            "created": row["created"],
            "updated": row["updated"],
        }


class CountryGroupRows(Rows):
    fields = (  # type: ignore[assignment]  # Rows.fields is unannotated: read as tuple[()]
        "id",
        "slug",
        "name",
        "description",
        "editor_supplied",
        "created",
        "updated",
    )

    def shape(self, rows: Sequence[Row]) -> list[Shaped]:
        members = self.members([row["id"] for row in rows])
        return [self.shape_one(row, members.get(row["id"], [])) for row in rows]

    def members(self, group_ids: list[int]) -> dict[int, list[CountryRef | None]]:
        from .models import Country, CountryGroupMembership

        memberships = (
            self.table(CountryGroupMembership)
            .filter(group_id__in=group_ids)
            .annotate(**self.related("country", Country, country_iso3="iso3", country_name="name"))
            .order_by("country_name", "id")
            .values_list("group_id", "country_iso3", "country_name")
        )
        members: dict[int, list[CountryRef | None]] = {}
        for group_id, iso3, name in memberships:
            members.setdefault(group_id, []).append(country_ref(self.urls, iso3, name))
        return members

    def shape_one(self, row: Row, members: list[CountryRef | None]) -> Shaped:
        return {
            "url": self.urls.detail("countrygroup", row["slug"]),
            "slug": row["slug"],
            "name": row["name"],
            "description": row["description"],
            "editor_supplied": row["editor_supplied"],
            "members": members,
            "created": row["created"],
            "updated": row["updated"],
        }
