"""Where a request reads (tracker/routing.py): a safe request from the replica, a write and everything in it on the
primary, and a client that just wrote from the primary until its pin runs out; outside a request, the primary."""

import pytest
from django.test import RequestFactory, override_settings

from tracker.routing import PRIMARY, REPLICA, ReplicaReadsMiddleware, ReplicaRouter, reads_from_replica

ROUTER = ReplicaRouter()


def where_it_reads(method="get", status=200, **headers):
    """The database the router gives a read made while the middleware serves this request."""
    seen = {}

    def view(request):
        seen["database"] = ROUTER.db_for_read(None)
        return type("Response", (), {"status_code": status})()

    request = getattr(RequestFactory(), method)("/api/v1/pledges/", headers=headers)
    ReplicaReadsMiddleware(view)(request)
    return seen["database"]


@pytest.fixture(autouse=True)
def empty_cache():
    from django.core.cache import cache

    cache.clear()


def test_outside_a_request_everything_is_on_the_primary():
    assert reads_from_replica.get() is False
    assert ROUTER.db_for_read(None) == PRIMARY and ROUTER.db_for_write(None) == PRIMARY


def test_a_safe_request_reads_from_the_replica_and_a_write_from_the_primary():
    assert where_it_reads("get") == REPLICA
    assert where_it_reads("head") == REPLICA
    assert where_it_reads("post", Authorization="Token a") == PRIMARY
    assert where_it_reads("patch", Authorization="Token a") == PRIMARY


def test_a_client_that_wrote_reads_from_the_primary_and_others_from_the_replica():
    where_it_reads("post", Authorization="Token writer")
    assert where_it_reads("get", Authorization="Token writer") == PRIMARY
    assert where_it_reads("get", Authorization="Token reader") == REPLICA
    assert where_it_reads("get") == REPLICA


def test_a_refused_write_pins_nobody():
    where_it_reads("post", status=400, Authorization="Token writer")
    assert where_it_reads("get", Authorization="Token writer") == REPLICA


@override_settings(DATABASE_REPLICA_PIN_SECONDS=0)
def test_the_pin_runs_out():
    where_it_reads("post", Authorization="Token writer")
    assert where_it_reads("get", Authorization="Token writer") == REPLICA


def test_the_session_cookie_pins_an_editor_in_the_admin():
    request_cookie = {"Cookie": "sessionid=abc"}
    where_it_reads("post", **request_cookie)
    assert where_it_reads("get", **request_cookie) == PRIMARY


def test_migrations_run_on_the_primary_only():
    assert ROUTER.allow_migrate(PRIMARY, "commitments") and not ROUTER.allow_migrate(REPLICA, "commitments")


def test_the_middleware_leaves_the_primary_behind_it():
    where_it_reads("get")
    assert reads_from_replica.get() is False
