"""Reads joined in their written order: the planner's search is off within, and back on after, even when the read
fails."""

import pytest
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, transaction

from tracker.plans import joins_as_written

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a setting of PostgreSQL's planner"),
]


def join_collapse_limit():
    with connection.cursor() as cursor:
        cursor.execute("SHOW join_collapse_limit")
        return cursor.fetchone()[0]


def test_within_it_joins_keep_their_order_and_after_it_the_planner_searches_again():
    before = join_collapse_limit()
    with joins_as_written(DEFAULT_DB_ALIAS):
        within = join_collapse_limit()
        with joins_as_written(DEFAULT_DB_ALIAS):
            nested = join_collapse_limit()
        after_nested = join_collapse_limit()
    assert (within, nested, after_nested) == ("1", "1", "1") and join_collapse_limit() == before != "1"


def test_a_read_that_fails_within_it_leaves_the_setting_undone():
    before = join_collapse_limit()
    with (
        pytest.raises(DatabaseError),
        transaction.atomic(),
        joins_as_written(DEFAULT_DB_ALIAS),
        connection.cursor() as cursor,
    ):
        cursor.execute("SELECT 1 / 0")
    assert join_collapse_limit() == before
