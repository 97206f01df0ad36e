"""The base viewset of every collection, and the few views outside the versioned API."""

from __future__ import annotations

import datetime
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DatabaseError, connection, models
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework import status, viewsets
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer, Serializer

from .answer_cache import AnswerCacheMixin
from .answers import RowsAnswerMixin
from .as_of import AsOfMixin
from .columns import Column, columns_of
from .conditional import ConditionalMixin
from .exceptions import PROBLEM_CONTENT_TYPE, api_validation_error, body_too_large, problem
from .inputs import ASCII_DIGITS, reject_null_characters
from .query_params import KnownQueryParamsMixin
from .record_history import HistoryMixin
from .renderers import FastJSONRenderer
from .rows import AsOfTables, Rows, UrlBuilder
from .serializers import CURRENT_REPRESENTATION, READ_FIELDS, READ_ONLY_HINTS
from .services import write_transaction

if TYPE_CHECKING:
    from rest_framework.request import Request

    from .fields import FieldSelection
    from .models import TrackedModel
    from .shapes import Row, Shaped

    class ReadingView(viewsets.GenericViewSet[Any]):
        """What RecordReads is mixed into, a RecordViewSet; at run time its base is `object`."""

        rows_class: type[Rows] | None

        def field_selection(self) -> FieldSelection: ...
        def selects_fields(self) -> bool: ...
else:
    ReadingView = object
from .unavailable import RETRY_AFTER_SECONDS, unavailable_from, unavailable_response

SUPPORTED_VERSIONS = ("v1",)


class CollectionTable(NamedTuple):
    """The `values()` rows of a collection's records, the Rows that shape them, and their flat columns."""

    records: models.QuerySet[Any, Row]
    rows: Rows
    columns: list[Column]


class RecordReads(ReadingView):
    """Where a RecordViewSet's reads come from; the mixins before it (as_of, valid_at) refine both."""

    def read_queryset(self) -> models.QuerySet[Any]:
        """The queryset that a list's filters, search and ordering apply to."""
        return self.get_queryset()

    def get_rows(self) -> Rows:
        """The resource's Rows, shaping in a read only the fields it asks for (`fields`, `omit`)."""
        assert self.rows_class is not None, "a RecordViewSet sets rows_class"
        rows = self.rows_class(UrlBuilder(self.request, self.request.version or "v1"))
        return rows.select(self.field_selection()) if self.selects_fields() else rows


class RecordViewSet(
    AnswerCacheMixin,
    KnownQueryParamsMixin,
    ConditionalMixin,
    HistoryMixin,
    AsOfMixin,
    RecordReads,
    RowsAnswerMixin,
    viewsets.ModelViewSet[Any],
):
    """Reads through the resource's `Rows` (dicts, not model instances); writes through its services. Anonymous
    JSON reads are answered from the cache of whole answers when they can be (tracker.answer_cache).

    Subclasses set `queryset` (what filters, search and ordering apply to), `write_serializer_class` (what a client
    writes: related records by key) and the app's service functions `create_service(**fields)`,
    `update_service(record, **fields)` and `delete_service(record)`; `document_record_viewset` gives them their
    `rows_class` and its read shape (`read_serializer_class`).
    """

    rows_class: type[Rows] | None = None
    read_serializer_class: type[Serializer[Any]] | None = None
    write_serializer_class: type[BaseSerializer[Any]] | None = None
    # Read through the class (`type(self)`), so that a plain function is not bound as a method.
    create_service: ClassVar[Callable[..., TrackedModel] | None] = None
    update_service: ClassVar[Callable[..., TrackedModel] | None] = None
    delete_service: ClassVar[Callable[[Any], None] | None] = None
    # A field besides the id that also finds a record at its address (`/pledges/{id or key}/`).
    key_lookup_field: str | None = None

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        reject_null_characters(request, kwargs)

    def get_serializer_class(self) -> type[BaseSerializer[Any]]:
        assert self.write_serializer_class is not None, "a RecordViewSet sets write_serializer_class"
        return self.write_serializer_class

    def get_object(self) -> Any:
        self.resolve_key_lookup()
        return super().get_object()

    def resolve_key_lookup(self) -> None:
        """A lookup that is not all digits names the record by `key_lookup_field`: find its id, or 404."""
        name = self.lookup_url_kwarg or self.lookup_field
        value = self.kwargs.get(name, "")
        if self.key_lookup_field is None or ASCII_DIGITS.fullmatch(value):
            return
        found = self.read_queryset().filter(**{self.key_lookup_field: value}).values_list("id", flat=True).first()
        if found is None:
            raise Http404
        self.kwargs[name] = str(found)

    def get_serializer_context(self) -> dict[str, Any]:
        """Writes name the read-only fields they refuse: those of the read shape, with a hint where one helps."""
        context = super().get_serializer_context()
        read_fields = self.read_serializer_class().fields if self.read_serializer_class else {}
        return {
            **context,
            READ_FIELDS: set(read_fields),
            READ_ONLY_HINTS: self.read_only_hints(),
            CURRENT_REPRESENTATION: self.represent_as_sent,
        }

    def represent_as_sent(self, instance: TrackedModel) -> Any:
        """The record's read shape as a client receives it: JSON types, not Python ones."""
        return json.loads(FastJSONRenderer().render(self.represent(instance)))

    def read_only_hints(self) -> dict[str, str]:
        """{field: message} for read-only fields that are written some other way."""
        return {}

    def list(  # type: ignore[override]  # an export answers with a streamed response
        self, request: Request, *args: Any, **kwargs: Any
    ) -> Response | StreamingHttpResponse:
        """The filtered, ordered rows: paginated, or all of them streamed as an export."""
        rows = self.get_rows()
        unfiltered = self.read_queryset()
        records = self.filter_queryset(unfiltered)
        return self.answer_rows(rows.values(records), rows, counted=records, unfiltered=rows.values(unfiltered))

    @classmethod
    def table_as_of(cls, instant: datetime.datetime) -> CollectionTable:
        """Every record of the collection as the database held it at `instant`, by id, outside any request (a
        release's package): what `?as_of=<instant>&ordering=id&format=csv` exports, with addresses relative."""
        view = cls(action="list", request=None, kwargs={}, as_of=instant, valid_at=None, tables=AsOfTables(instant))
        rows = view.get_rows_class()(UrlBuilder(None), view.tables)
        read_serializer = view.read_serializer_class
        assert read_serializer is not None, "a RecordViewSet documents its rows with a read serializer"
        columns = columns_of(read_serializer(), view.get_rows_class())
        return CollectionTable(rows.values(view.read_queryset().order_by("id")), rows, columns)

    def get_rows_class(self) -> type[Rows]:
        assert self.rows_class is not None, "a RecordViewSet sets rows_class"
        return self.rows_class

    def represent(self, instance: Any) -> Shaped:
        # By `id`, which names the record on its model and on its history alike (where `pk` is a version's).
        return self.get_rows().one(self.read_queryset().filter(id=instance.pk))

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        instance = self.write(serializer, self.perform_create)
        response = self.respond(instance, status.HTTP_201_CREATED)
        response["Location"] = response.data["url"]
        return response

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        partial = kwargs.pop("partial", False)
        with write_transaction():
            instance = self.get_object()
            self.check_precondition(instance)
            serializer = self.get_serializer(instance, data=request.data, partial=partial)
            instance = self.write(serializer, self.perform_update)
        return self.respond(instance)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with write_transaction():
            instance = self.get_object()
            self.check_precondition(instance)
            self.perform_destroy(instance)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def perform_create(self, serializer: BaseSerializer[Any]) -> TrackedModel:  # type: ignore[override]  # the record, to respond with
        create = type(self).create_service
        assert create is not None, "a RecordViewSet that creates sets create_service"
        return create(**serializer.validated_data)

    def perform_update(self, serializer: BaseSerializer[Any]) -> TrackedModel:  # type: ignore[override]  # the record, to respond with
        update = type(self).update_service
        assert update is not None, "a RecordViewSet that updates sets update_service"
        return update(serializer.instance, **serializer.validated_data)

    def perform_destroy(self, instance: TrackedModel) -> None:
        delete = type(self).delete_service
        assert delete is not None, "a RecordViewSet that deletes sets delete_service"
        delete(instance)

    def write(self, serializer: BaseSerializer[Any], perform: Callable[[Any], Any]) -> Any:
        """Validate and apply a write in one transaction: whole or not at all, errors in the API's names."""
        try:
            with write_transaction():
                serializer.is_valid(raise_exception=True)
                return perform(serializer)
        except DjangoValidationError as error:
            raise api_validation_error(error, serializer) from error  # type: ignore[arg-type]  # a Serializer


def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        response = problem_response(503, _("The database does not answer."))
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return JsonResponse({"status": "ok"})


def api_index(request: HttpRequest) -> JsonResponse:
    """The API versions, each with its root, schema and documentation."""
    versions = [
        {
            "version": version,
            "url": request.build_absolute_uri(reverse(f"{version}:api-root")),
            "schema": request.build_absolute_uri(reverse(f"{version}-schema")),
            "docs": request.build_absolute_uri(reverse(f"{version}-docs")),
            "redoc": request.build_absolute_uri(reverse(f"{version}-redoc")),
        }
        for version in SUPPORTED_VERSIONS
    ]
    return JsonResponse({"versions": versions, "current": SUPPORTED_VERSIONS[-1]})


def problem_response(status_code: int, detail: object, **extra: Any) -> JsonResponse:
    body = {**problem(status_code, detail), **extra}
    return JsonResponse(body, status=status_code, content_type=PROBLEM_CONTENT_TYPE)


@csrf_exempt
def unknown_version(request: HttpRequest, version: str, rest: str = "") -> HttpResponse:
    """404 for an address under /api/ that no route serves, naming the supported versions.

    Exempt from CSRF, which would otherwise answer a POST here with Django's HTML 403 instead of this 404.
    """
    if version in SUPPORTED_VERSIONS:
        return not_found(request)
    return problem_response(
        404,
        _("API version %(version)s does not exist. Supported versions: %(supported)s.")
        % {"version": version, "supported": ", ".join(SUPPORTED_VERSIONS)},
        supported_versions=list(SUPPORTED_VERSIONS),
    )


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404 as problem details under /api/, Django's page elsewhere."""
    if request.path.startswith("/api/"):
        return problem_response(404, _("No resource at %(path)s.") % {"path": request.path})
    from django.views.defaults import page_not_found

    return page_not_found(request, exception)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """400 as problem details under /api/, and 413 for a body over DATA_UPLOAD_MAX_MEMORY_SIZE that Django refused
    before any view ran; Django's page elsewhere."""
    if not request.path.startswith("/api/"):
        from django.views.defaults import bad_request as django_bad_request

        return django_bad_request(request, exception)  # type: ignore[arg-type]  # Django always passes one
    if isinstance(exception, RequestDataTooBig):
        too_large = body_too_large()
        message = too_large.detail["body"][0]  # type: ignore[index, call-overload]  # {"body": [message]}
        return problem_response(413, message, errors=too_large.detail)
    return problem_response(400, _("The request could not be read."))


def server_error(request: HttpRequest) -> HttpResponse:
    """500 as problem details under /api/; a 503 when the error is a database that cannot answer (one raised
    outside a view, which neither DRF's handler nor the middleware sees)."""
    unavailable = unavailable_from(sys.exc_info()[1])
    if unavailable is not None:
        return unavailable_response(request, unavailable)
    if request.path.startswith("/api/"):
        return problem_response(500, _("The server failed to answer this request; the error has been logged."))
    from django.views.defaults import server_error as django_server_error

    return django_server_error(request)
