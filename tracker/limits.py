"""The longest address the service reads (API_MAX_URI_LENGTH; the other limits are in tracker.parsers and
tracker.filters, and README "Limits" lists them all)."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.utils.translation import gettext as _

from .exceptions import PROBLEM_CONTENT_TYPE, problem


def longest_part(request: HttpRequest) -> str:
    """The query parameter that makes up most of the address, or `path` when the path itself does."""
    lengths = {name: len(name) + sum(len(value) for value in values) for name, values in request.GET.lists()}
    name = max(lengths, key=lengths.__getitem__, default=None)
    return name if name is not None and lengths[name] > len(request.path) else "path"


def uri_too_long(request: HttpRequest) -> HttpResponse:
    limit = settings.API_MAX_URI_LENGTH
    message = _("The address may not be longer than %(limit)d characters.") % {"limit": limit}
    if not request.path.startswith("/api/"):
        return HttpResponse(message, status=414, content_type="text/plain; charset=utf-8")
    body = problem(414, message, errors={longest_part(request): [message]})
    return JsonResponse(body, status=414, content_type=PROBLEM_CONTENT_TYPE)


class URILengthMiddleware:
    """414 for an address longer than API_MAX_URI_LENGTH, before it is routed or authenticated."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if len(request.get_full_path()) > settings.API_MAX_URI_LENGTH:
            return uri_too_long(request)
        return self.get_response(request)
