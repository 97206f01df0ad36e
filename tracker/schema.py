"""OpenAPI: every operation documents its error responses as problem details, and reads need no credentials.

drf-spectacular reads viewsets, serializers and filtersets; this adds only what it cannot see.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.permissions import SAFE_METHODS

from .as_of import IN_TIME_ACTIONS
from .exceptions import PROBLEM_CONTENT_TYPE
from .exports import CSVRenderer, JSONLinesRenderer
from .languages import LANGUAGE_QUERY_PARAMETER
from .query_params import wire_names
from .reflects import AS_OF_HEADER, POSITION_HEADER

if TYPE_CHECKING:
    from rest_framework.request import Request

    from .answers import RowsAnswerMixin
    from .columns import Column
    from .rows import Rows
    from .views import RecordViewSet

# An OpenAPI object (a parameter, a response, the whole document), as drf-spectacular builds it.
Schema: TypeAlias = dict[str, Any]
ViewSetClass = TypeVar("ViewSetClass", bound="type[RecordViewSet]")

ERROR_DESCRIPTIONS = {
    400: _("Invalid input or query parameter; `errors` maps each field or parameter to its messages."),
    401: _("No credentials: send `Authorization: Token <key>` or a session with CSRF."),
    403: _("Authenticated, but without the model permission this operation needs."),
    404: _("No record at this address, or a page past the end."),
    405: _("Method not allowed here."),
    406: _("No representation in the requested media type."),
    409: _(
        "A delete of a record that others point to (`detail` names them), or a write that concurrent writes held up: "
        "nothing was changed; send it again after `Retry-After` seconds."
    ),
    412: _("`If-Match` names a stale ETag: the record changed since it was read. The current ETag is in `ETag`."),
    413: _("The body is larger than the service reads (README, Limits); `errors` names `body`."),
    414: _("The address is longer than the service reads (README, Limits); `errors` names its longest part."),
    415: _("Unsupported request media type; send JSON."),
    429: _("Too many requests; retry after `Retry-After` seconds."),
    500: _("The server failed to answer; the error has been logged."),
    503: _("The database does not answer, or took too long; retry after `Retry-After` seconds."),
}


AS_OF_HEADER_TEXT = _(
    "The instant this answer reflects (UTC): now, the `as_of` instant, or the `release`'s; pass it as `as_of` to ask "
    "again."
)
POSITION_HEADER_TEXT = _(
    "The change-feed position this answer reflects: the latest, the last one stamped at or before `as_of`, or the "
    "`release`'s."
)

# The responses that carry the record's current ETag.
ETAG_CODES = ("200", "201", "412")

CHANGE_REASON = OpenApiParameter(
    "X-Change-Reason",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description=_("Why this change is made; kept in the record's history and the change feed."),
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description=_("The ETag the client read; a stale one makes this a 412 and changes nothing."),
)
IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description=_("The ETag the client holds; 304 without a body when it is still current."),
)

LANG = OpenApiParameter(
    LANGUAGE_QUERY_PARAMETER,
    {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]},
    OpenApiParameter.QUERY,
    description=_(
        "The answer's language, before `Accept-Language`; any other value is a 400. Labels, error messages and problem "
        "titles are in English, or in Indonesian (`id`); values, keys and the records' own texts are never translated. "
        "The answer's `Content-Language` says which."
    ),
)
ACCEPT_LANGUAGE = OpenApiParameter(
    "Accept-Language",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description=_(
        "The answer's language when `lang` is not given: Indonesian for `id` (`id-ID`, …), English for any other. "
        "Labels, error messages and problem titles follow it; values, keys and the records' own texts never do. The "
        "answer's `Content-Language` says which."
    ),
)


class ProblemSerializer(serializers.Serializer[Any]):
    """RFC 9457 problem details."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    errors = serializers.DictField(  # type: ignore[assignment]  # the body's "errors" member, not Serializer.errors
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text=_("For invalid input: each field or query parameter with its messages."),
    )


class TrackerAutoSchema(AutoSchema):
    """Adds the problem-details error responses of each operation and marks reads as open to anyone."""

    def get_operation(self, path: str, path_regex: str, path_prefix: str, method: str, registry: Any) -> Schema | None:
        """drf-spectacular's operation, with what it cannot see: the reads in time, the error responses, 304 and
        the ETag header."""
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        if "parameters" in operation:
            operation["parameters"] = self.documented_parameters(operation["parameters"])
        operation["responses"] = self.documented_responses(operation["responses"])
        return operation

    def documented_parameters(self, parameters: list[Schema]) -> list[Schema]:
        """An optional query parameter sent empty means not given (HTML forms send every field), so say so."""
        added = self.in_time_parameters()
        if any(parameter["name"] == "format" for parameter in added):
            parameters = [parameter for parameter in parameters if parameter["name"] != "format"]
        parameters = [*parameters, *added]
        for parameter in parameters:
            # An exploded object parameter (paging) has no name of its own on the wire to send empty.
            sent_by_name = wire_names(parameter) == {parameter["name"]}
            if parameter["in"] == "query" and not parameter.get("required") and sent_by_name:
                parameter["allowEmptyValue"] = True
            if parameter["in"] == "path" and getattr(self.view, "key_lookup_field", None):
                key = self.view.key_lookup_field  # type: ignore[attr-defined]  # a RecordViewSet's, as checked
                parameter["description"] = f"The record's id, or its `{key}`."
        return parameters

    def in_time_parameters(self) -> list[Schema]:
        """`as_of` (and `valid_at`) of the reads of a RecordViewSet (tracker.as_of.AsOfMixin), and the field
        selection and export formats of lists and details (tracker.answers.RowsAnswerMixin)."""
        if self.method != "GET":
            return []
        in_time = self.view.in_time_parameters() if hasattr(self.view, "in_time_parameters") else []
        answers = self.view.answer_parameters() if hasattr(self.view, "answer_parameters") else []
        return [*in_time, *answers]

    def get_auth(self) -> list[Schema]:
        auths = super().get_auth()
        if self.method in SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths

    def documented_responses(self, responses: dict[str, Schema]) -> dict[str, Schema]:
        """The responses, with the ETag header where the record's version is sent, 304 where `If-None-Match` is
        read, and each error response as problem details."""
        responses = {code: self.with_etag(code, response) for code, response in responses.items()}
        responses = {code: self.with_reflected(code, response) for code, response in responses.items()}
        if "200" in responses and getattr(self.view, "exports", lambda: False)():
            view: RowsAnswerMixin = self.view  # type: ignore[assignment]  # as checked
            row = self.resolve_serializer(type(view.row_serializer()), "response").ref
            responses["200"] = export_response_schema(responses["200"], row, view.export_columns())
        if IF_NONE_MATCH in self.get_override_parameters():
            responses.setdefault("304", {"description": _("Not modified: `If-None-Match` names the current ETag.")})
        problem = {"schema": self.resolve_serializer(ProblemSerializer, "response").ref}
        for code in map(str, self.error_codes()):
            error = {"content": {PROBLEM_CONTENT_TYPE: problem}, "description": ERROR_DESCRIPTIONS[int(code)]}
            responses.setdefault(code, self.with_etag(code, error))
        return responses

    def with_etag(self, status_code: str, response: Schema) -> Schema:
        """`response` with the ETag header (first, as drf-spectacular places headers) where it carries one."""
        carries_etag = self.is_record_read() or self.is_conditional_write() or self.method == "POST"
        if not carries_etag or self.path.endswith(("/events/", "/history/")) or status_code not in ETAG_CODES:
            return response
        etag = {"schema": {"type": "string"}, "description": _("The record's current version.")}
        return {"headers": {**response.get("headers", {}), "ETag": etag}, **response}

    def with_reflected(self, status_code: str, response: Schema) -> Schema:
        """A read in time names the instant and feed position it reflects (tracker.reflects)."""
        reads_in_time = self.method == "GET" and getattr(self.view, "action", None) in IN_TIME_ACTIONS
        if not reads_in_time or not hasattr(self.view, "in_time_parameters") or status_code not in ("200", "304"):
            return response
        headers = {
            AS_OF_HEADER: {"schema": {"type": "string", "format": "date-time"}, "description": AS_OF_HEADER_TEXT},
            POSITION_HEADER: {"schema": {"type": "integer"}, "description": POSITION_HEADER_TEXT},
        }
        return {**response, "headers": {**response.get("headers", {}), **headers}}

    def is_conditional_write(self) -> bool:
        """PUT, PATCH and DELETE of a record, and POST of an event to it, honour If-Match."""
        on_record = "{" in self.path
        event_post = self.method == "POST" and self.path.endswith("/events/")
        return on_record and (self.method in ("PUT", "PATCH", "DELETE") or event_post)

    def is_record_read(self) -> bool:
        return self.method == "GET" and "{" in self.path and not self._is_list_view()

    def get_override_parameters(self) -> list[Any]:
        parameters = [*super().get_override_parameters(), LANG, ACCEPT_LANGUAGE]
        if self.method not in SAFE_METHODS:
            parameters.append(CHANGE_REASON)
        if self.is_conditional_write():
            parameters.append(IF_MATCH)
        if self.is_record_read() and self.path.count("{") == 1 and not self.path.endswith("/history/"):
            parameters.append(IF_NONE_MATCH)
        return parameters

    def error_codes(self) -> list[int]:
        # Every operation refuses an unknown query parameter and an unsupported `lang` with a 400.
        codes = {400, 406, 414, 429, 500, 503}
        if self.method in ("POST", "PUT", "PATCH"):
            codes |= {413, 415}
        if self.method not in SAFE_METHODS:
            codes |= {401, 403, 409}
            codes |= {412} if self.is_conditional_write() else set()
        if self.path.rstrip("/").endswith("}") or "{" in self.path:
            codes.add(404)
        if self._is_list_view() and self.method == "GET":
            codes.add(404)
        return sorted(codes)


def export_response_schema(response: Schema, row: Schema, columns: list[Column]) -> Schema:
    """A list's 200 response whose CSV and JSON Lines bodies are described as such: the CSV columns, and the
    object each JSON line holds (`row`, a row of the JSON list)."""
    content = dict(response.get("content", {}))
    content[JSONLinesRenderer.media_type] = {"schema": {"allOf": [row], "description": JSONL_DESCRIPTION}}
    content[CSVRenderer.media_type] = {"schema": {"type": "string", "description": csv_description(columns)}}
    return {**response, "content": content}


JSONL_DESCRIPTION = (
    'JSON Lines: one object per line, each the row the JSON list holds; a final `{"error": "…"}` line if the '
    "export failed midway."
)


def csv_description(columns: list[Column]) -> str:
    header = ",".join(column.name for column in columns)
    described = "\n".join(f"- `{col.name}`" + (col.description and f": {col.description}") for col in columns)
    return (
        "CSV (UTF-8, RFC 4180): a header row, then one row per record; a final row starting `#error` if the export "
        f"failed midway. Text that a spreadsheet would run as a formula is prefixed with `'`.\n\nHeader: `{header}`"
        f"\n\n{described}"
    )


def document_record_viewset(
    rows_class: type[Rows],
    write_serializer: type[serializers.BaseSerializer[Any]],
    noun: str,
    lookup_description: str,
) -> Callable[[ViewSetClass], ViewSetClass]:
    """The schema of a RecordViewSet whose rows `rows_class` shapes: reads in their read shape, writes in the
    write shape.

    The viewset answers with those rows, and learns their read shape (`read_serializer_class`), so that a write
    can tell a read-only field from an unknown one.
    """
    read_serializer = rows_class.serializer_class
    assert read_serializer is not None, f"{rows_class.__name__} names its read serializer"
    document = extend_schema_view(
        list=extend_schema(summary=f"List {noun} records", responses=read_serializer(many=True)),
        retrieve=extend_schema(summary=f"Read one {noun} ({lookup_description})", responses=read_serializer),
        create=extend_schema(summary=f"Create a {noun}", request=write_serializer, responses={201: read_serializer}),
        update=extend_schema(summary=f"Replace a {noun}", request=write_serializer, responses=read_serializer),
        partial_update=extend_schema(summary=f"Change a {noun}", request=write_serializer, responses=read_serializer),
        destroy=extend_schema(summary=f"Delete a {noun}", responses={204: None}),
    )

    def decorate(viewset: ViewSetClass) -> ViewSetClass:
        viewset.rows_class = rows_class
        viewset.read_serializer_class = read_serializer
        return document(viewset)

    return decorate


def document_list_limits(result: Schema, generator: object, request: Request | None, public: bool) -> Schema:
    """Every list a request may carry, in a body or as a comma-separated parameter, holds at most
    API_MAX_LIST_ITEMS items (tracker.parsers, tracker.filters): a postprocessing hook, since the limit is the
    parser's and no serializer or filter declares it."""
    limit = settings.API_MAX_LIST_ITEMS
    bodies = [schema for name, schema in result["components"]["schemas"].items() if name.endswith("Request")]
    lists = [prop for body in bodies for prop in body.get("properties", {}).values() if prop.get("type") == "array"]
    for operations in result["paths"].values():
        for operation in operations.values():
            parameters = operation.get("parameters", []) if isinstance(operation, dict) else []
            lists += [p["schema"] for p in parameters if p["in"] == "query" and p["schema"].get("type") == "array"]
    for schema in lists:
        schema["maxItems"] = min(schema.get("maxItems", limit), limit)
    return result
