"""What a read answers as of: the instant and the change-feed position it reflects, named in two headers, so that
any answer can be pinned and asked again exactly (`as_of`, or `release`).

A read of today reflects the feed's latest position as it answers: not a snapshot, since a change that commits while
it reads may be in its rows or not (an anonymous read and a detail read the position first, for their cache keys,
and keep it). A read as of an instant reflects that instant and the last position stamped at or before it; a read
of a release, the release's instant and position.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from django.utils import timezone

from .models import Change

if TYPE_CHECKING:
    from django.http import HttpRequest
    from rest_framework.request import Request

AS_OF_HEADER = "Tracker-As-Of"
POSITION_HEADER = "Tracker-Feed-Position"


class Reflected(NamedTuple):
    instant: datetime.datetime
    position: int

    def headers(self) -> dict[str, str]:
        utc = self.instant.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
        return {AS_OF_HEADER: utc, POSITION_HEADER: str(self.position)}


# What a release names: {version: (instant, position)}, given by the app that keeps releases.
ReleaseReader = Callable[[str], Reflected | None]
_release_readers: list[ReleaseReader] = []


def read_releases_with(reader: ReleaseReader) -> None:
    """Let reads pin `release=VERSION`: `reader` gives a version's instant and position, or None."""
    _release_readers[:] = [reader]


def releases_readable() -> bool:
    return bool(_release_readers)


def release_reflects(version: str) -> Reflected | None:
    return _release_readers[0](version) if _release_readers else None


def latest_change(request: Request | HttpRequest) -> tuple[int, datetime.datetime] | None:
    """(position, time) of the feed's latest entry, read once per request; None while the feed is empty."""
    if not hasattr(request, "_latest_change"):
        latest = Change.objects.order_by("-id").values_list("id", "history_date").first()
        request._latest_change = latest  # type: ignore[attr-defined]  # a request holds what it learns
    cached: tuple[int, datetime.datetime] | None = request._latest_change  # type: ignore[union-attr]
    return cached


def feed_cache_key(request: Request, kind: str) -> str | None:
    """A cache key of `kind` for what a read answers: its address (host and query included), language, format and
    media type, at the change feed's latest entry, named by its position and time (so that a database started
    again, whose positions start again, shares no key); None while the feed is empty.

    Positions follow commit order (`tracker.history.lock_feed`), so the latest a read sees stands for everything it
    can see: a write moves the position, and every key made before it is never made again."""
    latest = latest_change(request)
    if latest is None:
        return None
    position, written = latest
    renderer = getattr(request, "accepted_renderer", None)
    answer = "|".join(
        (
            request.build_absolute_uri(),
            getattr(request, "LANGUAGE_CODE", ""),
            renderer.format if renderer else "",
            getattr(request, "accepted_media_type", ""),
        )
    )
    address = hashlib.sha256(answer.encode()).hexdigest()[:32]
    return f"{kind}:{position}:{written.timestamp()}:{address}"


def reflected_now(request: Request | HttpRequest) -> Reflected:
    now = timezone.now()
    latest = latest_change(request)
    return Reflected(now, latest[0] if latest else 0)


def reflected_at(instant: datetime.datetime) -> Reflected:
    """An instant and the last position stamped at or before it (an instant in the future reads now)."""
    instant = min(instant, timezone.now())
    # Read by the time's index: writers take the feed's lock before they stamp their time, so positions and times
    # rise together, and the latest entry by time is the last position (a scan by position from the end would
    # read every entry since).
    latest = Change.objects.filter(history_date__lte=instant).order_by("-history_date", "-id").values("id").first()
    return Reflected(instant, latest["id"] if latest else 0)
