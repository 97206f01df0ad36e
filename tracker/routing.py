"""Reads from a replica (`DATABASE_REPLICA_URL`), writes and everything around them on the primary.

A request that may write (any method but GET, HEAD and OPTIONS) runs wholly on the primary: its services read what
they write in one transaction. A safe request reads from the replica, unless its client wrote within the last
`DATABASE_REPLICA_PIN_SECONDS` (longer than the replica lags): a client reads its own writes. The client is known by
its credentials (the `Authorization` header, or the session cookie), since only signed-in clients write; the pin
lives in the shared cache, so it holds across workers and app servers. Outside a request (management commands,
the seed), everything is on the primary.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

PRIMARY = "default"
REPLICA = "replica"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

reads_from_replica: ContextVar[bool] = ContextVar("reads_from_replica", default=False)


class ReplicaRouter:
    """Reads of a safe request on the replica; all else on the primary, where the migrations run."""

    def db_for_read(self, model: Any, **hints: Any) -> str:
        return REPLICA if reads_from_replica.get() else PRIMARY

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return PRIMARY

    def allow_relation(self, first: Any, second: Any, **hints: Any) -> bool:
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == PRIMARY


class ReplicaReadsMiddleware:
    """Chooses where a request reads, and pins a client that wrote to the primary for a while."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        client = client_key(request)
        replica = request.method in SAFE_METHODS and not (client and cache.get(client))
        token = reads_from_replica.set(replica)
        try:
            response = self.get_response(request)
        finally:
            reads_from_replica.reset(token)
        if request.method not in SAFE_METHODS and client and response.status_code < 400:
            cache.set(client, True, settings.DATABASE_REPLICA_PIN_SECONDS)
        return response


def client_key(request: HttpRequest) -> str | None:
    """The cache key of the client's pin, from its credentials; None for a client without any."""
    credentials = request.headers.get("Authorization") or request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not credentials:
        return None
    return f"primary-pin:{hashlib.sha256(credentials.encode()).hexdigest()[:32]}"
