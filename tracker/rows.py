"""Dict-based row shaping for fast reads.

Each resource's row shape lives in its app's API layer as a `Rows` subclass: the API's lists and details,
exports and field selection all go through it. It reads `.values()` rows (no model instances) and fetches
links for a whole page in one query per link type, so the query count does not grow with the number of rows.

What a resource shows is declared once, by its read serializer (`Rows.serializer_class`): the fields, in
its order (the timestamps last), that both the output and the OpenAPI schema have. The `Rows` says only how
each field that is not a plain column is read: `read_<field>(row)` from the row (with the columns it needs,
`@reads(...)`), or `links_<field>(rows)` for a whole page at once. Any other field is the column its
serializer field names (`source`), or, for a nested serializer, an object of such columns; so the query's
columns, too, come from the declaration.

A `Rows` object reads its links through `table(Model)`: today's rows by default, or, in a read as of an
instant (`?as_of=`), the rows as they stood then, from the link model's history (`AsOfTables`).
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from operator import itemgetter
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, TypeVar

from django.conf import settings
from django.db import models, router
from django.db.models import Exists, F, OuterRef, Subquery
from django.urls import NoReverseMatch, get_script_prefix, reverse
from rest_framework import serializers
from simple_history.utils import get_history_model_for_model

from .columns import identifier_description, item_identifier, output_order
from .plans import joins_as_written
from .shapes import Row, Shaped

if TYPE_CHECKING:
    from django.http import HttpRequest
    from rest_framework.request import Request

    from .fields import FieldSelection

Key = TypeVar("Key")
Value = TypeVar("Value")
Method = TypeVar("Method", bound=Callable[..., Any])

# The annotation that holds a record's status on the `valid_at` date, read in place of its `status`.
VALID_STATUS = "status_valid_at"

# Lookups that fit the routes' patterns (ids, ISO alpha-3 codes, slugs), used once per route to find where the
# lookup goes in its URL.
PLACEHOLDERS = ("9876543210", "QQQ", "lookup-placeholder")


class UrlBuilder:
    """Absolute URLs of the API's detail routes, reversed once per route rather than once per row."""

    def __init__(self, request: Request | HttpRequest | None, namespace: str = "v1") -> None:
        self.request = request
        self.namespace = namespace
        self._templates: dict[str, tuple[str, str]] = {}

    def detail(self, basename: str, lookup: object) -> str:
        return self.route(f"{basename}-detail", lookup)

    def route(self, name: str, lookup: object) -> str:
        template = self._templates.get(name)
        if template is None:
            template = self._templates[name] = self._template(name)
        prefix, suffix = template
        return f"{prefix}{lookup}{suffix}"

    def _template(self, name: str) -> tuple[str, str]:
        prefix, suffix = route_template(f"{self.namespace}:{name}", get_script_prefix(), settings.ROOT_URLCONF)
        return self._absolute(prefix), suffix

    def _absolute(self, path: str) -> str:
        if self.request is None:
            return path
        return self.request.build_absolute_uri(path)


@functools.cache
def route_template(route: str, script_prefix: str, urlconf: str) -> tuple[str, str]:
    """(path before the lookup, path after it) of a route with one lookup, reversed once for the process rather
    than for each request (the nine routes of a page of statements cost some 0.3 ms a request). The script prefix
    and the URL configuration it was reversed under are part of the key."""
    for placeholder in PLACEHOLDERS:
        try:
            path = reverse(route, args=[placeholder])
        except NoReverseMatch:
            continue
        prefix, suffix = path.split(placeholder, 1)
        return prefix, suffix
    raise NoReverseMatch(f"No lookup fits the route {route}.")


class Tables:
    """Where a read finds the rows of each model: today's tables."""

    instant: datetime.datetime | None = None

    def of(self, model: type[models.Model]) -> models.QuerySet[Any]:
        return model._default_manager.all()


CURRENT_TABLES = Tables()


class AsOfTables(Tables):
    """Each model's rows as they stood at `instant`, from its history: later creations absent, later deletions
    present, later edits undone."""

    instant: datetime.datetime

    def __init__(self, instant: datetime.datetime) -> None:
        self.instant = instant

    def of(self, model: type[models.Model]) -> models.QuerySet[Any]:
        return as_of_queryset(model, self.instant)


def as_of_queryset(model: type[models.Model], instant: datetime.datetime) -> models.QuerySet[Any]:
    """The rows of `model` as they stood at `instant`: of each record, its latest version at or before then, unless
    that version is its deletion.

    It is a queryset of the model's own QuerySet class (so its methods, `by_countries`, `with_targets`, …, apply)
    over the model's historical model, whose fields have the model's names: filters, `values()` and ordering read
    as on today's table. A historical model has no reverse relations: a lookup through one is written as `id__in`
    the link model's rows taken from the same tables (`AsOfTables.of`), which reads the same on today's tables.
    """
    history = get_history_model_for_model(model)
    key = model._meta.pk.attname
    versions = type(model._default_manager.all())(model=history).filter(history_date__lte=instant)
    later = versions.filter(**{key: OuterRef(key)}).filter(history_date__gt=OuterRef("history_date"))
    return versions.filter(~Exists(later)).exclude(history_type="-")


def reads(*columns: str) -> Callable[[Method], Method]:
    """Marks a `read_<field>` method with the `.values()` columns it reads."""

    def mark(method: Method) -> Method:
        method.columns = columns  # type: ignore[attr-defined]  # read back by columns_read
        return method

    return mark


def column_reader(build: Callable[..., Value], *columns: str) -> Callable[[Rows, Row], Value]:
    """The `read_<field>` whose value is `build(urls, …)` of the row's `columns`: a reference to another record, by
    the columns it is shown by."""

    @reads(*columns)
    def read(rows: Rows, row: Row) -> Value:
        return build(rows.urls, *[row[column] for column in columns])

    return read


def blank_as_null(column: str) -> Callable[[Rows, Row], Any]:
    """The `read_<field>` of a text column that reads null where it is blank."""

    @reads(column)
    def read(rows: Rows, row: Row) -> Any:
        return row[column] or None

    return read


def precision_of(date_column: str) -> Callable[[Rows, Row], str | None]:
    """The `read_<field>` of the precision of the date at `date_column`: null where there is no date."""
    precision = f"{date_column}_precision"

    @reads(date_column, precision)
    def read(rows: Rows, row: Row) -> str | None:
        return row[precision] if row[date_column] else None

    return read


class Rows:
    """Turns a queryset of one resource into the API's JSON-ready dicts, in the shape of `serializer_class`.

    `tables` gives the rows of each link model (`self.table(PledgeSource)`): today's, or as of an instant.
    `valid_at` is the date of a read of what was true in the world then (records with a status timeline read
    their status from it); `columns` maps a column to the annotation read in its place.
    """

    # The read shape: its fields, in their order, are each row's (the timestamps last).
    serializer_class: ClassVar[type[serializers.Serializer[Any]] | None] = None
    # The route of the record's own address (`url`), and the column that names the record in it.
    basename: ClassVar[str] = ""
    lookup: ClassVar[str] = "id"
    # Columns read besides those of the fields: what the links of a page are read by.
    key_columns: ClassVar[tuple[str, ...]] = ("id",)
    # The fields a request asked for (tracker.fields); the links of other fields are not read, nor are they shaped.
    selection: FieldSelection | None = None

    def __init__(
        self, urls: UrlBuilder, tables: Tables = CURRENT_TABLES, valid_at: datetime.date | None = None
    ) -> None:
        self.urls = urls
        self.in_time(tables, valid_at)

    def in_time(self, tables: Tables, valid_at: datetime.date | None = None) -> Rows:
        """Read links from `tables`, and statuses as of `valid_at` (when given); returns self."""
        self.tables = tables
        self.valid_at = valid_at
        self.columns: dict[str, str] = {} if valid_at is None else {"status": VALID_STATUS}
        return self

    def table(self, model: type[models.Model]) -> models.QuerySet[Any]:
        return self.tables.of(model)

    def select(self, selection: FieldSelection) -> Rows:
        """Shape only what `selection` wants, skipping the link queries of other fields; returns self."""
        self.selection = selection
        return self

    def wants(self, field: str) -> bool:
        return self.selection is None or self.selection.wants(field)

    def item_key(self, field: str, item: Any) -> str:
        """An item of the list `field` as a CSV cell shows it, its key; a resource may say more (a target's type)."""
        return item_identifier(item)

    @classmethod
    def item_key_description(cls, field: str, child: Any) -> str:
        """What `item_key` puts in the CSV column of the list `field`, for the schema."""
        return identifier_description(child)

    def related(self, foreign_key: str, model: type[models.Model], **columns: str) -> dict[str, F | Subquery]:
        """Annotations `{alias: field}` reading fields of the `model` record at `foreign_key`: joined today, or, as
        of an instant, as it stood then, so that a record deleted since still shows."""
        if self.tables.instant is None:
            return {alias: F(f"{foreign_key}__{field}") for alias, field in columns.items()}
        records = self.table(model).filter(id=OuterRef(f"{foreign_key}_id"))
        return {alias: Subquery(records.values(field)[:1]) for alias, field in columns.items()}

    def values(self, queryset: models.QuerySet[Any]) -> models.QuerySet[Any, Row]:
        return queryset.values(*(self.columns.get(column, column) for column in columns_read(type(self))))

    def read_url(self, row: Row) -> str | None:
        return self.urls.detail(self.basename, row[self.lookup])

    def read_events_url(self, row: Row) -> str:
        return self.urls.route(f"{self.basename}-events", row[self.lookup])

    def shape(self, rows: Sequence[Row]) -> list[Shaped]:
        readers = self.readers(rows)
        return [{name: read(row) for name, read in readers} for row in rows]

    def readers(self, rows: Sequence[Row]) -> list[tuple[str, Callable[[Row], Any]]]:
        """Each wanted field with the function that reads it from a row of `rows`; the links of the page are read
        here, one query per link field."""
        with self.link_reads():
            return [
                self.reader(rows, name, how, detail) for name, how, detail in field_plan(type(self)) if self.wants(name)
            ]

    def reader(self, rows: Sequence[Row], name: str, how: str, detail: Any) -> tuple[str, Callable[[Row], Any]]:
        if how == LINKS:
            return name, page_reader(getattr(self, f"links_{name}")(rows), detail)
        if how == READ:
            return name, getattr(self, f"read_{name}")
        if how == OBJECT:
            return name, object_reader(detail)
        return name, itemgetter(self.columns.get(detail, detail))

    def link_reads(self) -> AbstractContextManager[None]:
        """How links are read: by the ids of a page, joined in their written order (`joins_as_written`), except as
        of an instant, whose tables are each a query of their history."""
        if self.tables.instant is not None:
            return nullcontext()
        return joins_as_written(router.db_for_read(models.Model))

    def one(self, queryset: models.QuerySet[Any]) -> Shaped | None:
        shaped = self.shape(list(self.values(queryset)))
        return shaped[0] if shaped else None

    def shape_links(self, item_rows: type[Rows], links: models.QuerySet[Any], owner: str) -> dict[Any, list[Shaped]]:
        """{owner's id: [item, …]}: the link rows of `links`, in their order, each shaped by `item_rows` (the rows
        of a list field's items), grouped by their column `owner`. Items read their columns as they are: none has a
        status to read as of `valid_at`."""
        rows = list(links.values(*columns_read(item_rows), owner))
        items = item_rows(self.urls, self.tables).shape(rows)
        return group_by(zip((row[owner] for row in rows), items, strict=True))


# How a field is read (field_plan): a plain column, an object of plain columns, a `read_<field>` method, or a
# `links_<field>` page read.
COLUMN, OBJECT, READ, LINKS = "column", "object", "read", "links"


class FieldRead(NamedTuple):
    name: str
    how: str
    # The column of a plain field; an object's members and their columns; the empty value (a list or a dict) that
    # a page read gives a row without links.
    detail: Any = None


PLANS: dict[type[Rows], tuple[FieldRead, ...]] = {}
COLUMNS: dict[type[Rows], tuple[str, ...]] = {}


def field_plan(rows_class: type[Rows]) -> tuple[FieldRead, ...]:
    """How each field of the read shape is read, in the rows' order; built once per class."""
    if rows_class not in PLANS:
        PLANS[rows_class] = tuple(plan_fields(rows_class))
    return PLANS[rows_class]


def plan_fields(rows_class: type[Rows]) -> Iterable[FieldRead]:
    assert rows_class.serializer_class is not None, f"{rows_class.__name__} names its read serializer"
    fields = rows_class.serializer_class().fields
    for name in output_order(fields):
        field = fields[name]
        if hasattr(rows_class, f"links_{name}"):
            yield FieldRead(name, LINKS, dict if isinstance(field, serializers.DictField) else list)
        elif hasattr(rows_class, f"read_{name}"):
            yield FieldRead(name, READ)
        elif isinstance(field, serializers.Serializer):
            members = field.fields.items()
            yield FieldRead(name, OBJECT, tuple((member, column_of(child)) for member, child in members))
        else:
            yield FieldRead(name, COLUMN, column_of(field))


def column_of(field: serializers.Field[Any, Any, Any, Any]) -> str:
    """The `.values()` column of a plain field: its source, a dotted path written with `__`."""
    return str(field.source or field.field_name).replace(".", "__")


def columns_read(rows_class: type[Rows]) -> tuple[str, ...]:
    """The `.values()` columns the rows are shaped from: the key columns and the lookup (of `url`), each plain
    field's own (an object's, its members'), and those each `read_<field>` method names; built once per class."""
    if rows_class not in COLUMNS:
        columns = [*rows_class.key_columns, rows_class.lookup]
        for name, how, detail in field_plan(rows_class):
            if how == COLUMN:
                columns.append(detail)
            elif how == OBJECT:
                columns += [column for _member, column in detail]
            elif how == READ:
                columns += getattr(getattr(rows_class, f"read_{name}"), "columns", ())
        COLUMNS[rows_class] = tuple(dict.fromkeys(columns))
    return COLUMNS[rows_class]


def object_reader(members: tuple[tuple[str, str], ...]) -> Callable[[Row], Shaped]:
    """Reads an object whose members are plain columns of the row."""
    return lambda row: {member: row[column] for member, column in members}


def page_reader(links: Mapping[Any, Any], empty: Callable[[], Any]) -> Callable[[Row], Any]:
    """Reads a row's links out of those of its page, by its id; a row without links reads a new `empty()`."""
    return lambda row: links[row["id"]] if row["id"] in links else empty()


def group_by(pairs: Iterable[tuple[Key, Value]]) -> dict[Key, list[Value]]:
    """{key: [value, …]} from (key, value) pairs, keeping their order."""
    grouped: dict[Key, list[Value]] = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    return grouped
