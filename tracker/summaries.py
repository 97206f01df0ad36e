"""Grouped counts and sums, computed by the database in one `GROUP BY` over a filtered queryset.

The filtered queryset (today's rows, or as of an instant) becomes the common table `base`, with the columns a
summary reads. A dimension is a way to group: its columns come from `base` or, for a dimension a record may have
several values of (the conditions that hold a pledge up, a statement's targets), from a link: rows that pair
each base record (`owner`) with those values. Links are joined after `SELECT DISTINCT` of the columns asked for,
so that a record counts once in each of its groups, and in every group it belongs to. A link whose pairs can run
to millions comes by `Ways` instead: the records are grouped first, then the groups paired, and the partial
groups summed.
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


class Way(NamedTuple):
    """One way a link pairs base records with its values: on `keys` (columns of `base`: `id`, or a column many
    records share), by SQL whose rows have those keys and the link's `dim_` columns."""

    keys: tuple[str, ...]
    sql: str
    params: list[Any]


class Ways(NamedTuple):
    """A link whose ways give each pair once, no two ways the same pair; records are grouped before they are
    paired (`by_ways`). At most one such link per summary, beside at least one other dimension."""

    ways: list[Way]


# A link: what builds its pairs.
Link = Callable[[], Pairs | Ways]


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
    grouped, grouped_params, partial = grouped_rows(dimensions, aggregates, links)
    names = [quoted(column) for d in dimensions for column in d.columns]
    order = [
        f"{quoted('count')} DESC",
        *(f"{quoted(d.columns[0])} IS NULL, {quoted(d.columns[0])}" for d in dimensions),
    ]
    totals = ", ".join([*names, *(f"SUM({quoted(a.name)}) AS {quoted(a.name)}" for a in aggregates)])
    summed = f"SELECT {totals} FROM ({grouped}) AS grouped GROUP BY {', '.join(names)}"
    rows = summed if partial else f"SELECT * FROM ({grouped}) AS grouped"
    return fetched(f"WITH {BASE} AS ({base_sql}) {rows} ORDER BY {', '.join(order)}", params + grouped_params)


def grouped_rows(
    dimensions: Sequence[Dimension], aggregates: Sequence[Aggregate], links: dict[str, Link]
) -> tuple[str, list[Any], bool]:
    """The SQL of the groups and its parameters, and whether they are partial (to be summed: `by_ways`)."""
    built = {name: links[name]() for name in dict.fromkeys(d.link for d in dimensions if d.link)}
    bulk = [d for d in dimensions if d.link and isinstance(built[d.link], Ways)]
    flat = [d for d in dimensions if d not in bulk]
    pairs = {name: link for name, link in built.items() if isinstance(link, Pairs)}
    joins, join_params, sources = joined_links(flat, pairs)
    columns = {column: f"{sources[d.name]}.{quoted(f'dim_{column}')}" for d in flat for column in d.columns}
    if bulk:
        (link,) = {d.link for d in bulk if d.link}
        ways = built[link]
        assert isinstance(ways, Ways) and columns, "one link by ways, beside at least one other dimension"
        link_columns = [column for dimension in bulk for column in dimension.columns]
        return (*by_ways(columns, link_columns, ways, aggregates, (joins, join_params)), True)
    grouped = f"SELECT {', '.join(selected(columns, aggregates))} FROM {BASE} {' '.join(joins)}"
    grouped += f" GROUP BY {', '.join(columns.values())}" if columns else ""
    return grouped, aggregate_params(aggregates) + join_params, False


def fetched(sql: str, params: list[Any]) -> list[dict[str, Any]]:
    # JIT is off on the service's PostgreSQL connections (config/settings/base.py): the planner, which cannot see
    # into `base`, overestimates these rows by orders of magnitude, and JIT compiling took 5.2 s of 6.7 s here.
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def selected(columns: dict[str, str], aggregates: Sequence[Aggregate]) -> list[str]:
    return [*(f"{sql} AS {quoted(name)}" for name, sql in columns.items()), *aggregated(aggregates)]


def aggregated(aggregates: Sequence[Aggregate]) -> list[str]:
    return [f"{aggregate.sql} AS {quoted(aggregate.name)}" for aggregate in aggregates]


def aggregate_params(aggregates: Sequence[Aggregate]) -> list[Any]:
    return [param for aggregate in aggregates for param in aggregate.params]


def by_ways(
    columns: dict[str, str],
    link_columns: list[str],
    ways: Ways,
    aggregates: Sequence[Aggregate],
    other_links: tuple[list[str], list[Any]],
) -> tuple[str, list[Any]]:
    """Partial groups (to be summed) of a link by ways: for each way, `base` grouped by the other columns and the
    keys the way joins on, then paired with the link's values; and the records that no way pairs, with nulls.

    Grouping before pairing keeps the work to the groups, not the pairs: a condition on an initiative holds up
    every pledge to it, and the pairs of pledges and conditions can run to millions."""
    joins, join_params = other_links
    grouped_by = ", ".join(columns.values())
    linked = ", ".join(f"x.{quoted(f'dim_{column}')} AS {quoted(column)}" for column in link_columns)
    nulls = ", ".join(f"NULL AS {quoted(column)}" for column in link_columns)
    partial = [f"part.{quoted(name)}" for name in [*columns, *(a.name for a in aggregates)]]
    selects, params, unpaired = [], [], []
    for way in ways.ways:
        keys = ", ".join(f"{BASE}.{quoted(key)} AS {quoted(key)}" for key in way.keys)
        part = (
            f"SELECT {', '.join(selected(columns, aggregates))}, {keys} FROM {BASE} {' '.join(joins)} "
            f"GROUP BY {grouped_by}, {', '.join(f'{BASE}.{quoted(key)}' for key in way.keys)}"
        )
        on = " AND ".join(f"x.{quoted(key)} = part.{quoted(key)}" for key in way.keys)
        selects.append(f"SELECT {', '.join(partial)}, {linked} FROM ({part}) AS part JOIN ({way.sql}) AS x ON {on}")
        params += aggregate_params(aggregates) + join_params + way.params
        on_base = " AND ".join(f"x.{quoted(key)} = {BASE}.{quoted(key)}" for key in way.keys)
        unpaired.append(f"NOT EXISTS (SELECT 1 FROM ({way.sql}) AS x WHERE {on_base})")
    selects.append(
        f"SELECT {', '.join(selected(columns, aggregates))}, {nulls} FROM {BASE} {' '.join(joins)} "
        f"WHERE {' AND '.join(unpaired)} GROUP BY {grouped_by}"
    )
    params += aggregate_params(aggregates) + join_params + [param for way in ways.ways for param in way.params]
    return " UNION ALL ".join(selects), params


def joined_links(
    dimensions: Sequence[Dimension], links: dict[str, Pairs]
) -> tuple[list[str], list[Any], dict[str, str]]:
    """The LEFT JOINs of the links the dimensions read (each once, with the columns asked of it), their
    parameters, and {dimension: the table alias its columns are read from}."""
    columns: dict[str, list[str]] = {}
    for dimension in dimensions:
        if dimension.link is not None:
            columns.setdefault(dimension.link, []).extend(dimension.columns)
    joins, params = [], []
    for index, (link, link_columns) in enumerate(columns.items()):
        pairs = links[link]
        alias = f"link_{index}"
        picked = ", ".join(quoted(column) for column in ["owner", *(f"dim_{column}" for column in link_columns)])
        distinct = "" if pairs.unique else "DISTINCT "
        joins.append(
            f"LEFT JOIN (SELECT {distinct}{picked} FROM ({pairs.sql}) AS pairs) AS {alias} ON {alias}.owner = {BASE}.id"
        )
        params += pairs.params
    aliases = {name: f"link_{list(columns).index(name)}" for name in columns}
    return joins, params, {d.name: aliases[d.link] if d.link else BASE for d in dimensions}
