"""The lock over a client's throttle count in Redis: a request that finds it taken asks again within a millisecond,
since the lock is held for one read and one write; redis-py's own default made it wait a tenth of a second."""

import uuid

import pytest
import redis.lock
from django.test import override_settings

from tests.tracker.test_throttles_across_workers import REDIS_URL, redis_is_running
from tracker.throttles import count_lock

pytestmark = pytest.mark.skipif(not redis_is_running(), reason="no Redis at 127.0.0.1:6379")

REDIS_CACHE = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}


def test_a_count_whose_lock_is_taken_is_asked_for_again_within_a_millisecond(monkeypatch):
    key = f"throttle_anon_{uuid.uuid4().hex}"
    waits = []
    with override_settings(CACHES={"default": {**REDIS_CACHE, "KEY_PREFIX": f"lock-test-{uuid.uuid4().hex}"}}):
        holder = count_lock(key)
        holder.__enter__()

        def wait(seconds):
            waits.append(seconds)
            if len(waits) == 1:
                holder.__exit__(None, None, None)

        monkeypatch.setattr(redis.lock.mod_time, "sleep", wait)
        with count_lock(key):
            pass
    assert waits and max(waits) <= 0.001
