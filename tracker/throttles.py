"""DRF's rate throttles, with each client's count read and written back under a lock that every process honours.

DRF reads a client's request history from the cache and writes it back with the new request: concurrent
requests of one client read the same history, and each writes back only its own, so a client that sends many
at once gets well past its rate. Holding a lock across the two makes the count exact.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import LockError
from rest_framework import throttling

if TYPE_CHECKING:
    from rest_framework.request import Request
    from rest_framework.views import APIView


logger = logging.getLogger(__name__)
LOCK_SECONDS = 2
# How often a request waiting for a client's count asks Redis for its lock again. The lock is held for one read and
# one write (well under a millisecond): redis-py's default wait of 100 ms made a client's concurrent requests queue
# a tenth of a second each.
LOCK_POLL_SECONDS = 0.001


@contextlib.contextmanager
def file_lock(directory: str) -> Iterator[None]:
    os.makedirs(directory, mode=0o700, exist_ok=True)
    with open(os.path.join(directory, "throttle.lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@contextlib.contextmanager
def redis_lock(backend: RedisCache, key: str) -> Iterator[None]:
    """Redis's lock on `key`; when it cannot be had in time, the count goes on unlocked rather than fail."""
    # Django's cache API has no lock; the redis client under it has one.
    lock = backend._cache.get_client(key, write=True).lock(
        f"{backend.make_key(key)}:lock", timeout=LOCK_SECONDS, sleep=LOCK_POLL_SECONDS, blocking_timeout=LOCK_SECONDS
    )
    acquired = lock.acquire()
    if not acquired:
        logger.warning("Throttle count of %s taken without its lock", key)
    try:
        yield
    finally:
        if acquired:
            with contextlib.suppress(LockError):
                lock.release()


def count_lock(key: str) -> AbstractContextManager[None]:
    """A lock over `key`'s count across processes, for the caches that processes share."""
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        return redis_lock(backend, key)
    if isinstance(backend, FileBasedCache):
        return file_lock(backend._dir)  # type: ignore[attr-defined]  # its directory has no public name
    return contextlib.nullcontext()


class LockedCountMixin(throttling.SimpleRateThrottle):
    def allow_request(self, request: Request, view: APIView) -> bool:
        """DRF's check, with the client's count locked while it is read and written back."""
        key = self.get_cache_key(request, view) if self.rate is not None else None
        if key is None:
            return super().allow_request(request, view)
        with count_lock(key):
            return super().allow_request(request, view)


class AnonRateThrottle(LockedCountMixin, throttling.AnonRateThrottle):
    """DRF's limit of anonymous clients, by address, counted exactly under concurrency."""


class UserRateThrottle(LockedCountMixin, throttling.UserRateThrottle):
    """DRF's limit of each authenticated user, counted exactly. An anonymous client is counted by the anonymous
    limit alone: DRF's would count it a second time, by address, at the users' higher rate."""

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        if not request.user or not request.user.is_authenticated:
            return None
        return super().get_cache_key(request, view)
