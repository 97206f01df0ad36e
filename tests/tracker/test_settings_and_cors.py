"""Settings read from the environment, CORS for browser front ends, and production's deploy check."""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings

FRONT = "https://front.example"
ENVIRONMENT_SETTINGS = (
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "CORS_ALLOWED_ORIGINS",
    "API_THROTTLE_ANON",
    "API_THROTTLE_USER",
    "REDIS_URL",
    "CACHE_KEY_PREFIX",
    "CACHE_DIR",
    "TRUSTED_PROXIES",
    "API_ANSWER_CACHE_SECONDS",
    "API_ANSWER_CACHE_MAX_BYTES",
)


def run(code_or_args, **env):
    """Run Python in a fresh interpreter at the project root, with only `env` of the settings' variables set."""
    environment = {name: value for name, value in os.environ.items() if name not in ENVIRONMENT_SETTINGS}
    args = ["-c", code_or_args] if isinstance(code_or_args, str) else code_or_args
    return subprocess.run(
        [sys.executable, *args],
        env={**environment, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )


def base_setting(expression, **env):
    """The JSON value of `expression` evaluated in config.settings.base, imported under `env`."""
    result = run(f"import json; from config.settings import base; print(json.dumps({expression}))", **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.django_db
@override_settings(CORS_ALLOWED_ORIGINS=[FRONT])
def test_allowed_origin_gets_access_control_allow_origin(api_client):
    response = api_client.get("/api/v1/countries/", {"page_size": 1}, HTTP_ORIGIN=FRONT)

    assert response["Access-Control-Allow-Origin"] == FRONT


@pytest.mark.django_db
@override_settings(CORS_ALLOWED_ORIGINS=[FRONT])
def test_other_origin_gets_no_access_control_allow_origin(api_client):
    response = api_client.get("/api/v1/countries/", {"page_size": 1}, HTTP_ORIGIN="https://elsewhere.example")

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.django_db
@override_settings(CORS_ALLOWED_ORIGINS=[FRONT])
def test_preflight_from_allowed_origin_allows_the_authorization_header(api_client):
    response = api_client.options(
        "/api/v1/pledges/",
        HTTP_ORIGIN=FRONT,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization,content-type",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT
    assert "authorization" in response["Access-Control-Allow-Headers"].lower()


@pytest.mark.django_db
@override_settings(CORS_ALLOWED_ORIGINS=[FRONT])
def test_cross_origin_clients_may_read_retry_after(api_client):
    response = api_client.get("/api/v1/countries/", {"page_size": 1}, HTTP_ORIGIN=FRONT)

    assert "retry-after" in response["Access-Control-Expose-Headers"].lower()


@override_settings(CORS_ALLOWED_ORIGINS=[FRONT])
def test_cors_covers_healthz(client):
    assert client.options("/healthz", HTTP_ORIGIN=FRONT, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET").has_header(
        "Access-Control-Allow-Origin"
    )


def test_cors_allowed_origins_come_from_the_environment():
    origins = base_setting("base.CORS_ALLOWED_ORIGINS", CORS_ALLOWED_ORIGINS=f"{FRONT}, https://admin.example")

    assert origins == [FRONT, "https://admin.example"]


def test_throttle_rates_come_from_the_environment():
    rates = base_setting(
        'base.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]', API_THROTTLE_ANON="7/min", API_THROTTLE_USER="70/hour"
    )

    assert rates == {"anon": "7/min", "user": "70/hour"}


def test_throttle_rates_have_defaults_when_the_environment_is_silent():
    rates = base_setting('base.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]')

    assert set(rates) == {"anon", "user"} and all(rates.values())


def test_throttle_counts_are_kept_in_files_that_every_worker_shares_without_redis_url():
    cache = base_setting('base.CACHES["default"]', CACHE_DIR="/var/cache/tracker")

    assert cache["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert cache["LOCATION"] == "/var/cache/tracker"


def test_redis_url_keeps_throttle_counts_in_redis():
    cache = base_setting('base.CACHES["default"]', REDIS_URL="redis://cache.internal:6379/2")

    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6379/2"


def test_answers_are_kept_beside_the_counts_in_a_cache_of_their_own():
    files = base_setting('base.CACHES["answers"]', CACHE_DIR="/var/cache/tracker")
    redis = base_setting('base.CACHES["answers"]', REDIS_URL="redis://cache.internal:6379/2")

    assert files["LOCATION"] == "/var/cache/tracker/answers"
    assert redis["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert redis["LOCATION"] == "redis://cache.internal:6379/2"


def test_the_answer_cache_settings_come_from_the_environment():
    names = "[base.API_ANSWER_CACHE_SECONDS, base.API_ANSWER_CACHE_MAX_BYTES]"

    assert base_setting(names) == [300, 1024 * 1024]
    assert base_setting(names, API_ANSWER_CACHE_SECONDS="0", API_ANSWER_CACHE_MAX_BYTES="4096") == [0, 4096]


def test_clients_are_the_socket_peers_unless_trusted_proxies_are_configured():
    assert base_setting('base.REST_FRAMEWORK["NUM_PROXIES"]') == 0
    assert base_setting('base.REST_FRAMEWORK["NUM_PROXIES"]', TRUSTED_PROXIES="2") == 2


def test_database_defaults_to_sqlite_without_database_url():
    database = base_setting('base.DATABASES["default"]')

    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"].endswith("db.sqlite3")


def test_database_url_selects_the_database():
    database = base_setting('base.DATABASES["default"]', DATABASE_URL="postgres://tracker:pw@db.internal:5432/tracker")

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["NAME"]) == ("db.internal", "tracker")


def test_production_settings_pass_the_deploy_check_without_warnings():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="example.org",
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run(
        ["manage.py", "check"],
        DJANGO_SETTINGS_MODULE="config.settings.production",
        ALLOWED_HOSTS="example.org",
    )

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
