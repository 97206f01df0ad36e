"""The small objects by which one resource shows another, so that a client needs no second request."""

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, TypedDict, overload

from countries.api.rows import country_field, group_field
from tracker.lookups import with_ids
from tracker.rows import Rows, UrlBuilder, column_reader, group_by, reads
from tracker.shapes import Row

if TYPE_CHECKING:
    from ...models.sources import SourceLink

from ...choices import PartyType


class PartyRef(TypedDict):
    type: str
    key: str
    name: str
    url: str


class SlugRef(TypedDict):
    slug: str
    name: str
    url: str


class KeyRef(TypedDict):
    """A pledge or a statement, by its id and key."""

    id: int
    key: str
    url: str


StatementRef = KeyRef


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


@overload
def slug_ref(urls: UrlBuilder, basename: str, slug: str, name: str) -> SlugRef: ...
@overload
def slug_ref(urls: UrlBuilder, basename: str, slug: None, name: str) -> None: ...
def slug_ref(urls: UrlBuilder, basename: str, slug: str | None, name: str) -> SlugRef | None:
    if slug is None:
        return None
    return {"slug": slug, "name": name, "url": urls.detail(basename, slug)}


def source_ref(urls: UrlBuilder, source_id: int | None, title: str, locator: str = "") -> SourceRef | None:
    if source_id is None:
        return None
    return {"id": source_id, "title": title, "locator": locator, "url": urls.detail("source", source_id)}


def cited_sources(rows: Rows, link_model: "type[SourceLink]", ids: list[int]) -> dict[int, list[SourceRef | None]]:
    """{record id: [source ref, …]} of what the SourceLink model `link_model` cites for the records `ids`, read
    from the tables of `rows` (a Rows: today's, or as of an instant), in the order the links were made."""
    field = f"{link_model.record_field}_id"
    links = (
        with_ids(rows.table(link_model), field, ids)
        .order_by("id")
        .values_list(field, "source_id", "source__title", "locator")
    )
    return group_by((record_id, source_ref(rows.urls, *rest)) for record_id, *rest in links)


def slug_field(prefix: str, basename: str) -> Callable[[Rows, Row], SlugRef | None]:
    """The `read_<field>` of a field that shows the record at `prefix` (of the route `basename`) by its slug."""
    return column_reader(partial(slug_of, basename), f"{prefix}__slug", f"{prefix}__name")


def slug_of(basename: str, urls: UrlBuilder, slug: str | None, name: str) -> SlugRef | None:
    return slug_ref(urls, basename, slug, name)


def party_field(prefix: str) -> Callable[[Rows, Row], PartyRef | None]:
    """The `read_<field>` of a field that shows the party at `prefix`."""

    @reads(*party_fields(prefix))
    def read(rows: Rows, row: Row) -> PartyRef | None:
        return party_obj(rows.urls, row, prefix)

    return read


def key_field(prefix: str, basename: str) -> Callable[[Rows, Row], KeyRef | None]:
    """The `read_<field>` of a field that shows the pledge or statement at `prefix` by its id and key."""
    return column_reader(partial(key_ref, basename), f"{prefix}_id", f"{prefix}__key")


def key_ref(basename: str, urls: UrlBuilder, record_id: int | None, key: str) -> KeyRef | None:
    if record_id is None:
        return None
    return {"id": record_id, "key": key, "url": urls.detail(basename, record_id)}


def source_field(prefix: str) -> Callable[[Rows, Row], SourceRef | None]:
    """The `read_<field>` of a field that shows the source at `prefix`."""
    return column_reader(source_ref, f"{prefix}_id", f"{prefix}__title")


class PartyPartsRows(Rows):
    """Rows whose party (at `party`) also shows under its own name: `country`, `country_group` and
    `organization`, two of them None."""

    read_country = country_field("party__country")
    read_country_group = group_field("party__country_group")
    read_organization = slug_field("party__organization", "organization")
