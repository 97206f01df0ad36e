"""The small objects by which one resource shows another, so that a client needs no second request."""

from typing import TYPE_CHECKING, TypedDict, overload

from countries.querysets import CountryRef, GroupRef, country_ref, group_ref
from tracker.rows import Rows, UrlBuilder, group_by
from tracker.shapes import Row

if TYPE_CHECKING:
    from ..models.sources import SourceLink

from ..choices import PartyType


class PartyRef(TypedDict):
    type: str
    key: str
    name: str
    url: str


class SlugRef(TypedDict):
    slug: str
    name: str
    url: str


class PartyParts(TypedDict):
    country: CountryRef | None
    country_group: GroupRef | None
    organization: SlugRef | None


class PledgeRef(TypedDict):
    id: int
    key: str
    url: str


class StatementRef(TypedDict):
    id: int
    key: str
    url: str


class SourceRef(TypedDict):
    id: int
    title: str
    locator: str
    url: str


PARTY_FIELDS = (
    "country__iso3",
    "country__name",
    "country_group__slug",
    "country_group__name",
    "organization__slug",
    "organization__name",
)


def party_fields(prefix: str) -> tuple[str, ...]:
    """The `.values()` names that `party_obj` reads for the party at `prefix` ("party", "lead", …)."""
    return tuple(f"{prefix}__{field}" for field in PARTY_FIELDS)


def party_obj(urls: UrlBuilder, row: Row, prefix: str) -> PartyRef | None:
    """`{"type", "key", "name", "url"}` for the party at `prefix`, or None."""
    iso3 = row[f"{prefix}__country__iso3"]
    if iso3:
        return party_dict(PartyType.COUNTRY, iso3, row[f"{prefix}__country__name"], urls.detail("country", iso3))
    slug = row[f"{prefix}__country_group__slug"]
    if slug:
        name = row[f"{prefix}__country_group__name"]
        return party_dict(PartyType.COUNTRY_GROUP, slug, name, urls.detail("countrygroup", slug))
    slug = row[f"{prefix}__organization__slug"]
    if slug:
        name = row[f"{prefix}__organization__name"]
        return party_dict(PartyType.ORGANIZATION, slug, name, urls.detail("organization", slug))
    return None


def party_dict(type_: PartyType, key: str, name: str, url: str) -> PartyRef:
    return {"type": type_.value, "key": key, "name": name, "url": url}


def party_parts(urls: UrlBuilder, row: Row, prefix: str) -> PartyParts:
    """The party's record under its own name: `country`, `country_group` and `organization`, two of them None."""
    return {
        "country": country_ref(urls, row[f"{prefix}__country__iso3"], row[f"{prefix}__country__name"]),
        "country_group": group_ref(urls, row[f"{prefix}__country_group__slug"], row[f"{prefix}__country_group__name"]),
        "organization": slug_ref(
            urls, "organization", row[f"{prefix}__organization__slug"], row[f"{prefix}__organization__name"]
        ),
    }


@overload
def slug_ref(urls: UrlBuilder, basename: str, slug: str, name: str) -> SlugRef: ...
@overload
def slug_ref(urls: UrlBuilder, basename: str, slug: None, name: str) -> None: ...
def slug_ref(urls: UrlBuilder, basename: str, slug: str | None, name: str) -> SlugRef | None:
    if slug is None:
        return None
    return {"slug": slug, "name": name, "url": urls.detail(basename, slug)}


def pledge_ref(urls: UrlBuilder, pledge_id: int | None, key: str) -> PledgeRef | None:
    if pledge_id is None:
        return None
    return {"id": pledge_id, "key": key, "url": urls.detail("pledge", pledge_id)}


def statement_ref(urls: UrlBuilder, statement_id: int | None, key: str) -> StatementRef | None:
    if statement_id is None:
        return None
    return {"id": statement_id, "key": key, "url": urls.detail("statement", statement_id)}


def source_ref(urls: UrlBuilder, source_id: int | None, title: str, locator: str = "") -> SourceRef | None:
    if source_id is None:
        return None
    return {"id": source_id, "title": title, "locator": locator, "url": urls.detail("source", source_id)}


def cited_sources(rows: Rows, link_model: "type[SourceLink]", ids: list[int]) -> dict[int, list[SourceRef | None]]:
    """{record id: [source ref, …]} of what the SourceLink model `link_model` cites for the records `ids`, read
    from the tables of `rows` (a Rows: today's, or as of an instant), in the order the links were made."""
    field = f"{link_model.record_field}_id"
    links = (
        rows.table(link_model)
        .filter(**{f"{field}__in": ids})
        .order_by("id")
        .values_list(field, "source_id", "source__title", "locator")
    )
    return group_by((record_id, source_ref(rows.urls, *rest)) for record_id, *rest in links)
