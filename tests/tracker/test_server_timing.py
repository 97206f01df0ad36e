"""The Server-Timing header, and the benchmark's floors and captured SQL."""

import json

import orjson
import pytest
from django.db import connection
from django.test import RequestFactory, override_settings

from commitments.benchmark import benchmark_requests
from commitments.synthetic import Sizes, SyntheticData
from tests.factories import PledgeFactory
from tracker import benchmark
from tracker.benchmark import BenchRequest, capture_floors, markdown_table, percentile
from tracker.timing import ServerTimingMiddleware, parse_server_timing

pytestmark = pytest.mark.django_db


def test_the_header_counts_the_statements_and_their_time(api_client):
    PledgeFactory()
    middleware = ServerTimingMiddleware(lambda request: api_client.get("/api/v1/pledges/"))
    response = middleware(RequestFactory().get("/api/v1/pledges/"))
    metrics = parse_server_timing(response["Server-Timing"])
    milliseconds, description = metrics["db"]
    assert description.endswith(" queries") and int(description.split()[0]) >= 2
    assert 0 < milliseconds <= metrics["app"][0]


def test_the_header_is_off_by_default(api_client):
    assert "Server-Timing" not in api_client.get("/api/v1/pledges/")


def test_parsing_a_header_without_metrics_gives_none():
    assert parse_server_timing(None) == {} and parse_server_timing("") == {}


def test_capture_keeps_the_reads_a_request_runs():
    PledgeFactory()
    floors = capture_floors([BenchRequest("pledges", "/api/v1/pledges/?page_size=10")])
    assert floors["pledges"] and all(sql.lstrip().upper().startswith("SELECT") for sql in floors["pledges"])
    assert any("commitments_pledge" in sql for sql in floors["pledges"])


def test_capture_refuses_a_request_that_answers_another_status():
    with pytest.raises(RuntimeError, match="answered 404"):
        capture_floors([BenchRequest("missing", "/api/v1/pledges/999999/")])


def test_a_floor_runs_its_statements_and_answers_their_rows(tmp_path):
    PledgeFactory(key="idn-troops")
    captured = capture_floors([BenchRequest("pledges", "/api/v1/pledges/")])
    path = tmp_path / "floors.json"
    path.write_text(json.dumps(captured))
    benchmark.floor_statements.cache_clear()
    with override_settings(BENCHMARK_FLOORS=str(path)):
        response = benchmark.floor(RequestFactory().get("/"), "pledges")
    assert "idn-troops" in json.dumps(orjson.loads(response.content))


def test_the_catalogue_names_every_kind_of_request_and_each_answers_as_expected(api_client):
    SyntheticData(connection, Sizes(pledges=200, statements=400), report=lambda message: None).generate()
    requests = benchmark_requests()
    names = {request.name for request in requests}
    assert {"pledges-page-1", "statements-search-english", "pledges-as-of", "pledge-detail-304"} <= names
    assert len(names) == len(requests)
    for request in requests:
        assert api_client.get(request.path, headers=request.headers).status_code == request.status, request.path


def test_percentiles_and_the_table():
    assert percentile([5, 1, 3, 2, 4], 0.5) == 3 and percentile([1, 2, 3], 0.99) == 3
    table = markdown_table([{"name": "x", "median_ms": 1, "p95_ms": 2, "p99_ms": 3, "queries": 4} | EXTRA])
    assert table.splitlines()[-1] == "| x | 1 | 2 | 3 | 4 | 5 | 6 | 0.2 |"


def test_the_table_shows_the_cached_timings_when_the_run_took_them():
    row = {"name": "x", "median_ms": 1, "p95_ms": 2, "p99_ms": 3, "queries": 4} | EXTRA
    cached = {"cached_median_ms": 0.5, "cached_p95_ms": 0.9, "cached_hit_share": 1.0}
    header, _, line = markdown_table([row | cached]).splitlines()
    assert header.endswith("| cached: median ms | cached: p95 ms | cached: hits |")
    assert line == "| x | 1 | 2 | 3 | 4 | 5 | 6 | 0.2 | 0.5 | 0.9 | 1.0 |"


EXTRA = {"sql_ms": 5, "floor_median_ms": 6, "ratio": 0.2}


def test_a_floor_captured_again_is_still_the_sql_that_computes_the_answer():
    PledgeFactory()
    request = BenchRequest("pledges", "/api/v1/pledges/?page_size=10")
    first = capture_floors([request])
    assert capture_floors([request]) == first and len(first["pledges"]) > 1
