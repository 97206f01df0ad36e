"""Assertions and helpers shared by the API tests."""

import csv
import io
import json
import threading

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, url):
    """The number of queries one GET of `url` takes, asserting it answers 200."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(captured)


def assert_queries_flat(client, url, add_rows, more=10):
    """The query count of `url` does not grow when `add_rows(more)` adds rows (N+1 regressions fail)."""
    before = queries_for(client, url)
    add_rows(more)
    after = queries_for(client, url)
    assert after == before, f"{url}: {before} queries before adding {more} rows, {after} after"


def assert_problem(response, status, field=None):
    """`response` is a problem+json error of `status`, naming `field` in `errors` when given."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    if field is not None:
        assert field in body.get("errors", {}), body
    return body


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def walk(client, url):
    """Every row reached by following `next` from `url`."""
    rows = []
    while url:
        response = client.get(url)
        rows += results(response)
        url = response.json()["next"]
    return rows


def slugs(response):
    return [row["slug"] for row in results(response)]


def in_threads(work, count):
    """Run `work(index)` in `count` threads started together; each closes its own connection."""
    barrier = threading.Barrier(count)
    outcomes = [None] * count

    def run(index):
        try:
            barrier.wait()
            outcomes[index] = work(index)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def streamed(response):
    """The whole body of a streamed answer, asserting it is a 200 export."""
    assert response.status_code == 200, response.content
    assert response.streaming
    return b"".join(response.streaming_content)


def csv_rows(response):
    """The rows of a CSV export as dicts by column, and its header."""
    reader = csv.DictReader(io.StringIO(streamed(response).decode()))
    rows = list(reader)
    return rows, reader.fieldnames


def jsonl_rows(response):
    return [json.loads(line) for line in streamed(response).splitlines()]


def export_queries_for(client, url, params):
    """The number of queries one export of `url` takes, its body read whole."""
    with CaptureQueriesContext(connection) as captured:
        streamed(client.get(url, params))
    return len(captured)
