"""Throttles under gunicorn with 4 workers and the production settings: one count per client across all of
them, whichever cache holds it, and a made-up X-Forwarded-For does not start a fresh one."""

import http.client
import socket
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from tracker.loopback import gunicorn, production_environment

RATE = 60
REQUESTS = RATE + 8
REDIS_URL = "redis://127.0.0.1:6379/0"


def redis_is_running():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


def server_database_url(directory):
    """PostgreSQL: the suite's own test database. SQLite: a file of its own, since the test database lives in
    memory (the API root reads no table)."""
    if connection.vendor == "postgresql":
        database = connection.settings_dict
        credentials = ":".join(filter(None, [database["USER"], database["PASSWORD"]]))
        return f"postgres://{credentials}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    return f"sqlite:///{directory / 'db.sqlite3'}"


@pytest.fixture(scope="module", params=["files", "redis"])
def server(request, tmp_path_factory, django_db_setup):
    """Four workers, anonymous clients allowed RATE requests a minute, counts under a key prefix of their own."""
    if request.param == "redis" and not redis_is_running():
        pytest.skip("no Redis at 127.0.0.1:6379")
    directory = tmp_path_factory.mktemp("server")
    environment = production_environment(
        DATABASE_URL=server_database_url(directory),
        CACHE_DIR=str(directory / "cache"),
        API_THROTTLE_ANON=f"{RATE}/min",
        API_THROTTLE_USER="10000/min",
        CACHE_KEY_PREFIX=f"throttle-test-{uuid.uuid4().hex}",
        REDIS_URL=REDIS_URL if request.param == "redis" else "",
    )
    with gunicorn(environment, workers=4) as url:
        yield url


def get(url, client_address, headers):
    """One anonymous GET of the API root from `client_address` (a loopback address of its own); its status."""
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10, source_address=(client_address, 0))
    try:
        conn.request("GET", "/api/v1/", headers=headers)
        return conn.getresponse().status
    finally:
        conn.close()


def first_429(statuses):
    return statuses.index(429) + 1 if 429 in statuses else None


def test_the_first_429_comes_at_the_rate_across_four_workers(server):
    statuses = [get(server, "127.0.0.2", {}) for _ in range(REQUESTS)]

    assert first_429(statuses) == RATE + 1, statuses


def test_a_new_x_forwarded_for_on_every_request_does_not_dodge_the_throttle(server):
    statuses = [get(server, "127.0.0.3", {"X-Forwarded-For": f"203.0.113.{n}"}) for n in range(REQUESTS)]

    assert first_429(statuses) == RATE + 1, statuses


def test_one_throttled_client_leaves_another_address_its_own_count(server):
    [get(server, "127.0.0.4", {}) for _ in range(RATE + 1)]

    assert get(server, "127.0.0.5", {}) == 200


def test_one_client_sending_many_requests_at_once_gets_exactly_the_rate(server):
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda _n: get(server, "127.0.0.6", {}), range(3 * RATE)))

    assert statuses.count(200) == RATE, statuses
