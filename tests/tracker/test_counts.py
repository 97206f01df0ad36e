"""Counts stay cheap on large lists: exact up to a limit, the database's estimate beyond it, said in the envelope;
pages by number reach that deep, and a cursor walks on."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from countries.models import Country
from tests.helpers import assert_problem

pytestmark = pytest.mark.django_db

LIST = "/api/v1/countries/"


def test_a_list_within_the_limit_counts_exactly(api_client):
    body = api_client.get(LIST).json()
    assert body["count"] == Country.objects.count() and body["count_exact"] is True


@override_settings(API_EXACT_COUNT_LIMIT=100)
def test_beyond_the_limit_the_count_is_an_estimate_above_it_and_says_so(api_client):
    body = api_client.get(LIST).json()
    assert body["count_exact"] is False and body["count"] > 100
    if connection.vendor == "postgresql":
        # The planner's guess from the table's size: of the right order, not exact (tables here are never analyzed).
        assert Country.objects.count() / 3 < body["count"] < Country.objects.count() * 3


@override_settings(API_EXACT_COUNT_LIMIT=100)
def test_a_filtered_list_within_the_limit_is_exact_again(api_client):
    body = api_client.get(LIST, {"search": "united"}).json()
    assert body["count_exact"] is True and body["count"] == len(body["results"])


@override_settings(API_EXACT_COUNT_LIMIT=100)
def test_counting_reads_no_more_rows_than_the_limit(api_client):
    with CaptureQueriesContext(connection) as captured:
        api_client.get(LIST)
    counts = [query["sql"] for query in captured if "COUNT(" in query["sql"].upper()]
    assert counts and all("LIMIT 101" in sql for sql in counts)


@override_settings(API_EXACT_COUNT_LIMIT=100)
def test_a_page_beyond_the_depth_is_a_400_that_points_to_the_cursor(api_client):
    body = assert_problem(api_client.get(LIST, {"page": 11, "page_size": 10}), 400, "page")
    assert "cursor" in str(body["errors"]["page"]) and "100" in str(body["errors"]["page"])


@override_settings(API_EXACT_COUNT_LIMIT=100)
def test_the_last_page_within_the_depth_has_no_next_and_a_cursor_goes_on(api_client):
    last = api_client.get(LIST, {"page": 10, "page_size": 10}).json()
    assert len(last["results"]) == 10 and last["next"] is None
    walked, url = 0, f"{LIST}?cursor=&page_size=100"
    while url:
        body = api_client.get(url).json()
        walked, url = walked + len(body["results"]), body["next"]
    assert walked == Country.objects.count()
