"""Page-number paging, or keyset paging by `id` when the client passes `cursor` (empty for the first page).

Both answer in the same envelope: `{"count", "count_exact", "next", "previous", "results"}`. The paginators slice the
queryset they are given and return it unevaluated, so a view can page `.values()` rows as well as models.
"""

from __future__ import annotations

import re
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeAlias, overload

from django.conf import settings
from django.db import connections
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from .inputs import ASCII_DIGITS
from .lookups import known_ids, with_ids
from .plans import joins_as_written

if TYPE_CHECKING:
    from rest_framework.request import Request
    from rest_framework.views import APIView

# An OpenAPI schema object, as drf-spectacular reads it.
Schema: TypeAlias = dict[str, Any]
# One page of a list: the sliced queryset (models or `.values()` rows, unevaluated), or a keyset page's rows.
Page: TypeAlias = "QuerySet[Any, Any] | list[Any]"


class Countable(Protocol):
    """A list that counts itself but is not a queryset (a record's history)."""

    def count(self) -> int: ...


DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


# A cursor is its direction (`n`ext or `p`revious) and the id it continues from; empty for the first page.
CURSOR = re.compile(r"([np])([0-9]{1,18})")


@overload
def positive_int(request: Request, name: str, default: int) -> int: ...
@overload
def positive_int(request: Request, name: str, default: None = None) -> int | None: ...
def positive_int(request: Request, name: str, default: int | None = None) -> int | None:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    value = int(raw) if ASCII_DIGITS.fullmatch(raw) else 0
    if value < 1:
        raise ValidationError({name: [_("Must be a positive integer.")]})
    return value


def page_size(request: Request) -> int:
    return min(positive_int(request, "page_size", DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE)


# How many times the limit of exact counts the database must expect before its estimate is taken without counting:
# a count that finds its first limit + 1 records scattered over a large table reads that many rows (some 9 ms for
# the statements of a month, or of a word), only to answer the estimate after all.
ESTIMATE_TAKEN_BEYOND = 10
# The plans whose estimate is taken so: a scan of the table alone. A filter read through a subquery or a join is
# estimated by rules of thumb (half the rows, for each hashed subquery), and was seen 66 times over.
SCANS = {"Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan", "Bitmap Index Scan", "BitmapAnd", "BitmapOr"}


def bounded_count(queryset: QuerySet[Any, Any] | Countable, limit: int) -> tuple[int, bool]:
    """(count, exact): the exact count when it is at most `limit`, which costs at most `limit` rows; beyond, the
    database's estimate (at least `limit` + 1), which costs no rows at all. A list that is not a queryset (a
    record's history) is counted whole; one whose filter has read its ids (`known_ids`) counts them."""
    if not isinstance(queryset, QuerySet):
        return queryset.count(), True
    ids = known_ids(queryset)
    if ids is not None:
        return len(ids), True
    query = CountQuery.of(queryset)
    estimate = query.estimate_before_counting()
    if estimate is not None and estimate.far_beyond(limit):
        return estimate.rows, False
    counted = queryset.order_by().values("pk")[: limit + 1].count()
    if counted <= limit:
        return counted, True
    return max((estimate or query.estimate()).rows, limit + 1), False


class Estimate(NamedTuple):
    rows: int
    # Whether the plan scans the table alone (SCANS), whose estimate can be taken without counting.
    scans_alone: bool

    def far_beyond(self, limit: int) -> bool:
        """Whether the database expects so many more records than `limit` that its estimate is taken uncounted."""
        return self.scans_alone and self.rows > ESTIMATE_TAKEN_BEYOND * limit


class CountQuery(NamedTuple):
    """The query of a list's ids, unordered, compiled once for the planner's estimates of it; no SQL for a list
    that can hold nothing."""

    database: str
    sql: str | None
    params: Any

    @classmethod
    def of(cls, queryset: QuerySet[Any, Any]) -> CountQuery:
        query = queryset.order_by().values("pk").query
        if query.is_empty():
            return cls(queryset.db, None, ())
        return cls(queryset.db, *query.sql_with_params())

    def estimate_before_counting(self) -> Estimate | None:
        """The planner's estimate, asked before the records are counted in case it spares the count; None, unasked,
        for a read through a subquery or a join, whose estimate is never taken uncounted (asking planned the whole
        filter: 1.9 ms for pledges by initiative and condition)."""
        if self.sql is None or self.sql.count("SELECT") > 1 or " JOIN " in self.sql:
            return None
        return self.estimate()

    def estimate(self) -> Estimate:
        """The planner's estimate of the records, on PostgreSQL; none (0) elsewhere."""
        plan = None if self.sql is None else query_plan(self.database, self.sql, self.params)
        if plan is None:
            return Estimate(0, False)
        return Estimate(int(plan["Plan Rows"]), scans_alone(plan))


def scans_alone(node: dict[str, Any]) -> bool:
    """Whether a plan (or part of one) is a scan of one table, with nothing else read beside it."""
    if node["Node Type"] not in SCANS and node["Node Type"] != "Limit":
        return False
    return all(
        child.get("Parent Relationship") not in {"SubPlan", "InitPlan"} and scans_alone(child)
        for child in node.get("Plans", [])
    )


def query_plan(database: str, sql: str, params: Any) -> dict[str, Any] | None:
    """The plan PostgreSQL would run a query by (EXPLAIN's, not run); None on other databases."""
    connection = connections[database]
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan: dict[str, Any] = cursor.fetchone()[0][0]["Plan"]
    return plan


COUNT_DESCRIPTION = gettext_lazy(
    "How many results the list holds: exact up to %(limit)s; beyond, the database's estimate, and `count_exact` "
    "is false."
)


def envelope_schema(schema: Schema) -> Schema:
    return {
        "type": "object",
        "required": ["count", "count_exact", "results"],
        "properties": {
            "count": {
                "type": "integer",
                "example": 123,
                "description": COUNT_DESCRIPTION % {"limit": f"{settings.API_EXACT_COUNT_LIMIT:,}"},
            },
            "count_exact": {"type": "boolean", "description": str(_("Whether `count` is exact."))},
            "next": {"type": "string", "nullable": True, "format": "uri"},
            "previous": {"type": "string", "nullable": True, "format": "uri"},
            "results": schema,
        },
    }


class PageOrCursorPagination(BasePagination):
    """Pages by number (`page`, `page_size`), or by keyset cursor when `cursor` is present."""

    cursor_query_param = "cursor"

    def paginate_queryset(  # type: ignore[override]  # the page stays unevaluated, so .values() rows page too
        self,
        queryset: QuerySet[Any, Any],
        request: Request,
        view: APIView | None = None,
        counted: QuerySet[Any, Any] | None = None,
        unfiltered: QuerySet[Any, Any] | None = None,
    ) -> Page:
        """The page of `queryset`; its count is taken on `counted` when given: the same records without the joins
        that `.values()` of linked fields adds, which a count would otherwise keep. `unfiltered`, when given, is
        the rows of `queryset` before its filters, from which a page whose ids are known reads its rows by id."""
        self.request = request
        self.count: int | None = None
        self.size = page_size(request)
        self.pager: NumberPager | KeysetPager
        counted = queryset if counted is None else counted
        if self.cursor_query_param in request.query_params:
            self.pager = KeysetPager(request, self.size)
            return self.pager.page(queryset, counted, unfiltered)
        self.pager = NumberPager(request, self.size)
        return self.pager.page(queryset, counted, unfiltered)

    def get_paginated_response(self, data: Any) -> Response:
        return Response(
            {
                "count": self.pager.count,
                "count_exact": self.pager.count_exact,
                "next": self.pager.next_link(),
                "previous": self.pager.previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: Schema) -> Schema:
        return envelope_schema(schema)

    def get_schema_operation_parameters(self, view: APIView) -> list[Schema]:
        """`page` and `cursor` as alternatives: one exploded parameter whose object is either kind of paging."""
        return [
            {
                "name": "paging",
                "required": False,
                "in": "query",
                "style": "form",
                "explode": True,
                "description": PAGING_DESCRIPTION % {"depth": f"{settings.API_PAGE_DEPTH:,}"},
                "schema": {"oneOf": [by_number_schema(), by_cursor_schema()]},
            }
        ]


PAGING_DESCRIPTION = gettext_lazy(
    "Either `page` and `page_size` (pages by number, from 1, through the first %(depth)s results: a page past the "
    "end is a 404, a page beyond that depth a 400 that points to the cursor), or `cursor` and "
    "`page_size` (keyset paging by id for deep walks: an empty cursor for the first page, then follow `next`; "
    "`ordering` may then only be `id` or `-id`). Never both `page` and `cursor`. `page_size`: default 50, at "
    "most 500 (larger is capped)."
)


def by_number_schema() -> Schema:
    return {
        "type": "object",
        "title": "By page number",
        "properties": {"page": {"type": "integer", "minimum": 1}, "page_size": {"type": "integer", "minimum": 1}},
        "additionalProperties": False,
    }


def by_cursor_schema() -> Schema:
    return {
        "type": "object",
        "title": "By cursor",
        "properties": {
            "cursor": {"type": "string", "pattern": f"^(|{CURSOR.pattern})$"},
            "page_size": {"type": "integer", "minimum": 1},
        },
        "required": ["cursor"],
        "additionalProperties": False,
    }


# The paging of lists that page by number only.
BY_NUMBER = [
    OpenApiParameter(name, {"type": "integer", "minimum": 1}, description=str(description))
    for name, description in [
        ("page", gettext_lazy("Page number, from 1. A page past the end is a 404.")),
        ("page_size", gettext_lazy("Results per page: default 50, at most 500 (larger is capped).")),
    ]
]


class NumberPager:
    def __init__(self, request: Request, size: int) -> None:
        self.request = request
        self.size = size
        self.number = positive_int(request, "page", 1)

    def page(
        self, queryset: QuerySet[Any, Any], counted: QuerySet[Any, Any], unfiltered: QuerySet[Any, Any] | None = None
    ) -> Page:
        depth, limit = settings.API_PAGE_DEPTH, settings.API_EXACT_COUNT_LIMIT
        start = (self.number - 1) * self.size
        if start >= depth:
            raise ValidationError({"page": [too_deep_message(depth)]})
        known = known_ids(counted)
        if unfiltered is not None and known is not None and (order := by_id(counted)) is not None:
            # The filter has read its matches already: the count and the page come from them.
            return self.page_of_all(unfiltered, known[::-1] if order else known, start)
        descending = by_id(counted) if unfiltered is not None and start + self.size <= limit else None
        if unfiltered is None or descending is None:
            self.count, self.count_exact = bounded_count(counted, limit)
        else:
            query = CountQuery.of(counted)
            estimate = query.estimate_before_counting()
            if estimate is not None and estimate.far_beyond(limit):
                self.count, self.count_exact = estimate.rows, False
            else:
                ids = list(counted.order_by().values_list("id", flat=True)[: limit + 1])
                if len(ids) <= limit:
                    return self.page_of_all(unfiltered, sorted(ids, reverse=descending), start)
                self.count, self.count_exact = max((estimate or query.estimate()).rows, limit + 1), False
        last = max(1, -(-self.count // self.size))
        if self.count_exact and self.number > last:
            raise self.past_the_end(last)
        if isinstance(counted, QuerySet) and (start or unfiltered is not None):
            return self.page_by_ids(queryset, counted, start, unfiltered)
        self.has_next: bool = start + self.size < min(self.count, depth)
        return queryset[start : start + self.size]

    def page_of_all(self, unfiltered: QuerySet[Any, Any], ids: list[int], start: int) -> list[Any]:
        """The page of a list whose every id, in order, the count has read: its rows by id, before the filters that
        the ids have already answered, so that the page does not read the filters again (at scale, a filter that
        keeps few of many records cost the page as much as the count)."""
        self.count, self.count_exact = len(ids), True
        last = max(1, -(-self.count // self.size))
        if self.number > last:
            raise self.past_the_end(last)
        self.has_next = start + self.size < min(self.count, settings.API_PAGE_DEPTH)
        return rows_by_id(unfiltered, ids[start : start + self.size], as_written=True)

    def page_by_ids(
        self,
        queryset: QuerySet[Any, Any],
        counted: QuerySet[Any, Any],
        start: int,
        unfiltered: QuerySet[Any, Any] | None,
    ) -> list[Any]:
        """A page past the first of a list too long to read every id of, or any such page of a collection (whose
        rows before the filters, `unfiltered`, are given): its ids first, read from the filtered, ordered records
        alone (an index serves them), then its rows by id, so that the rows it skips cost no joins or subqueries,
        and the joins of its rows are planned apart from its filters (for a search of pledges, 8.6 ms of planning
        for 1.7 ms of reading)."""
        ids = list(counted.values_list("id", flat=True)[start : start + self.size + 1])
        if not ids and start:
            raise self.past_the_end(max(1, -(-start // self.size)))
        self.has_next = len(ids) > self.size and start + self.size < settings.API_PAGE_DEPTH
        if unfiltered is None:
            return rows_by_id(queryset, ids[: self.size])
        return rows_by_id(unfiltered, ids[: self.size], as_written=True)

    def past_the_end(self, last: int) -> NotFound:
        return NotFound(_("Page %(page)d is past the last page, %(last)d.") % {"page": self.number, "last": last})

    def next_link(self) -> str | None:
        if not self.has_next:
            return None
        return replace_query_param(self.request.build_absolute_uri(), "page", self.number + 1)

    def previous_link(self) -> str | None:
        if self.number == 1:
            return None
        url = self.request.build_absolute_uri()
        if self.number == 2:
            return remove_query_param(url, "page")
        return replace_query_param(url, "page", self.number - 1)


class KeysetPager:
    """Keyset paging on `id`: the cost of a page does not grow with its depth."""

    def __init__(self, request: Request, size: int) -> None:
        self.request = request
        self.size = size
        if request.query_params.get("page"):
            raise ValidationError({"page": [_("Pass either page or cursor, not both.")]})
        self.descending = request.query_params.get("ordering", "id").strip() == "-id"
        self.direction, self.boundary = decode_cursor(request.query_params.get("cursor", ""))

    def page(
        self, queryset: QuerySet[Any, Any], counted: QuerySet[Any, Any], unfiltered: QuerySet[Any, Any] | None = None
    ) -> list[Any]:
        """The page after (or before) the cursor's id; with `unfiltered`, its ids are read from `counted` first and
        its rows then by id, as a page by number beyond the first hundreds (`NumberPager.page_by_ids`)."""
        self.count, self.count_exact = bounded_count(counted, settings.API_EXACT_COUNT_LIMIT)
        forward = self.direction != "p"
        ascending = forward != self.descending
        found = self.beyond_boundary(queryset if unfiltered is None else counted.values("id"), ascending)
        has_more = len(found) > self.size
        rows = found[: self.size]
        if unfiltered is not None:
            rows = rows_by_id(unfiltered, [_row_id(row) for row in rows], as_written=True)
        if not forward:
            rows.reverse()
        self.first_id = _row_id(rows[0]) if rows else None
        self.last_id = _row_id(rows[-1]) if rows else None
        self.has_next = has_more if forward else self.boundary is not None
        self.has_previous = self.boundary is not None if forward else has_more
        return rows

    def beyond_boundary(self, records: QuerySet[Any, Any], ascending: bool) -> list[Any]:
        """Up to a page and one of `records` past the cursor's id, in the direction of the walk."""
        records = records.order_by("id" if ascending else "-id")
        if self.boundary is not None:
            records = records.filter(**{"id__gt" if ascending else "id__lt": self.boundary})
        return list(records[: self.size + 1])

    def next_link(self) -> str | None:
        if not self.has_next or self.last_id is None:
            return None
        return replace_query_param(self.request.build_absolute_uri(), "cursor", encode_cursor("n", self.last_id))

    def previous_link(self) -> str | None:
        if not self.has_previous or self.first_id is None:
            return None
        return replace_query_param(self.request.build_absolute_uri(), "cursor", encode_cursor("p", self.first_id))


ID_ORDERS: dict[tuple[str, ...], bool] = {("id",): False, ("pk",): False, ("-id",): True, ("-pk",): True}


def by_id(queryset: QuerySet[Any, Any]) -> bool | None:
    """Whether `queryset` is ordered by id descending (True) or ascending (False); None for any other order."""
    query = queryset.query
    ordering = query.order_by or (query.get_meta().ordering if query.default_ordering else ())
    return ID_ORDERS.get(tuple(term if isinstance(term, str) else "" for term in ordering or ()))


def rows_by_id(rows: QuerySet[Any, Any], ids: list[int], as_written: bool = False) -> list[Any]:
    """The rows whose ids are `ids`, in that order; `as_written`, with their joins in the order the query names them
    (`joins_as_written`), for rows read before any filter, whose joins only add each row's names. The rows of a
    table as of an instant have conditions of their own (which version stood then): the planner orders those."""
    if not ids:
        return []
    with joins_as_written(rows.db) if as_written and not rows.query.where else nullcontext():
        found = {_row_id(row): row for row in with_ids(rows.order_by(), "id", ids)}
    return [found[record_id] for record_id in ids]


def too_deep_message(depth: int) -> str:
    return _(
        "Pages by number reach the first %(depth)s results. To go deeper, page by cursor: pass cursor= (empty) "
        "for the first page, then follow next; a cursor page costs the same at any depth."
    ) % {"depth": f"{depth:,}"}


def _row_id(row: Any) -> int:
    row_id: int = row["id"] if isinstance(row, dict) else row.id
    return row_id


def encode_cursor(direction: str, boundary: int) -> str:
    return f"{direction}{boundary}"


def decode_cursor(raw: str) -> tuple[str, int | None]:
    if not raw:
        return "n", None
    if not (match := CURSOR.fullmatch(raw)):
        message = _("Not a cursor this API gave out; start again with an empty cursor.")
        raise ValidationError({"cursor": [message]})
    direction, boundary = match.groups()
    return direction, int(boundary)
