"""Reads of reference data: the list queries and the row shapes that the API, exports and `as_of` share."""

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Generic, Self, TypedDict, TypeVar

from django.db import models
from django.db.models import Q

from tracker.rows import Rows, UrlBuilder, group_by
from tracker.shapes import Row, Shaped

if TYPE_CHECKING:
    from .models import Country  # noqa: F401 (named in the QuerySet["…"] base below)


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


# The reference a membership row shows of the record at its other end: a group's or a country's.
LinkedRef = TypeVar("LinkedRef", CountryRef, GroupRef)


class MembershipRows(Rows, Generic[LinkedRef]):
    """Rows of countries or of groups, each showing the records at the other end of its group memberships
    (`linked(ids)`, by id), under the field `linked_field`."""

    linked_field = ""

    def linked(self, ids: list[int]) -> dict[int, list[LinkedRef | None]]:
        raise NotImplementedError

    def shape_one(self, row: Row, linked: list[LinkedRef | None]) -> Shaped:
        raise NotImplementedError

    def shape(self, rows: Sequence[Row]) -> list[Shaped]:
        linked = self.links(self.linked_field, lambda: self.linked([row["id"] for row in rows]))
        return [self.shape_one(row, linked.get(row["id"], [])) for row in rows]

    def memberships(
        self,
        ids: list[int],
        own: str,
        other: str,
        other_model: type[models.Model],
        key: str,
        ref: Callable[[UrlBuilder, str | None, str], LinkedRef | None],
    ) -> dict[int, list[LinkedRef | None]]:
        """{id: [`ref` of the record at `other`, …]} of the memberships whose `own` is one of `ids`, by name."""
        from .models import CountryGroupMembership

        memberships = (
            self.table(CountryGroupMembership)
            .filter(**{f"{own}_id__in": ids})
            .annotate(**self.related(other, other_model, other_key=key, other_name="name"))
            .order_by("other_name", "id")
            .values_list(f"{own}_id", "other_key", "other_name")
        )
        return group_by((own_id, ref(self.urls, lookup, name)) for own_id, lookup, name in memberships)


class CountryRows(MembershipRows[GroupRef]):
    linked_field = "groups"
    fields = (
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

    def linked(self, country_ids: list[int]) -> dict[int, list[GroupRef | None]]:
        from .models import CountryGroup

        return self.memberships(country_ids, "country", "group", CountryGroup, "slug", group_ref)

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


class CountryGroupRows(MembershipRows[CountryRef]):
    linked_field = "members"
    fields = (
        "id",
        "slug",
        "name",
        "description",
        "editor_supplied",
        "created",
        "updated",
    )

    def linked(self, group_ids: list[int]) -> dict[int, list[CountryRef | None]]:
        from .models import Country

        return self.memberships(group_ids, "group", "country", Country, "iso3", country_ref)

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
