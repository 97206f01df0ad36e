"""A database that is down or does not answer is a fast 503 with Retry-After, and the service recovers with it."""

import json
import time

import psycopg
import pytest
from django.db import InterfaceError, OperationalError, connection
from django.test import RequestFactory

from tracker.exceptions import problem_exception_handler
from tracker.loopback import free_port
from tracker.unavailable import DatabaseUnavailableMiddleware

from .loopback import TcpServer, fetch, gunicorn

SESSION = {"Cookie": "sessionid=abcdefghijklmnopqrstuvwxyz012345"}
TOKEN = {"Authorization": "Token 0123456789abcdef0123456789abcdef01234567"}


@pytest.fixture
def black_hole():
    """A "database" that accepts connections and never answers."""
    server = TcpServer()
    yield f"postgres://tracker@127.0.0.1:{server.port}/tracker"
    server.close()


def assert_unavailable(answer, content_type="application/problem+json"):
    status, headers, body, _seconds = answer
    assert status == 503, body
    assert headers["Content-Type"].startswith(content_type)
    assert int(headers["Retry-After"]) > 0
    if content_type == "application/problem+json":
        assert json.loads(body)["status"] == 503


def test_a_server_on_a_database_that_never_answers_gives_503_problem_in_under_10_seconds(black_hole):
    with gunicorn(black_hole) as base:
        answer = fetch(f"{base}/api/v1/pledges/")

    assert_unavailable(answer)
    assert answer[3] < 10


def test_every_kind_of_endpoint_is_503_when_the_database_never_answers(black_hole):
    with gunicorn(black_hole, DATABASE_CONNECT_TIMEOUT="1") as base:
        answers = {
            "list": fetch(f"{base}/api/v1/pledges/"),
            "detail": fetch(f"{base}/api/v1/statements/1/", headers={"Accept": "text/html"}),
            "write": fetch(f"{base}/api/v1/pledges/", "POST", {**TOKEN, "Content-Type": "application/json"}, b"{}"),
            "health": fetch(f"{base}/healthz"),
        }
        admin = fetch(f"{base}/admin/commitments/pledge/", headers=SESSION)

    for name, answer in answers.items():
        assert_unavailable(answer)
        assert answer[3] < 5, name
    assert_unavailable(admin, content_type="text/html")


def test_a_refused_connection_is_503_problem_at_once():
    with gunicorn(f"postgres://tracker@127.0.0.1:{free_port()}/tracker") as base:
        list_answer = fetch(f"{base}/api/v1/countries/")
        health = fetch(f"{base}/healthz")

    assert_unavailable(list_answer)
    assert_unavailable(health)
    assert list_answer[3] < 2


def test_the_service_recovers_when_a_missing_sqlite_database_appears(tmp_path):
    folder = tmp_path / "later"
    with gunicorn(f"sqlite:///{folder / 'db.sqlite3'}") as base:
        before = fetch(f"{base}/healthz")
        folder.mkdir()
        after = fetch(f"{base}/healthz")

    assert_unavailable(before)
    assert after[0] == 200


@pytest.mark.django_db
def test_a_dropped_postgresql_connection_is_replaced_when_the_database_comes_back():
    if connection.vendor != "postgresql":
        pytest.skip("needs the PostgreSQL of the PostgreSQL run")
    settings = connection.settings_dict
    database = TcpServer(upstream=(settings["HOST"] or "127.0.0.1", int(settings["PORT"] or 5432)))
    url = f"postgres://{settings['USER']}@127.0.0.1:{database.port}/{settings['NAME']}"
    try:
        with gunicorn(url, DATABASE_CONNECT_TIMEOUT="1") as base:
            up = fetch(f"{base}/healthz")
            database.upstream = None
            database.drop()
            down = fetch(f"{base}/healthz")
            database.upstream = (settings["HOST"] or "127.0.0.1", int(settings["PORT"] or 5432))
            time.sleep(0.1)
            back = fetch(f"{base}/healthz")
    finally:
        database.close()

    assert up[0] == 200
    assert_unavailable(down)
    assert back[0] == 200


@pytest.mark.parametrize("error", [OperationalError("connection refused"), InterfaceError("connection already closed")])
def test_api_maps_an_unreachable_database_to_503_problem_with_retry_after(error):
    response = problem_exception_handler(error, {})

    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert response.data["title"] == "Service unavailable"
    assert response.data["detail"] == "The database does not answer; try again in a few seconds."


def test_api_maps_a_statement_timeout_to_503_that_says_the_database_was_too_slow():
    error = OperationalError("canceling statement due to statement timeout")
    error.__cause__ = psycopg.errors.QueryCanceled()

    response = problem_exception_handler(error, {})

    assert response.status_code == 503
    assert response.data["detail"] == "The database took too long to answer; try again in a few seconds."


@pytest.mark.parametrize(("path", "content_type"), [("/healthz", "application/problem+json"), ("/admin/", "text/html")])
def test_views_outside_the_api_answer_503_when_the_database_does_not(path, content_type):
    middleware = DatabaseUnavailableMiddleware(lambda request: None)

    response = middleware.process_exception(RequestFactory().get(path), OperationalError("timeout expired"))

    assert response.status_code == 503
    assert response["Content-Type"].startswith(content_type)
    assert int(response["Retry-After"]) > 0


def test_other_errors_are_left_to_the_usual_handling():
    middleware = DatabaseUnavailableMiddleware(lambda request: None)

    assert middleware.process_exception(RequestFactory().get("/admin/"), ValueError("bug")) is None
