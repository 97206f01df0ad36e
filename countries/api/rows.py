"""The row shapes of reference data, which the API, exports and `as_of` share, and the small objects by which
other resources show a country or a group."""

from collections.abc import Callable, Sequence
from typing import Generic, TypedDict, TypeVar

from django.db import models

from tracker.rows import Rows, UrlBuilder, column_reader, group_by
from tracker.shapes import Row

from ..models import Country, CountryGroup, CountryGroupMembership
from .serializers import CountryGroupSerializer, CountrySerializer


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


def country_ref(urls: UrlBuilder, iso3: str | None, name: str) -> CountryRef | None:
    """The small object by which every other resource shows a country."""
    if iso3 is None:
        return None
    return {"iso3": iso3, "name": name, "url": urls.detail("country", iso3)}


def group_ref(urls: UrlBuilder, slug: str | None, name: str) -> GroupRef | None:
    if slug is None:
        return None
    return {"slug": slug, "name": name, "url": urls.detail("countrygroup", slug)}


def region_ref(urls: UrlBuilder, code: str | None, name: str) -> RegionRef | None:
    return None if code is None else {"code": code, "name": name}


def country_field(prefix: str) -> Callable[[Rows, Row], CountryRef | None]:
    """The `read_<field>` of a field that shows the country at `prefix`."""
    return column_reader(country_ref, f"{prefix}__iso3", f"{prefix}__name")


def group_field(prefix: str) -> Callable[[Rows, Row], GroupRef | None]:
    """The `read_<field>` of a field that shows the country group at `prefix`."""
    return column_reader(group_ref, f"{prefix}__slug", f"{prefix}__name")


def region_field(prefix: str) -> Callable[[Rows, Row], RegionRef | None]:
    """The `read_<field>` of a field that shows the region at `prefix`."""
    return column_reader(region_ref, f"{prefix}__code", f"{prefix}__name")


# The reference a membership row shows of the record at its other end: a group's or a country's.
LinkedRef = TypeVar("LinkedRef", CountryRef, GroupRef)


class MembershipRows(Rows, Generic[LinkedRef]):
    """Rows of countries or of groups, each showing the records at the other end of its group memberships."""

    def memberships(
        self,
        rows: Sequence[Row],
        own: str,
        other: str,
        other_model: type[models.Model],
        key: str,
        ref: Callable[[UrlBuilder, str | None, str], LinkedRef | None],
    ) -> dict[int, list[LinkedRef | None]]:
        """{id: [`ref` of the record at `other`, …]} of the memberships whose `own` is one of `rows`, by name."""
        memberships = (
            self.table(CountryGroupMembership)
            .filter(**{f"{own}_id__in": [row["id"] for row in rows]})
            .annotate(**self.related(other, other_model, other_key=key, other_name="name"))
            .order_by("other_name", "id")
            .values_list(f"{own}_id", "other_key", "other_name")
        )
        return group_by((own_id, ref(self.urls, lookup, name)) for own_id, lookup, name in memberships)


class CountryRows(MembershipRows[GroupRef]):
    serializer_class = CountrySerializer
    basename = "country"
    lookup = "iso3"

    read_region = region_field("region")
    read_subregion = region_field("subregion")
    read_intermediate_region = region_field("intermediate_region")

    def links_groups(self, rows: Sequence[Row]) -> dict[int, list[GroupRef | None]]:
        return self.memberships(rows, "country", "group", CountryGroup, "slug", group_ref)


class CountryGroupRows(MembershipRows[CountryRef]):
    serializer_class = CountryGroupSerializer
    basename = "countrygroup"
    lookup = "slug"

    def links_members(self, rows: Sequence[Row]) -> dict[int, list[CountryRef | None]]:
        return self.memberships(rows, "group", "country", Country, "iso3", country_ref)
