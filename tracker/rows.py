"""Dict-based row shaping for fast reads.

Each resource's list query and row shape live in its app's `querysets.py` as a `Rows` subclass: the API's
lists and details, exports and field selection all go through it. It reads `.values()` rows (no model
instances) and fetches links for a whole page in one query per link type, so the query count does not
grow with the number of rows.

A `Rows` object reads its links through `table(Model)`: today's rows by default, or, in a read as of an
instant (`?as_of=`), the rows as they stood then, from the link model's history (`AsOfTables`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import models
from django.db.models import Exists, F, OuterRef, Subquery
from django.urls import NoReverseMatch, reverse
from simple_history.utils import get_history_model_for_model

from .columns import identifier_description, item_identifier
from .shapes import Row, Shaped

if TYPE_CHECKING:
    from django.http import HttpRequest
    from rest_framework.request import Request

    from .fields import FieldSelection

Key = TypeVar("Key")
Value = TypeVar("Value")

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
        for placeholder in PLACEHOLDERS:
            try:
                path = reverse(f"{self.namespace}:{name}", args=[placeholder])
            except NoReverseMatch:
                continue
            prefix, suffix = path.split(placeholder, 1)
            return self._absolute(prefix), suffix
        raise NoReverseMatch(f"No lookup fits the route {name}.")

    def _absolute(self, path: str) -> str:
        if self.request is None:
            return path
        return self.request.build_absolute_uri(path)


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


class Rows:
    """Turns a queryset of one resource into the API's JSON-ready dicts.

    `tables` gives the rows of each link model (`self.table(PledgeSource)`): today's, or as of an instant.
    `valid_at` is the date of a read of what was true in the world then (records with a status timeline read
    their status from it); `columns` maps a field to the annotation read in its place.
    """

    fields: tuple[str, ...] = ()
    # The fields a request asked for (tracker.fields); links of the others are not read.
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

    def links(self, field: str, read: Callable[[], dict[Key, list[Value]]]) -> dict[Key, list[Value]]:
        """`read()`, the links of `field` for a batch of rows, when the field is wanted; none when it is not."""
        return read() if self.wants(field) else {}

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

    def value(self, row: Row, field: str) -> Any:
        """The value of `field` in a row read by `values()`."""
        return row[self.columns.get(field, field)]

    def values(self, queryset: models.QuerySet[Any]) -> models.QuerySet[Any, Row]:
        return queryset.values(*(self.columns.get(field, field) for field in self.fields))

    def shape(self, rows: Sequence[Row]) -> list[Shaped]:
        raise NotImplementedError

    def one(self, queryset: models.QuerySet[Any]) -> Shaped | None:
        shaped = self.shape(list(self.values(queryset)))
        return shaped[0] if shaped else None


def group_by(pairs: Iterable[tuple[Key, Value]]) -> dict[Key, list[Value]]:
    """{key: [value, …]} from (key, value) pairs, keeping their order."""
    grouped: dict[Key, list[Value]] = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    return grouped
