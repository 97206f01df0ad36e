"""The benchmark: each request served by gunicorn on loopback, timed beside its floor, interleaved.

Each request is timed twice: made afresh (the answer cache off), beside its floor, and, when asked, again with the
answer cache on as in production, where an anonymous read repeated while the change feed stands is served whole.

A request's floor is the same SQL statements the request runs (captured in this process), run as given by the
same server and returned as JSON by orjson, with none of the service's filtering, shaping or rendering: what the
answer would cost if the service added nothing to the database's work. A ratio of 1.2 says the service spends
20 % over that floor. Timings come from the client; the SQL count and time from the server's `Server-Timing`.
"""

import functools
import http.client
import json
import platform
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import orjson
from django.conf import settings
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from .loopback import HOST, gunicorn, production_environment
from .timing import CACHE_HIT, parse_server_timing

FLOOR_PATH = "/benchmark/floors/"
# Throttling stays on, as in production, at a rate no run reaches; counted per second, so that each client's history
# holds about as many requests as it does at the production rates (a minute's would be thousands, read and written
# back on every request).
UNTHROTTLED = "100000000/s"
# How long the second server keeps a whole answer: longer than the timing of one request takes, whatever the
# environment sets (a server started with the cache off would time nothing but misses).
CACHED_SECONDS = "3600"


@dataclass(frozen=True)
class BenchRequest:
    name: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    status: int = 200


@dataclass
class Timings:
    latencies: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    sql: list[float] = field(default_factory=list)
    statuses: set[int] = field(default_factory=set)
    cache_hits: int = 0


@functools.cache
def floor_statements(path: str) -> dict[str, list[str]]:
    with open(path, encoding="utf-8") as file:
        statements: dict[str, list[str]] = json.load(file)
        return statements


def floor(request: HttpRequest, name: str) -> HttpResponse:
    """Run the SQL statements recorded under `name` and answer their rows as JSON."""
    statements = floor_statements(settings.BENCHMARK_FLOORS).get(name)
    if statements is None:
        raise Http404(name)
    rows: list[list[tuple[Any, ...]]] = []
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
            rows.append(cursor.fetchall())
    return HttpResponse(orjson.dumps(rows, default=str), content_type="application/json")


def capture_floors(requests: Sequence[BenchRequest]) -> dict[str, list[str]]:
    """{request name: the SQL statements it runs}, from running each request once in this process, with the cache of
    whole answers off: a floor is what computing the answer reads, never one read of the feed's position."""
    client = Client()
    floors: dict[str, list[str]] = {}
    for request in requests:
        with override_settings(API_ANSWER_CACHE_SECONDS=0), CaptureQueriesContext(connection) as captured:
            response = client.get(request.path, headers={"host": HOST, **request.headers})
            if response.streaming:
                # An export reads its rows as it streams them.
                b"".join(response.streaming_content)  # type: ignore[attr-defined]  # a streamed answer has it
        if response.status_code != request.status:
            raise RuntimeError(f"{request.name}: {request.path} answered {response.status_code}")
        floors[request.name] = [query["sql"] for query in captured.captured_queries if is_read(query["sql"])]
    return floors


def is_read(sql: str) -> bool:
    return sql.lstrip().upper().startswith(("SELECT", "WITH"))


def fetch(base: str, path: str, headers: dict[str, str]) -> tuple[float, int, dict[str, tuple[float, str]]]:
    """(seconds, status, Server-Timing metrics) of one GET on a new connection, the whole body read."""
    address = urlsplit(base)
    started = time.perf_counter()
    conn = http.client.HTTPConnection(address.hostname, address.port, timeout=120)  # type: ignore[arg-type]  # a server URL names its host
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        elapsed = time.perf_counter() - started
        return elapsed, response.status, parse_server_timing(response.getheader("Server-Timing"))
    finally:
        conn.close()


def measure(
    base: str, request: BenchRequest, iterations: int, clients: int, with_floor: bool = True
) -> tuple[Timings, Timings]:
    """Timings of `request` and of its floor, each client alternating between the two (the floor's are empty
    without `with_floor`)."""
    answer, floor_answer, lock = Timings(), Timings(), threading.Lock()
    targets = [(answer, request.path, request.headers)]
    if with_floor:
        targets.append((floor_answer, f"{FLOOR_PATH}{request.name}", {}))

    def client_loop(count: int) -> None:
        for _ in range(count):
            for timings, path, headers in targets:
                elapsed, status, metrics = fetch(base, path, headers)
                with lock:
                    timings.latencies.append(elapsed * 1000)
                    timings.statuses.add(status)
                    db = metrics.get("db", (0.0, "0 queries"))
                    timings.sql.append(db[0])
                    timings.queries.append(int(db[1].split()[0] or 0))
                    timings.cache_hits += metrics.get("cache", (0.0, ""))[1] == CACHE_HIT

    shares = [iterations // clients + (1 if index < iterations % clients else 0) for index in range(clients)]
    threads = [threading.Thread(target=client_loop, args=(share,)) for share in shares if share]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answer, floor_answer


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def summary(request: BenchRequest, answer: Timings, floor_answer: Timings) -> dict[str, Any]:
    median, floor_median = statistics.median(answer.latencies), statistics.median(floor_answer.latencies)
    return {
        "name": request.name,
        "path": request.path,
        "statuses": sorted(answer.statuses),
        "median_ms": round(median, 2),
        "p95_ms": round(percentile(answer.latencies, 0.95), 2),
        "p99_ms": round(percentile(answer.latencies, 0.99), 2),
        "queries": statistics.median(answer.queries),
        "sql_ms": round(statistics.median(answer.sql), 2),
        "floor_median_ms": round(floor_median, 2),
        "floor_sql_ms": round(statistics.median(floor_answer.sql), 2),
        "ratio": round(median / floor_median, 2) if floor_median else None,
    }


def cached_summary(answer: Timings) -> dict[str, Any]:
    return {
        "cached_median_ms": round(statistics.median(answer.latencies), 2),
        "cached_p95_ms": round(percentile(answer.latencies, 0.95), 2),
        "cached_hit_share": round(answer.cache_hits / len(answer.latencies), 2),
    }


@dataclass
class BenchmarkRun:
    requests: list[BenchRequest]
    iterations: int = 200
    clients: int = 4
    workers: int = 2
    cached: bool = True
    report: Callable[[dict[str, Any]], object] = print
    results: list[dict[str, Any]] = field(default_factory=list)

    def run(self) -> list[dict[str, Any]]:
        floors = capture_floors(self.requests)
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
            json.dump(floors, file)
        server = {"SERVER_TIMING": "true", "BENCHMARK_FLOORS": file.name}
        server |= {"API_THROTTLE_ANON": UNTHROTTLED, "API_THROTTLE_USER": UNTHROTTLED}
        with gunicorn(production_environment(**server, API_ANSWER_CACHE_SECONDS="0"), workers=self.workers) as base:
            for request in self.requests:
                self.results.append(self.measure_one(base, request))
        if self.cached:
            cached = production_environment(**server, API_ANSWER_CACHE_SECONDS=CACHED_SECONDS)
            with gunicorn(cached, workers=self.workers) as base:
                for request, result in zip(self.requests, self.results, strict=True):
                    result.update(self.measure_cached(base, request))
                    self.report(result)
        return self.results

    def measure_cached(self, base: str, request: BenchRequest) -> dict[str, Any]:
        """The request's timings with the answer cache on, after one read has filled it."""
        measure(base, request, 1, 1, with_floor=False)
        answer, _ = measure(base, request, self.iterations, self.clients, with_floor=False)
        return cached_summary(answer)

    def measure_one(self, base: str, request: BenchRequest) -> dict[str, Any]:
        measure(base, request, max(2, self.clients), self.clients)
        answer, floor_answer = measure(base, request, self.iterations, self.clients)
        if answer.statuses != {request.status}:
            raise RuntimeError(f"{request.name}: answered {sorted(answer.statuses)}, not {request.status}")
        result = summary(request, answer, floor_answer)
        self.report(result)
        return result

    def document(self, sizes: dict[str, int]) -> dict[str, Any]:
        return {
            "machine": {"platform": platform.platform(), "python": platform.python_version()},
            "database": connection.vendor,
            "sizes": sizes,
            "settings": {
                "iterations": self.iterations,
                "clients": self.clients,
                "workers": self.workers,
                "cached": self.cached,
                # Where the servers keep throttle counts, ETags and whole answers.
                "cache": "redis" if settings.REDIS_URL else "files",
            },
            "results": self.results,
        }


TABLE_COLUMNS = {
    "median_ms": "median ms",
    "p95_ms": "p95 ms",
    "p99_ms": "p99 ms",
    "queries": "queries",
    "sql_ms": "SQL ms",
    "floor_median_ms": "floor ms",
    "ratio": "ratio",
    "cached_median_ms": "cached: median ms",
    "cached_p95_ms": "cached: p95 ms",
    "cached_hit_share": "cached: hits",
}


def markdown_table(results: Sequence[dict[str, Any]]) -> str:
    columns = [key for key in TABLE_COLUMNS if results and key in results[0]]
    lines = [
        "| request | " + " | ".join(TABLE_COLUMNS[key] for key in columns) + " |",
        "| --- |" + " ---: |" * len(columns),
    ]
    for row in results:
        lines.append(f"| {row['name']} | {' | '.join(str(row.get(key, '')) for key in columns)} |")
    return "\n".join(lines)
