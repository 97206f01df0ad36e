"""Writers at once, on PostgreSQL: If-Match lets exactly one of them through, the change feed that a reader
follows while they commit out of order misses nothing, and a deadlock is a 409, never a 500."""

import random
import threading
import time

import pytest
from django.db import connection, transaction
from django.urls import reverse

from commitments.models import Pledge
from commitments.services.parties import organization_create
from tests.conftest import token_client
from tests.factories import PledgeFactory
from tests.helpers import assert_problem, in_threads
from tracker.history import FEED_LOCK_KEY
from tracker.models import Change

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="locks and concurrent writers need PostgreSQL"),
]
WRITERS = 6


def test_concurrent_patches_with_the_same_etag_let_exactly_one_through(editor):
    pledge = PledgeFactory()
    url = reverse("v1:pledge-detail", args=[pledge.pk])
    etag = token_client(editor).get(url)["ETag"]

    def patch(index):
        body = {"description": f"writer {index}"}
        return token_client(editor).patch(url, body, format="json", HTTP_IF_MATCH=etag).status_code

    statuses = in_threads(patch, WRITERS)
    assert sorted(statuses) == [200] + [412] * (WRITERS - 1)
    winner = statuses.index(200)
    assert Pledge.objects.get(pk=pledge.pk).description == f"writer {winner}"


def write_slowly(index):
    for number in range(4):
        with transaction.atomic():
            organization_create(slug=f"writer-{index}-{number}", name="Writer", kind="other")
            time.sleep(random.uniform(0, 0.03))


def test_a_reader_following_the_feed_during_concurrent_writes_misses_nothing():
    seen, done = [], threading.Event()

    def follow():
        last = 0
        while True:
            finished = done.is_set()
            new = list(Change.objects.filter(id__gt=last).order_by("id").values_list("id", flat=True))
            seen.extend(new)
            last = new[-1] if new else last
            if finished:
                break
        connection.close()

    reader = threading.Thread(target=follow)
    reader.start()
    in_threads(write_slowly, WRITERS)
    done.set()
    reader.join(timeout=60)
    assert sorted(seen) == list(Change.objects.order_by("id").values_list("id", flat=True))
    assert len(seen) >= WRITERS * 4


def wait_for_a_blocked_backend():
    sql = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
    with connection.cursor() as cursor:
        for _attempt in range(200):
            cursor.execute("SELECT pg_stat_clear_snapshot()")  # else the view holds still within a transaction
            cursor.execute(sql)
            if cursor.fetchone()[0]:
                return
            time.sleep(0.02)
    raise AssertionError("the request never waited for the row")


def test_a_deadlock_with_a_writer_that_locks_in_the_other_order_is_a_409_problem(editor):
    pledge = PledgeFactory(description="before")
    url = reverse("v1:pledge-detail", args=[pledge.pk])
    row_held = threading.Event()

    def outside_writer():
        with transaction.atomic():
            Pledge.objects.select_for_update().get(pk=pledge.pk)
            row_held.set()
            wait_for_a_blocked_backend()
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [FEED_LOCK_KEY])

    def request(index):
        if index == 0:
            return outside_writer()
        row_held.wait(timeout=10)
        client = token_client(editor)
        client.raise_request_exception = False
        return client.patch(url, {"description": "after"}, format="json")

    response = in_threads(request, 2)[1]
    assert_problem(response, 409)
    assert response["Retry-After"] == "1"
    assert Pledge.objects.get(pk=pledge.pk).description == "before"
