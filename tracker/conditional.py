"""Conditional requests: ETags on details, `If-None-Match` (304) and `If-Match` (412 when stale).

A record's ETag digests its representation (links and nested names included, host left out) together with
its latest change-feed position, which moves with every change to the record, its links and its events.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any, TypeVar

import orjson
from django.core.cache import cache
from django.db.models import Max
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response

from .history import lock_feed
from .models import Change
from .reflects import feed_cache_key

if TYPE_CHECKING:
    from django.db import models
    from rest_framework.request import Request
    from rest_framework.viewsets import GenericViewSet

    from .fields import FieldSelection
    from .models import TrackedModel
    from .shapes import Shaped

    Record = TypeVar("Record", bound=models.Model)

    class RecordView(GenericViewSet[Any]):
        """What the mixin is mixed into, a RecordViewSet; at run time its base is `object`."""

        def represent(self, instance: Any) -> Shaped: ...
        def field_selection(self) -> FieldSelection: ...
else:
    RecordView = object


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _("The record has changed since the ETag in If-Match; read it again (its ETag is in this answer).")
    default_code = "precondition_failed"

    def __init__(self, current_etag: str) -> None:
        super().__init__()
        self.headers = {"ETag": current_etag}


def etag_matches(header: str | None, etag: str) -> bool:
    """Whether an If-Match / If-None-Match header value names `etag` (weak comparison; `*` matches any)."""
    if not header:
        return False
    candidates = {value.strip().removeprefix("W/") for value in header.split(",")}
    return "*" in candidates or etag in candidates


# How long an address's ETag stays in the cache; a write makes it unreachable at once (its key holds the position).
ETAG_CACHE_SECONDS = 3600


def latest_position(instance: TrackedModel) -> int | None:
    position: int | None = Change.objects.of_record(instance).aggregate(position=Max("id"))["position"]
    return position


class ConditionalMixin(RecordView):
    """ETags and precondition checks for a RecordViewSet."""

    def etag(self, instance: TrackedModel, body: Shaped, selected: str = "") -> str:
        """The digest of the record's representation and feed position, and of the fields selected (`selected`):
        a read of some fields has an ETag of its own, which names no version of the whole record to If-Match."""
        host = self.request.build_absolute_uri("/").rstrip("/").encode()
        payload = orjson.dumps(body, default=str, option=orjson.OPT_SORT_KEYS | orjson.OPT_UTC_Z)
        version = f"|{latest_position(instance)}{self.page_language()}{selected}"
        digest = hashlib.sha256(payload.replace(host, b"") + version.encode())
        return f'"{digest.hexdigest()[:40]}"'

    def page_language(self) -> str:
        """The language of a page of the browsable API, which is in the answer's language around the same JSON:
        its ETag names it, so that a cache never takes one language's page for the other's. JSON holds values,
        not labels, so its ETag is one for both languages and an `If-Match` read in one holds in the other."""
        renderer = getattr(self.request, "accepted_renderer", None)
        if renderer is None or renderer.format == "json":
            return ""
        return f"|{renderer.format}|{translation.get_language()}"

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """One record (the fields asked for) with its ETag; 304 when `If-None-Match` names the current one.

        The ETag of each address is kept in the cache under the change feed's position: no write has been made
        since it was computed while the position stands, so a 304 needs one read of the position instead of the
        record. A write moves the position, and every ETag is computed again on its next read."""
        key = feed_cache_key(request, "etag")
        known = cache.get(key) if key else None
        if known is not None and etag_matches(request.headers.get("If-None-Match"), known):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": known})
        instance = self.get_object()
        selection = self.field_selection()
        body = selection.apply_one(self.represent(instance))
        etag = self.etag(instance, body, selection.digest_part())
        if key:
            cache.set(key, etag, ETAG_CACHE_SECONDS)
        if etag_matches(request.headers.get("If-None-Match"), etag):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        return Response(body, headers={"ETag": etag})

    def locked(self, instance: Record) -> Record:
        """The record read again under the feed's lock, which every write takes first, so that concurrent writes
        check their preconditions in turn; 404 when a write before this one deleted it."""
        lock_feed()
        record = type(instance)._default_manager.filter(pk=instance.pk).first()
        if record is None:
            raise Http404
        return record

    def check_precondition(self, instance: TrackedModel) -> None:
        """412 with the current ETag when `If-Match` names another; call inside the write's transaction."""
        expected = self.request.headers.get("If-Match")
        if expected is None:
            return
        current = self.etag(instance, self.represent(instance))
        if not etag_matches(expected, current):
            raise PreconditionFailed(current)

    def respond(
        self, instance: TrackedModel, status_code: int = status.HTTP_200_OK, headers: dict[str, str] | None = None
    ) -> Response:
        body = self.represent(instance)
        return Response(body, status=status_code, headers={**(headers or {}), "ETag": self.etag(instance, body)})
