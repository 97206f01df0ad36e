"""An export's memory stays flat however many rows it sends: measured with tracemalloc on PostgreSQL, where the
rows come through a server-side cursor. (At 100,000 rows: `manage.py measure_export`, README.)"""

import time
import tracemalloc

import pytest
from django.db import connection
from django.test import RequestFactory
from django.urls import resolve, reverse

from commitments.api.rows.pledges import PledgeRows
from commitments.models import Pledge
from tests.collections import bulk_pledges
from tracker.rows import UrlBuilder

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="server-side cursors need PostgreSQL"),
]

ROWS = 20_000
BATCH = 500
MB = 1024 * 1024
BOUND = 8 * MB
PLEDGES = reverse("v1:pledge-list")


def peak_while(work):
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def export(format_):
    """The lines of an export read to its end, straight from the view (the test client's schema check would read
    a streamed body whole before the test does); its first bytes must come at once."""
    started = time.monotonic()
    response = resolve(PLEDGES).func(RequestFactory().get(PLEDGES, {"format": format_}))
    chunks = iter(response.streaming_content)
    lines = next(chunks).count(b"\n")
    assert time.monotonic() - started < 0.5
    return lines + sum(chunk.count(b"\n") for chunk in chunks)


def whole_list():
    rows = PledgeRows(UrlBuilder(None))
    assert len(rows.shape(list(rows.values(Pledge.objects.order_by("id"))))) == ROWS


@pytest.mark.parametrize("format_", ["csv", "jsonl"])
def test_an_export_of_many_rows_keeps_memory_flat_and_starts_at_once(settings, format_):
    settings.API_EXPORT_BATCH_SIZE = BATCH
    bulk_pledges(ROWS)
    export(format_)  # once before measuring: the first request builds what every later one reuses
    lines = 0

    def measured():
        nonlocal lines
        lines = export(format_)

    peak = peak_while(measured)
    assert lines == ROWS + (format_ == "csv")
    assert peak < BOUND, peak / MB


def test_the_same_rows_built_whole_would_pass_the_bound():
    bulk_pledges(ROWS)
    assert peak_while(whole_list) > BOUND
