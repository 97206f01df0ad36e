"""Who changed what, when and why: the change context of a request or command, and the change feed.

Every tracked record's history row carries the user and the reason of the change context it was written in
(the `X-Change-Reason` header of an API request, the reason an editor gives in the admin, a command's
`--reason`). Every history row also adds one entry per API record it changes to the change feed, whose
position orders changes in commit order.
"""

import contextlib
import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from django.db import connection, models
from django.http import HttpRequest, HttpResponseBase
from simple_history.models import HistoricalRecords

from .api_names import address_of

if TYPE_CHECKING:
    from .models import Change

FEED_LOCK_KEY = 7_310_425_001
MAX_REASON_LENGTH = 2000
PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


@dataclass(frozen=True)
class ChangeContext:
    reason: str = ""
    user: object = None


_current: ContextVar[ChangeContext | None] = ContextVar("change_context", default=None)
NO_CONTEXT = ChangeContext()


@contextlib.contextmanager
def change_context(reason: str | None = "", user: object = None) -> Iterator[None]:
    """Record the changes made inside the block with this reason (and user, where no request gives one)."""
    token = _current.set(ChangeContext(reason=reason or "", user=user))
    try:
        yield
    finally:
        _current.reset(token)


def current_change_context() -> ChangeContext:
    return _current.get() or NO_CONTEXT


class TrackedHistoricalRecords(HistoricalRecords):  # type: ignore[misc]  # simple_history ships no types
    """HistoricalRecords that take the reason and user of the current change context."""

    def get_change_reason_for_object(self, instance: models.Model, history_type: str, using: str | None) -> Any:
        return super().get_change_reason_for_object(instance, history_type, using) or current_change_context().reason

    def get_history_user(self, instance: models.Model) -> Any:
        user = super().get_history_user(instance)
        return user if user is not None else current_change_context().user


ACTIONS = {"+": "create", "~": "update", "-": "delete"}


def feed_targets(instance: models.Model, history_type: str) -> list[tuple[str, str, str]]:
    """[(collection, lookup, action)]: the record itself if the API serves it, else the served records a link
    belongs to, updated."""
    address = address_of(instance)
    if address is not None:
        return [(*address, ACTIONS[history_type])]
    parents = instance.feed_parents() if hasattr(instance, "feed_parents") else []
    return [(*address, "update") for address in map(address_of, parents) if address is not None]


def feed_entries(instance: models.Model, history_instance: Any) -> "list[Change]":
    """The change feed entries one history row makes: the record itself, or the records a link belongs to."""
    from .models import Change

    return [
        Change(
            collection=collection,
            lookup=lookup,
            action=action,
            model=instance._meta.label_lower,
            object_id=str(instance.pk),
            history_id=history_instance.history_id,
            history_date=history_instance.history_date,
            user_id=getattr(history_instance, "history_user_id", None),
            reason=history_instance.history_change_reason or "",
        )
        for collection, lookup, action in feed_targets(instance, history_instance.history_type)
    ]


def lock_feed() -> None:
    """Take the feed's lock, held until the current transaction ends (PostgreSQL; SQLite's IMMEDIATE
    transactions already serialize writers).

    It makes feed positions follow commit order: no later position can become visible before an earlier one.
    Every writing transaction takes it first (`tracker.services.write_transaction`), before any row lock and
    before the reads its writes depend on. So writers queue in one order, and none can hold a row that another
    needs (for a foreign-key check at commit, say) while waiting for this lock; and a server-assigned key or a
    cycle check reads what the writers before it committed.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [FEED_LOCK_KEY])


def append_to_feed(
    sender: type[models.Model], instance: models.Model, history_instance: Any, using: str | None = None, **kwargs: Any
) -> None:
    """simple_history's `post_create_historical_record` receiver: add the feed entries of a history row."""
    entries = feed_entries(instance, history_instance)
    if not entries:
        return
    lock_feed()  # already held by a write_transaction; taken here for writes made outside one
    for entry in entries:
        entry.save()


def header_text(raw: str) -> str:
    """A header's text: WSGI hands headers over decoded as Latin-1, so UTF-8 bytes are decoded again, and a
    percent-encoded value (`caf%C3%A9`, for clients that can send ASCII only) is decoded."""
    with contextlib.suppress(UnicodeError):
        raw = raw.encode("latin-1").decode("utf-8")
    if not PERCENT_ESCAPE.search(raw):
        return raw
    try:
        return unquote(raw, errors="strict")
    except UnicodeError:
        return raw


class ChangeReasonMiddleware:
    """Reads the `X-Change-Reason` header of a request into its change context."""

    header = "HTTP_X_CHANGE_REASON"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        reason = header_text(request.META.get(self.header, "")).strip()[:MAX_REASON_LENGTH]
        if not reason:
            return self.get_response(request)
        with change_context(reason=reason):
            return self.get_response(request)
