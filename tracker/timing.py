"""How long a request spent in the database, told in a `Server-Timing` header when `SERVER_TIMING` is on.

`Server-Timing: db;dur=12.4;desc="5 queries", app;dur=31.0` says that the answer took 31 ms in the app, 12.4 of
them in 5 SQL statements. Browsers' developer tools show it; the benchmark reads it. It is off by default: the
header tells anyone how the service spends its time. An answer served from the cache of whole answers
(tracker/answer_cache.py) adds `cache;desc="hit"`, one computed and offered to it `cache;desc="miss"`.
"""

import time
from collections.abc import Callable
from typing import Any

from django.db import connections
from django.http import HttpRequest, HttpResponseBase

CACHE_HIT, CACHE_MISS = "hit", "miss"
_CACHE_ATTRIBUTE = "answer_cache"


def note_cache(response: HttpResponseBase, outcome: str) -> None:
    """Say in `Server-Timing` whether the answer came from the answer cache (`CACHE_HIT`) or not (`CACHE_MISS`)."""
    setattr(response, _CACHE_ATTRIBUTE, outcome)


def cache_metric(response: HttpResponseBase) -> str:
    outcome = getattr(response, _CACHE_ATTRIBUTE, None)
    return f', cache;desc="{outcome}"' if outcome else ""


class QueryTimer:
    """An execute wrapper that counts the statements it sees and the time they take."""

    def __init__(self) -> None:
        self.count = 0
        self.seconds = 0.0

    def __call__(
        self,
        execute: Callable[[str, Any, bool, dict[str, Any]], Any],
        sql: str,
        params: Any,
        many: bool,
        context: dict[str, Any],
    ) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.count += 1


class ServerTimingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        timer, started = QueryTimer(), time.perf_counter()
        with connections["default"].execute_wrapper(timer):
            response = self.get_response(request)
            if getattr(response, "streaming", False):
                return response
        elapsed = time.perf_counter() - started
        response["Server-Timing"] = (
            f'db;dur={timer.seconds * 1000:.2f};desc="{timer.count} queries", app;dur={elapsed * 1000:.2f}'
            f"{cache_metric(response)}"
        )
        return response


def parse_server_timing(header: str | None) -> dict[str, tuple[float, str]]:
    """{"db": (ms, "5 queries"), "app": (ms, ""), "cache": (0, "hit")} from a Server-Timing header."""
    metrics: dict[str, tuple[float, str]] = {}
    for metric in filter(None, (part.strip() for part in (header or "").split(","))):
        name, *params = metric.split(";")
        values = dict(param.split("=", 1) for param in params if "=" in param)
        metrics[name] = (float(values.get("dur", 0)), values.get("desc", "").strip('"'))
    return metrics
