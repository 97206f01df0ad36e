"""An export's memory stays flat however many rows it sends: measured with tracemalloc on PostgreSQL, where the
rows come through a server-side cursor (SQLite's driver reads them through its own cursor too, but the bound is
the promise for the production database)."""

import time
import tracemalloc

import pytest
from django.db import connection
from django.test import RequestFactory
from django.urls import resolve, reverse

from commitments.models import Pledge
from commitments.querysets.pledges import PledgeRows
from tests.collections import bulk_pledges
from tracker.rows import UrlBuilder

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="server-side cursors need PostgreSQL"),
]

ROWS = 20_000
BATCH = 500
MB = 1024 * 1024


def peak_while(work):
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("format_", ["csv", "jsonl"])
def test_an_export_of_many_rows_keeps_memory_flat_and_starts_at_once(settings, format_):
    settings.API_EXPORT_BATCH_SIZE = BATCH
    bulk_pledges(ROWS)
    lines = 0

    def export():
        nonlocal lines
        # Straight to the view: the test client's schema check reads a streamed body whole before the test does.
        url = reverse("v1:pledge-list")
        started = time.monotonic()
        response = resolve(url).func(RequestFactory().get(url, {"format": format_}))
        chunks = iter(response.streaming_content)
        lines = next(chunks).count(b"\n")
        assert time.monotonic() - started < 0.5
        for chunk in chunks:
            lines += chunk.count(b"\n")

    def whole_list():
        rows = PledgeRows(UrlBuilder(None))
        assert len(rows.shape(list(rows.values(Pledge.objects.order_by("id"))))) == ROWS

    streamed_peak, whole_peak = peak_while(export), peak_while(whole_list)
    assert lines == ROWS + (format_ == "csv")
    print(f"peak {streamed_peak / MB:.1f} MB streamed, {whole_peak / MB:.1f} MB for the whole list")
    assert streamed_peak < 8 * MB < whole_peak, (streamed_peak / MB, whole_peak / MB)
