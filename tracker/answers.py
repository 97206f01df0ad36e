"""How a list or a detail answers with its rows: paged JSON or a streamed export, with the fields asked for."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from rest_framework.permissions import SAFE_METHODS

from .columns import Column, columns_of
from .exports import EXPORT_RENDERERS, export_response, is_export
from .fields import FieldSelection, selection_parameters
from .pagination import PageOrCursorPagination

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import StreamingHttpResponse
    from rest_framework.renderers import BaseRenderer
    from rest_framework.response import Response
    from rest_framework.serializers import Serializer
    from rest_framework.viewsets import GenericViewSet

    from .rows import Rows
    from .shapes import Row

    ViewSet = GenericViewSet[Any]
else:
    ViewSet = object

# The actions whose rows a client may select fields of, and those that also export.
SELECTING_ACTIONS = ("list", "retrieve", "events")
EXPORTING_ACTIONS = ("list", "events", "summary")

FORMAT_DESCRIPTION = (
    "`json` (the default: pages), `csv` or `jsonl`: every row the other parameters select, streamed, with no "
    "paging. The same as `Accept: text/csv` or `Accept: application/x-ndjson`."
)


class RowsAnswerMixin(ViewSet):
    """Lists that also export (`format=csv|jsonl`), and lists and details that select fields (`fields`, `omit`).

    The rows' shape is documented by `shape_serializer_class` (an action sets it), else the view's
    `read_serializer_class`, else its `serializer_class`; their `Rows` class by `shape_rows_class`, else
    `rows_class`.
    """

    shape_serializer_class: type[Serializer[Any]] | None = None
    shape_rows_class: type[Rows] | None = None

    def get_renderers(self) -> list[BaseRenderer]:
        renderers = list(super().get_renderers())
        if self.exports():
            renderers += [renderer() for renderer in EXPORT_RENDERERS]
        return renderers

    def reads(self, actions: tuple[str, ...]) -> bool:
        request = getattr(self, "request", None)
        return self.action in actions and request is not None and request.method in SAFE_METHODS

    def exports(self) -> bool:
        """Whether this operation answers in CSV and JSON Lines too."""
        return self.reads(EXPORTING_ACTIONS)

    def selects_fields(self) -> bool:
        """Whether this operation reads `fields` and `omit`."""
        return self.reads(SELECTING_ACTIONS)

    def row_serializer(self) -> Serializer[Any]:
        serializer_class = (
            self.shape_serializer_class or getattr(self, "read_serializer_class", None) or self.serializer_class
        )
        assert serializer_class is not None, "a view that answers rows documents them with a serializer"
        serializer: Serializer[Any] = serializer_class()  # type: ignore[assignment]  # a read shape is a Serializer
        return serializer

    def row_fields(self) -> list[str]:
        return list(field_names(type(self.row_serializer()))) if self.selects_fields() else []

    def field_selection(self) -> FieldSelection:
        """The fields the request asks for (all when it names none); a 400 for unknown ones."""
        if not hasattr(self, "_field_selection"):
            fields = self.row_fields()
            selection = FieldSelection.from_request(self.request, fields) if self.selects_fields() else None
            self._field_selection = selection or FieldSelection(fields)
        return self._field_selection

    def answer_rows(
        self,
        queryset: QuerySet[Any, Row],
        rows: Rows,
        counted: QuerySet[Any] | None = None,
        unfiltered: QuerySet[Any, Row] | None = None,
    ) -> Response | StreamingHttpResponse:
        """A page of the rows of `queryset` shaped by `rows`, or, for an export, all of them streamed. A page's count
        is taken on `counted` when given: the same records without the joins of `.values()`; a page whose ids that
        count has read reads its rows from `unfiltered` when given: the same rows before the filters
        (PageOrCursorPagination)."""
        selection = self.field_selection()
        rows.select(selection)
        if is_export(self.request):
            instant = getattr(self, "as_of", None)
            return export_response(self.request, queryset, rows, self.export_columns(), selection, instant)
        paginator = self.paginator
        assert isinstance(paginator, PageOrCursorPagination), "a view that answers rows pages them"
        page = paginator.paginate_queryset(queryset, self.request, self, counted=counted, unfiltered=unfiltered)
        return self.get_paginated_response(selection.apply(rows.shape(list(page))))

    def export_columns(self) -> list[Column]:
        rows_class = self.shape_rows_class or getattr(self, "rows_class", None)
        assert rows_class is not None, "a view that exports rows names their Rows class"
        return columns_of(self.row_serializer(), rows_class)

    def answer_parameters(self) -> list[dict[str, Any]]:
        """The OpenAPI query parameters of field selection and of the export formats, where they apply."""
        parameters = selection_parameters(self.row_fields()) if self.selects_fields() else []
        if self.exports():
            formats = {"type": "string", "enum": ["json", "csv", "jsonl"]}
            described = {"description": FORMAT_DESCRIPTION, "schema": formats}
            parameters.append({"name": "format", "in": "query", "required": False, **described})
        return parameters


@cache
def field_names(serializer_class: type[Serializer[Any]]) -> tuple[str, ...]:
    """The names of a read shape's fields, built once: a serializer copies every declared field when built."""
    return tuple(serializer_class().fields)
