"""A database that is down, refuses connections or does not answer in time is a 503 to retry, not a 500."""

import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
# PostgreSQL's SQLSTATE for a statement cancelled by `statement_timeout`.
QUERY_CANCELED = "57014"
PAGE = "<!DOCTYPE html><title>Service unavailable</title><h1>Service unavailable</h1><p>{}</p>"


class DatabaseUnavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = _("The database does not answer; try again in a few seconds.")
    default_code = "database_unavailable"
    wait = RETRY_AFTER_SECONDS  # DRF's handler sends it as Retry-After


def unavailable_from(exc: BaseException | None) -> DatabaseUnavailable | None:
    """A DatabaseUnavailable for an error that means the database cannot answer now, else None.

    By DB-API's definition, OperationalError and InterfaceError are the database's operation failing (a
    refused or timed-out connection, a dropped one, a cancelled statement), not the request's fault.
    """
    if not isinstance(exc, OperationalError | InterfaceError):
        return None
    logger.warning("The database did not answer: %s", exc)
    if getattr(exc.__cause__, "sqlstate", None) == QUERY_CANCELED:
        return DatabaseUnavailable(_("The database took too long to answer; try again in a few seconds."))
    return DatabaseUnavailable()


def unavailable_response(request: HttpRequest, unavailable: DatabaseUnavailable) -> HttpResponse:
    """Problem details under /api/ and /healthz, a plain page elsewhere (the admin); both with Retry-After."""
    if request.path.startswith(("/api/", "/healthz")):
        response: HttpResponse
        body = {"type": "about:blank", "title": "Service unavailable", "status": 503, "detail": str(unavailable)}
        response = JsonResponse(body, status=503, content_type="application/problem+json")
    else:
        response = HttpResponse(format_html(PAGE, unavailable), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseUnavailableMiddleware:
    """503 instead of a 500 (or Django's debug page) when a view outside DRF meets a database that cannot answer.

    DRF's views map the same errors in the exception handler.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        unavailable = unavailable_from(exception)
        return None if unavailable is None else unavailable_response(request, unavailable)
