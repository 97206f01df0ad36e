"""Every error as RFC 9457 problem details: `{"type", "title", "status", "detail"}` and, for bad input,
an `errors` object that maps each field or query parameter to its messages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import OperationalError
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from .api_names import constraint_field
from .renderers import ProblemJSONRenderer
from .unavailable import unavailable_from

if TYPE_CHECKING:
    from rest_framework.request import Request
    from rest_framework.serializers import Serializer


# A problem response's body, and the field-to-messages map under its "errors".
Problem: TypeAlias = dict[str, Any]
FieldErrors: TypeAlias = dict[str, list[str]]

PROBLEM_CONTENT_TYPE = "application/problem+json"
# PostgreSQL's deadlock_detected, serialization_failure and lock_not_available; SQLite's busy database.
WRITE_CONFLICT_CODES = {"40P01", "40001", "55P03"}
WRITE_CONFLICT_MESSAGES = {"database is locked", "database table is locked"}
TITLES = {
    400: gettext_lazy("Bad request"),
    401: gettext_lazy("Not authenticated"),
    403: gettext_lazy("Permission denied"),
    404: gettext_lazy("Not found"),
    405: gettext_lazy("Method not allowed"),
    406: gettext_lazy("Not acceptable"),
    409: gettext_lazy("Conflict"),
    412: gettext_lazy("Precondition failed"),
    413: gettext_lazy("Content too large"),
    414: gettext_lazy("URI too long"),
    415: gettext_lazy("Unsupported media type"),
    429: gettext_lazy("Too many requests"),
    500: gettext_lazy("Server error"),
    503: gettext_lazy("Service unavailable"),
}


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail: Any = gettext_lazy("The request conflicts with the current state of the record.")
    default_code = "conflict"


class WriteConflict(Conflict):
    default_detail = gettext_lazy("Concurrent writes held what this one needed, so nothing was changed; send it again.")
    default_code = "write_conflict"
    headers = {"Retry-After": "1"}


def is_write_conflict(exc: BaseException) -> bool:
    """Whether the database refused a write only because of concurrent ones: sending it again may succeed."""
    if not isinstance(exc, OperationalError):
        return False
    code = getattr(exc.__cause__, "sqlstate", None) or getattr(exc.__cause__, "pgcode", None)
    return code in WRITE_CONFLICT_CODES or str(exc) in WRITE_CONFLICT_MESSAGES


class ContentTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"


def body_too_large() -> ContentTooLarge:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return ContentTooLarge({"body": [_("The body may not be larger than %(limit)d bytes.") % {"limit": limit}]})


def problem(status_code: int, detail: object, errors: object = None, type_suffix: str | None = None) -> Problem:
    """The body of a problem response."""
    body: Problem = {
        "type": f"about:blank#{type_suffix}" if type_suffix else "about:blank",
        "title": str(TITLES.get(status_code) or _("Error")),
        "status": status_code,
        "detail": str(detail),
    }
    if errors is not None:
        body["errors"] = errors
    return body


def flatten_errors(detail: object, prefix: str = "") -> FieldErrors:
    """{"targets.0.stance": ["…"]} from DRF's nested error detail."""
    if isinstance(detail, dict):
        flat: FieldErrors = {}
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            flat.update(flatten_errors(value, name))
        return flat
    if isinstance(detail, list) and detail and all(isinstance(item, (dict, list)) for item in detail):
        flat = {}
        for index, value in enumerate(detail):
            flat.update(flatten_errors(value, f"{prefix}.{index}" if prefix else str(index)))
        return flat
    messages = detail if isinstance(detail, list) else [detail]
    return {prefix or "non_field_errors": [str(message) for message in messages]}


def protected_detail(exc: ProtectedError | RestrictedError) -> str:
    records = list(exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects)
    names = ", ".join(f"{record._meta.verbose_name} “{record}”" for record in records[:10])
    more = len(records) - 10
    suffix = _(" and %(count)d more") % {"count": more} if more > 0 else ""
    return _("This record cannot be deleted while other records point to it: %(names)s%(more)s.") % {
        "names": names,
        "more": suffix,
    }


def to_api_exception(exc: Exception) -> Exception:
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        return exceptions.ValidationError(detail)
    if isinstance(exc, (ProtectedError, RestrictedError)):
        return Conflict(protected_detail(exc))
    if is_write_conflict(exc):
        return WriteConflict()
    if isinstance(exc, RequestDataTooBig):
        return body_too_large()
    return unavailable_from(exc) or exc


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, then reshaped as problem details with the problem+json media type."""
    exc = to_api_exception(exc)
    response = exception_handler(exc, context)
    if response is None:
        return None
    body = problem_body(exc, response.status_code)
    headers = {**dict(response.items()), **getattr(exc, "headers", {})}
    problem_response = Response(body, status=response.status_code, headers=headers)
    use_problem_renderer(context.get("request"), problem_response)
    return problem_response


def problem_body(exc: Exception, status_code: int) -> Problem:
    if isinstance(exc, exceptions.ValidationError):
        errors = flatten_errors(exc.detail)
        return problem(status_code, _("The input is not valid: %(fields)s.") % {"fields": ", ".join(errors)}, errors)
    if isinstance(exc, Http404):
        return problem(status_code, _("No record matches this address."))
    detail = getattr(exc, "detail", exc)
    if isinstance(detail, (dict, list)):
        errors = flatten_errors(detail)
        return problem(status_code, "; ".join(m for ms in errors.values() for m in ms), errors)
    return problem(status_code, detail)


def use_problem_renderer(request: Request | None, response: Response) -> None:
    response.content_type = PROBLEM_CONTENT_TYPE
    if request is not None:
        request.accepted_renderer = ProblemJSONRenderer()
        request.accepted_media_type = PROBLEM_CONTENT_TYPE


def api_field_names(serializer: Serializer[Any]) -> dict[str, str]:
    """{model field name: API field name}, nested serializers included ("quantity_low" → "quantity.low")."""
    names: dict[str, str] = {}
    for name, field in serializer.fields.items():
        if getattr(field, "fields", None) is not None and field.source == "*":
            nested = api_field_names(field)  # type: ignore[arg-type]  # a field with fields is a Serializer
            names.update({model: f"{name}.{api}" for model, api in nested.items()})
        else:
            names[field.source or name] = name
    return names


def api_validation_error(error: DjangoValidationError, serializer: Serializer[Any]) -> exceptions.ValidationError:
    """A model's ValidationError restated in the API's field names.

    A message of a model field goes to that field, renamed; a constraint's (whose code is its name) to the
    field the API layer says it concerns (`tracker.api_names.constraint_field`), when the serializer has it;
    any other to `non_field_errors`.
    """
    names = api_field_names(serializer)
    known = {*names.values(), *serializer.fields}
    if not hasattr(error, "error_dict"):
        return exceptions.ValidationError({"non_field_errors": error.messages})
    detail: FieldErrors = {}
    for field, errors in error.error_dict.items():
        for item in errors:
            concerned = constraint_field(item.code) if item.code else None
            target = names.get(field) or (concerned if concerned in known else None) or "non_field_errors"
            detail.setdefault(target, []).extend(item.messages)
    return exceptions.ValidationError(detail)
