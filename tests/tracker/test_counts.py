"""Counts stay cheap on large lists: exact up to a limit, the database's estimate beyond it, said in the envelope;
pages by number reach a depth of their own, and a cursor walks on."""

import pytest
from django.db import connection
from django.db.models import Q
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from countries.models import Country
from tests.helpers import assert_problem
from tracker.pagination import CountQuery

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


@override_settings(API_EXACT_COUNT_LIMIT=10)
def test_a_list_the_database_expects_far_beyond_the_limit_is_estimated_without_counting(api_client):
    with CaptureQueriesContext(connection) as captured:
        body = api_client.get(LIST).json()
    assert body["count_exact"] is False and body["count"] > 10
    if connection.vendor == "postgresql":
        assert body["count"] > 10 * 10 and not [query for query in captured if "LIMIT 11" in query["sql"]]


def countries(*conditions, **lookups):
    return CountQuery.of(Country.objects.filter(*conditions, **lookups))


def french_or_starting_with_f():
    """A filter read through a subquery: the countries whose name starts with F, or France by a subquery."""
    return countries(Q(name__startswith="F") | Q(id__in=Country.objects.filter(iso3="FRA").values("id")))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the estimates of PostgreSQL's planner")
def test_an_estimate_is_taken_uncounted_only_from_a_plan_that_scans_the_table_alone():
    assert countries().estimate().scans_alone and countries(name__startswith="F").estimate().scans_alone
    subquery = french_or_starting_with_f().estimate()
    assert not subquery.scans_alone and not subquery.far_beyond(0)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the estimates of PostgreSQL's planner")
def test_a_filter_read_through_a_subquery_is_counted_without_asking_for_an_estimate_first():
    assert french_or_starting_with_f().estimate_before_counting() is None
    assert countries(name__startswith="F").estimate_before_counting().rows > 0
    assert CountQuery.of(Country.objects.none()).estimate_before_counting() is None


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


@override_settings(API_PAGE_DEPTH=100)
def test_a_page_beyond_the_depth_is_a_400_that_points_to_the_cursor(api_client):
    body = assert_problem(api_client.get(LIST, {"page": 11, "page_size": 10}), 400, "page")
    assert "cursor" in str(body["errors"]["page"]) and "100" in str(body["errors"]["page"])


@override_settings(API_PAGE_DEPTH=100)
def test_the_last_page_within_the_depth_has_no_next_and_a_cursor_goes_on(api_client):
    last = api_client.get(LIST, {"page": 10, "page_size": 10}).json()
    assert len(last["results"]) == 10 and last["next"] is None
    walked, url = 0, f"{LIST}?cursor=&page_size=100"
    while url:
        body = api_client.get(url).json()
        walked, url = walked + len(body["results"]), body["next"]
    assert walked == Country.objects.count()


@override_settings(API_EXACT_COUNT_LIMIT=100)
def test_pages_beyond_an_estimated_count_end_where_the_records_do(api_client):
    total = Country.objects.count()
    last_page = -(-total // 50)
    last = api_client.get(LIST, {"page": last_page}).json()
    assert last["count_exact"] is False
    assert len(last["results"]) == total - (last_page - 1) * 50 and last["next"] is None
    assert_problem(api_client.get(LIST, {"page": last_page + 1}), 404)


def test_a_deep_page_holds_the_rows_of_the_whole_list_at_its_place(api_client):
    whole = api_client.get(LIST, {"page_size": 500, "ordering": "-name"}).json()["results"]
    page = api_client.get(LIST, {"page": 3, "page_size": 20, "ordering": "-name"}).json()
    assert [row["iso3"] for row in page["results"]] == [row["iso3"] for row in whole[40:60]]


def test_a_deep_page_costs_the_queries_of_the_first_whatever_its_size(api_client):
    def queries(**params):
        with CaptureQueriesContext(connection) as captured:
            assert api_client.get(LIST, params).status_code == 200
        return len(captured)

    first = queries(page_size=10)
    assert queries(page=2, page_size=10) == queries(page=2, page_size=40) == first
