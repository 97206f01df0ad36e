"""Exports: every row a list's filters, search, ordering, `as_of` and `valid_at` select, streamed as CSV or JSON Lines.

`format=csv` or `Accept: text/csv` answers flat CSV (a header, then one row per record); `format=jsonl` or
`Accept: application/x-ndjson` one JSON object per line, each the same object the JSON list holds. The rows are
read in batches of API_EXPORT_BATCH_SIZE from one query (a server-side cursor on PostgreSQL, in one read-only,
repeatable-read transaction, so the file is one snapshot), each batch shaped by the resource's `Rows` (so links cost
one query per batch), and sent as it is shaped: memory stays flat, and the header leaves before the first query.

The CSV columns are the resource's flat columns (tracker/columns.py). A text cell that a spreadsheet
would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with `'`; a
number is never altered, so a negative number stays a number. A stream that fails midway ends with a line that
says so: `#error,…` in CSV, `{"error": …}` in JSON Lines.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import islice
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import connections, transaction
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import BaseRenderer

from .columns import JOIN
from .renderers import FastJSONRenderer

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from rest_framework.request import Request

    from .columns import Column
    from .fields import FieldSelection
    from .rows import Rows
    from .shapes import Row, Shaped

logger = logging.getLogger(__name__)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PAGING_PARAMS = ("page", "page_size", "cursor")
ERROR_MARK = "#error"
UNSAFE_IN_FILENAME = re.compile(r"[^A-Za-z0-9_.-]+")


class ExportRenderer(BaseRenderer):
    """A media type an export answers in; DRF picks it by `format` or `Accept`, the view streams the rows."""

    extension = ""

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        # Only a list's rows are exported, and they are streamed; anything else that reaches here is sent as JSON.
        return FastJSONRenderer().render(data)

    def writer(self, columns: Sequence[Column], rows: Rows) -> RowWriter:
        raise NotImplementedError


class CSVRenderer(ExportRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"
    extension = "csv"

    def writer(self, columns: Sequence[Column], rows: Rows) -> RowWriter:
        return CSVWriter(columns, rows)


class JSONLinesRenderer(ExportRenderer):
    media_type = "application/x-ndjson"
    format = "jsonl"
    charset = None
    extension = "jsonl"

    def writer(self, columns: Sequence[Column], rows: Rows) -> RowWriter:
        return JSONLinesWriter()


EXPORT_RENDERERS: tuple[type[ExportRenderer], ...] = (CSVRenderer, JSONLinesRenderer)


def cell(value: Any) -> str:
    """A CSV cell: empty for null, `true`/`false`, ISO dates, UTC times ending in `Z`, and text made inert."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        value = JOIN.join(str(item) for item in value)
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class RowWriter:
    def header(self) -> bytes:
        return b""

    def rows(self, shaped: Iterable[Shaped]) -> bytes:
        raise NotImplementedError

    def error(self, message: str) -> bytes:
        raise NotImplementedError


class CSVWriter(RowWriter):
    def __init__(self, columns: Sequence[Column], rows: Rows) -> None:
        self.columns = columns
        self.shaper = rows
        self.buffer = io.StringIO()
        self.csv = csv.writer(self.buffer, lineterminator="\r\n")

    def header(self) -> bytes:
        return self.lines([[column.name for column in self.columns]])

    def rows(self, shaped: Iterable[Shaped]) -> bytes:
        return self.lines([cell(column.value(row, self.shaper)) for column in self.columns] for row in shaped)

    def error(self, message: str) -> bytes:
        return self.lines([[ERROR_MARK, message]])

    def lines(self, rows: Iterable[Sequence[str]]) -> bytes:
        self.buffer.seek(0)
        self.buffer.truncate()
        self.csv.writerows(rows)
        return self.buffer.getvalue().encode()


class JSONLinesWriter(RowWriter):
    def __init__(self) -> None:
        self.json = FastJSONRenderer()

    def rows(self, shaped: Iterable[Shaped]) -> bytes:
        return b"".join(self.json.render(row) + b"\n" for row in shaped)

    def error(self, message: str) -> bytes:
        return self.json.render({"error": message}) + b"\n"


def batches(queryset: QuerySet[Any, Row], size: int) -> Iterator[list[Row]]:
    """The rows of `queryset` in lists of `size`, read through one cursor in chunks of that size."""
    rows = queryset.iterator(chunk_size=size)
    while batch := list(islice(rows, size)):
        yield batch


@contextlib.contextmanager
def snapshot(using: str) -> Iterator[None]:
    """On PostgreSQL, one read-only transaction that sees one snapshot (the server-side cursor lives in it); on
    SQLite, whose transactions here take the write lock, none."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=using):
        if outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def stream(
    queryset: QuerySet[Any, Row], shape: Callable[[list[Row]], list[Shaped]], writer: RowWriter, size: int
) -> Iterator[bytes]:
    """The export's bytes: the header at once, then each batch as it is shaped; a failure ends it with an error
    line rather than as if complete."""
    sent = 0
    yield writer.header()
    try:
        with snapshot(queryset.db):
            for batch in batches(queryset, size):
                yield writer.rows(shape(batch))
                sent += len(batch)
    except Exception:
        logger.exception("An export failed after %d rows.", sent)
        yield writer.error(_("The export failed after %(rows)d rows: this file is incomplete.") % {"rows": sent})


def refuse_paging(request: Request) -> None:
    given = [name for name in PAGING_PARAMS if name in request.query_params]
    if given:
        message = _("An export holds every row: page, page_size and cursor do not apply to it.")
        raise ValidationError({name: [message] for name in given})


def filename(request: Request, instant: datetime.datetime, extension: str) -> str:
    """`pledges-2025-11-01T120000Z.csv`: the collection's path under the API version, and the instant in UTC."""
    path = request.path.strip("/").split("/")[2:]  # after "api" and the version
    name = UNSAFE_IN_FILENAME.sub("-", "-".join(path)) or "export"
    return f"{name}-{instant.astimezone(datetime.UTC):%Y-%m-%dT%H%M%SZ}.{extension}"


def export_response(
    request: Request,
    queryset: QuerySet[Any, Row],
    rows: Rows,
    columns: Sequence[Column],
    selection: FieldSelection,
    instant: datetime.datetime | None,
) -> StreamingHttpResponse:
    """The streamed answer of an export in the media type the request accepted."""
    refuse_paging(request)
    renderer: ExportRenderer = request.accepted_renderer  # type: ignore[assignment]  # checked by is_export
    writer = renderer.writer([column for column in columns if selection.wants(column.field)], rows)

    def shape(batch: list[Row]) -> list[Shaped]:
        return selection.apply(rows.shape(batch))

    body = stream(queryset, shape, writer, settings.API_EXPORT_BATCH_SIZE)
    content_type = f"{renderer.media_type}; charset=utf-8" if renderer.charset else renderer.media_type
    response = StreamingHttpResponse(body, content_type=content_type)
    name = filename(request, instant or timezone.now(), renderer.extension)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def export_shaped_response(
    request: Request, shaped: list[Shaped], rows: Rows, columns: Sequence[Column], instant: datetime.datetime | None
) -> StreamingHttpResponse:
    """The answer of an export of rows already shaped (a summary's groups), in the media type the request accepted."""
    renderer: ExportRenderer = request.accepted_renderer  # type: ignore[assignment]  # checked by is_export
    writer = renderer.writer(columns, rows)
    content_type = f"{renderer.media_type}; charset=utf-8" if renderer.charset else renderer.media_type
    response = StreamingHttpResponse(iter([writer.header(), writer.rows(shaped)]), content_type=content_type)
    name = filename(request, instant or timezone.now(), renderer.extension)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def is_export(request: Request) -> bool:
    return isinstance(getattr(request, "accepted_renderer", None), ExportRenderer)
