"""Grouped counts and sums, computed by the database in one `GROUP BY` over a filtered queryset.

The filtered queryset (today's rows, or as of an instant) becomes the common table `base`, with the columns a
summary reads. A dimension is a way to group: its columns come from `base` or, for a dimension a record may have
several values of (the conditions that hold a pledge up, a statement's targets), from a link: rows that pair
each base record (`owner`) with those values. Links are joined after `SELECT DISTINCT` of the columns asked for,
so that a record counts once in each of its groups, and in every group it belongs to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db import connection
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

BASE = "base"


@dataclass(frozen=True)
class Dimension:
    """One way to group: the columns it adds to each group, its key first; read from `base` or from `link`, where
    each is named `dim_<column>`."""

    name: str
    columns: tuple[str, ...]
    link: str | None = None


@dataclass(frozen=True)
class Aggregate:
    """One aggregate column: SQL over the columns of `base` (`base."low"`), with its parameters."""

    name: str
    sql: str
    params: tuple[Any, ...] = ()


class Pairs(NamedTuple):
    """SQL (with its parameters) whose rows have the column `owner` (a base id) and the columns of a link's
    dimensions; it may read the common table `base`. `unique` when no row repeats, so that no DISTINCT is needed
    (which, over millions of pairs, costs more than the rest)."""

    sql: str
    params: list[Any]
    unique: bool = False


# A link: what builds its pairs.
Link = Callable[[], Pairs]


def quoted(name: str) -> str:
    return connection.ops.quote_name(name)


def compiled(queryset: QuerySet[Any]) -> tuple[str, list[Any]]:
    """The SQL of `queryset`, unordered, and its parameters."""
    sql, params = queryset.order_by().query.sql_with_params()
    return sql, list(params)


def parse_group_by(raw: str | None, dimensions: dict[str, Dimension], most: int = 2) -> list[Dimension]:
    """The dimensions `group_by` names (none to `most`, comma-separated); an unknown or empty name, or more than
    `most`, is a 400."""
    # A name given twice is the same grouping.
    names = list(dict.fromkeys(name.strip() for name in raw.split(","))) if raw and raw.strip() else []
    unknown = [name for name in names if name and name not in dimensions]
    accepted = ", ".join(dimensions)
    if unknown:
        message = _("Unknown: %(names)s. Group by one or two of: %(accepted)s.")
        raise ValidationError({"group_by": [message % {"names": ", ".join(unknown), "accepted": accepted}]})
    if "" in names or len(names) > most:
        message = _("Group by at most two of: %(accepted)s, comma-separated.")
        raise ValidationError({"group_by": [message % {"accepted": accepted}]})
    return [dimensions[name] for name in names]


def group_by_pattern(dimensions: dict[str, Dimension], most: int = 2) -> str:
    """The pattern of a `group_by` value, for the schema."""
    name = f"({'|'.join(dimensions)})"
    return f"^({name}(,{name}){{0,{most - 1}}})?$"


def summarize(
    base: QuerySet[Any],
    dimensions: Sequence[Dimension],
    aggregates: Sequence[Aggregate],
    links: dict[str, Link],
) -> list[dict[str, Any]]:
    """The groups of `base` (a `values()` queryset with an `id` column) by `dimensions`, each a dict of the
    dimensions' columns and the aggregates; ordered by `count` (an aggregate), most first, then by the keys."""
    base_sql, params = compiled(base)
    joins, join_params, sources = joined_links(dimensions, links)
    columns = {column: f"{sources[d.name]}.{quoted(f'dim_{column}')}" for d in dimensions for column in d.columns}
    keys = [columns[dimension.columns[0]] for dimension in dimensions]
    selected = [f"{sql} AS {quoted(name)}" for name, sql in columns.items()]
    selected += [f"{aggregate.sql} AS {quoted(aggregate.name)}" for aggregate in aggregates]
    order = [f"{quoted('count')} DESC", *(term for key in keys for term in (f"{key} IS NULL", key))]
    grouped = f"GROUP BY {', '.join(columns.values())} ORDER BY {', '.join(order)}" if columns else ""
    sql = f"WITH {BASE} AS ({base_sql}) SELECT {', '.join(selected)} FROM {BASE} {' '.join(joins)} {grouped}"
    params += [param for aggregate in aggregates for param in aggregate.params] + join_params
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def joined_links(
    dimensions: Sequence[Dimension], links: dict[str, Link]
) -> tuple[list[str], list[Any], dict[str, str]]:
    """The LEFT JOINs of the links the dimensions read (each once, with the columns asked of it), their
    parameters, and {dimension: the table alias its columns are read from}."""
    columns: dict[str, list[str]] = {}
    for dimension in dimensions:
        if dimension.link is not None:
            columns.setdefault(dimension.link, []).extend(dimension.columns)
    joins, params = [], []
    for index, (link, link_columns) in enumerate(columns.items()):
        pairs = links[link]()
        alias = f"link_{index}"
        picked = ", ".join(quoted(column) for column in ["owner", *(f"dim_{column}" for column in link_columns)])
        distinct = "" if pairs.unique else "DISTINCT "
        joins.append(
            f"LEFT JOIN (SELECT {distinct}{picked} FROM ({pairs.sql}) AS pairs) AS {alias} ON {alias}.owner = {BASE}.id"
        )
        params += pairs.params
    aliases = {name: f"link_{list(columns).index(name)}" for name in columns}
    return joins, params, {d.name: aliases[d.link] if d.link else BASE for d in dimensions}
