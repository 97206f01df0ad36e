"""Whole answers kept in the cache under the change feed's position: a read asked again is served without running
its queries or shaping its rows.

An anonymous GET answered in JSON (a list, a detail, a summary, a status timeline, a history, the change feed) is
stored, its body and the headers that belong to its content, under `feed_cache_key`: the feed's latest position
and time, the address with its query, the language and the format. Every write adds to the feed, so no key made
before a write is made after it, and no answer computed before a write is served after it. A read pinned in time
(`as_of`, `release`) is kept the same way, under the latest position rather than its own: it shows today's names
of the records it links to, which a later write may change.

Never stored: an authenticated read (an editor sees fresh data, and what their permissions show), an answer other
than a 200 or over `API_ANSWER_CACHE_MAX_BYTES`, a streamed export, the browsable API; nothing at all while
`API_ANSWER_CACHE_SECONDS` is 0. A request with `If-None-Match` goes on to the detail's cheap 304.

The cache is looked in once `initial()` has passed: authentication, permissions, throttles, query-parameter checks
and content negotiation apply to every request, served from the cache or not. The headers of the moment are the
serving request's own: `Tracker-As-Of` and `Tracker-Feed-Position`, `Vary`, `Allow`, CORS, `Content-Language`, and
`Server-Timing`, which says `cache;desc="hit"` (or `"miss"`).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from rest_framework.response import Response

from .reflects import feed_cache_key
from .timing import CACHE_HIT, CACHE_MISS, note_cache

if TYPE_CHECKING:
    from django.core.cache.backends.base import BaseCache
    from django.http import HttpResponseBase
    from rest_framework.request import Request
    from rest_framework.viewsets import GenericViewSet

    # What the mixin is mixed into; at run time its base is `object`.
    ViewSet = GenericViewSet[Any]
else:
    ViewSet = object

ANSWER_CACHE = "answers"
# The headers that belong to an answer's content; every other header is the serving request's.
STORED_HEADERS = ("Content-Type", "ETag", "Link", "Content-Language", "Content-Disposition")

# (body, [(header, value), …])
StoredAnswer = tuple[bytes, list[tuple[str, str]]]


def answer_cache() -> BaseCache:
    return caches[ANSWER_CACHE]


def answer_key(request: Request) -> str | None:
    """The cache key of the request's answer, or None when its answer is not one to keep."""
    if not keeps_answer(request):
        return None
    return feed_cache_key(request, "answer")


def keeps_answer(request: Request) -> bool:
    """Whether the request's answer may be served from the cache and stored in it."""
    renderer = getattr(request, "accepted_renderer", None)
    user = request.user
    return (
        settings.API_ANSWER_CACHE_SECONDS > 0
        and request.method == "GET"
        and not (user and user.is_authenticated)
        and renderer is not None
        and renderer.format == "json"
        and "If-None-Match" not in request.headers
    )


def stored_response(stored: StoredAnswer, *args: Any, **kwargs: Any) -> HttpResponse:
    """The answer as it was stored, in place of an action's handler (which takes the request and its arguments)."""
    content, headers = stored
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    note_cache(response, CACHE_HIT)
    return response


def store(key: str, response: HttpResponseBase) -> None:
    """Keep a rendered answer under `key`, unless it is over the size limit."""
    content = response.content  # type: ignore[attr-defined]  # a rendered Response has its content
    if len(content) > settings.API_ANSWER_CACHE_MAX_BYTES:
        return
    headers = [(name, response[name]) for name in STORED_HEADERS if name in response]
    answer_cache().set(key, (bytes(content), headers), settings.API_ANSWER_CACHE_SECONDS)


class AnswerCacheMixin(ViewSet):
    """Serves an anonymous JSON read from the cache of whole answers, and keeps what it answers there.

    Mixed in first, so that its `initial` looks in the cache after every other mixin's checks have passed.
    """

    answer_key: str | None = None

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.answer_key = answer_key(request)
        stored = answer_cache().get(self.answer_key) if self.answer_key else None
        if stored is not None:
            # The GET handler, which dispatch calls once `initial` returns (a kept answer is a GET's), answers what was
            # stored instead.
            self.get = functools.partial(stored_response, stored)

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        key = self.answer_key
        # A stored answer, or one that is no Response of DRF's (a streamed export): nothing to keep.
        if key is None or not isinstance(response, Response):
            return response
        note_cache(response, CACHE_MISS)
        if response.status_code == 200:
            response.add_post_render_callback(functools.partial(store, key))
        return response
