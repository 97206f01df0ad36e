"""Many ids as one parameter: `field = ANY(%s::bigint[])` on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import connections
from django.db.models import F, Lookup, QuerySet


class AnyOf(Lookup):
    """`field = ANY(ids)`, on PostgreSQL: the ids are one array parameter, given as PostgreSQL's text of the array
    (`{1,2,3}`), which the driver quotes once. The planner reads it through the field's index in order, as it
    cannot an `IN (SELECT …)`; and neither the ORM nor the driver converts and quotes each id, as they do each
    item of an `IN` list."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple[Any, ...]]:
        field, params = self.process_lhs(compiler, connection)
        return f"{field} = ANY(%s::bigint[])", (*params, self.rhs)


def id_array(ids: Iterable[int]) -> str:
    """PostgreSQL's text of the integer array of `ids`."""
    return "{" + ",".join(str(int(each)) for each in ids) + "}"


def with_ids(queryset: QuerySet[Any, Any], field: str, ids: Iterable[int]) -> QuerySet[Any, Any]:
    """The rows of `queryset` whose `field` is one of `ids`: on PostgreSQL as one array parameter (half a
    millisecond less a query for a page of 100, in the ORM and the driver), elsewhere as `field__in`."""
    ids = list(ids)
    if not ids:
        return queryset.none()
    if connections[queryset.db].vendor == "postgresql":
        return queryset.filter(AnyOf(F(field), id_array(ids)))
    return queryset.filter(**{f"{field}__in": ids})


def known_ids(queryset: object) -> list[int] | None:
    """The ids of a queryset whose only filter is that its `id` is one of an array (`AnyOf`): read from that array,
    ascending, without asking the database; None for any other queryset. A filter that has read its matches once
    and names them by their array is then counted and paged from them."""
    if not isinstance(queryset, QuerySet):
        return None
    query = queryset.query
    if query.distinct or query.combinator or query.low_mark or query.high_mark is not None:
        return None
    where = query.where
    if where.negated or len(where.children) != 1:
        return None
    (lookup,) = where.children
    if not isinstance(lookup, AnyOf) or not isinstance(lookup.rhs, str):
        return None
    column = lookup.lhs
    if getattr(column, "alias", None) != query.base_table or getattr(column.target, "attname", None) != "id":
        return None
    return sorted({int(each) for each in lookup.rhs.strip("{}").split(",") if each})
