"""`manage.py benchmark`'s run: each request served by gunicorn, timed afresh beside its floor, then again with the
answer cache on."""

import pytest
from django.db import connection

from tests.factories import OrganizationFactory
from tests.tracker.test_throttles_across_workers import server_database_url
from tracker.benchmark import BenchmarkRun, BenchRequest

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the servers read the suite's PostgreSQL database"),
]

REQUEST = BenchRequest("organizations-page-1", "/api/v1/organizations/?page_size=5")
EXPORT = BenchRequest("organizations-export", "/api/v1/organizations/?format=csv")


@pytest.fixture
def server_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", server_database_url(tmp_path))
    monkeypatch.setenv("CACHE_DIR", str(tmp_path / "cache"))


def test_a_request_is_timed_afresh_beside_its_floor_and_again_from_the_answer_cache(server_settings):
    OrganizationFactory.create_batch(3)
    [result] = BenchmarkRun([REQUEST], iterations=6, clients=2, workers=1, report=lambda result: None).run()
    assert result["statuses"] == [200] and result["queries"] >= 2 and result["floor_median_ms"] > 0
    assert result["ratio"] == pytest.approx(result["median_ms"] / result["floor_median_ms"], abs=0.02)
    assert result["cached_hit_share"] == 1.0 and result["cached_median_ms"] > 0


def test_the_cached_run_has_the_answer_cache_on_when_the_environment_turns_it_off(server_settings, monkeypatch):
    monkeypatch.setenv("API_ANSWER_CACHE_SECONDS", "0")
    OrganizationFactory.create_batch(3)
    [result] = BenchmarkRun([REQUEST], iterations=4, clients=2, workers=1, report=lambda result: None).run()
    assert result["cached_hit_share"] == 1.0


def test_an_exports_floor_runs_the_statements_it_reads_as_it_streams(server_settings):
    OrganizationFactory.create_batch(3)
    [result] = BenchmarkRun([EXPORT], iterations=4, clients=2, workers=1, report=lambda result: None).run()
    assert result["statuses"] == [200] and result["floor_sql_ms"] > 0
    assert result["cached_hit_share"] == 0.0


def test_without_the_cached_run_only_the_fresh_timings_are_kept(server_settings):
    OrganizationFactory()
    [result] = BenchmarkRun([REQUEST], iterations=4, clients=2, workers=1, cached=False, report=lambda r: None).run()
    assert result["statuses"] == [200] and "cached_median_ms" not in result


@pytest.mark.parametrize("redis_url, cache", [("", "files"), ("redis://127.0.0.1:6379/0", "redis")])
def test_the_results_name_the_cache_the_servers_kept_their_counts_and_answers_in(settings, redis_url, cache):
    settings.REDIS_URL = redis_url
    assert BenchmarkRun([REQUEST]).document({"pledges": 0})["settings"]["cache"] == cache
