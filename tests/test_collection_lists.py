"""What every collection's list does alike: paging by number and by cursor, the page size's limit, ordering, and
the refusal of parameters and values it does not take. Each collection's own filters, orderings and row shape are
tested in its own file."""

import pytest

from tests.collections import COLLECTIONS
from tests.helpers import assert_problem, results, walk
from tracker.pagination import MAX_PAGE_SIZE

pytestmark = pytest.mark.django_db

every_collection = pytest.mark.parametrize("collection", COLLECTIONS, ids=str)


def three_pages(collection):
    """Adds records to `collection` and returns a page size that splits it into three pages."""
    collection.add(5)
    return max(2, -(-collection.model.objects.count() // 3))


@every_collection
def test_unknown_ordering_field_is_a_400_naming_ordering(api_client, collection):
    assert_problem(api_client.get(collection.url, {"ordering": collection.unknown_ordering}), 400, "ordering")


@every_collection
@pytest.mark.parametrize("page", ["0", "-1", "abc", "x"])
def test_page_that_is_not_a_positive_integer_is_a_400_naming_page(api_client, collection, page):
    assert_problem(api_client.get(collection.url, {"page": page}), 400, "page")


@every_collection
@pytest.mark.parametrize("size", ["0", "-1", "many", "1.5"])
def test_page_size_that_is_not_a_positive_integer_is_a_400_naming_page_size(api_client, collection, size):
    assert_problem(api_client.get(collection.url, {"page_size": size}), 400, "page_size")


@every_collection
def test_page_past_the_end_is_a_404(api_client, collection):
    collection.add(3)
    total = collection.model.objects.count()
    last = -(-total // 2)
    assert len(results(api_client.get(collection.url, {"page": last, "page_size": 2}))) == total - 2 * (last - 1)
    assert_problem(api_client.get(collection.url, {"page": last + 1, "page_size": 2}), 404)


@every_collection
def test_page_size_and_page_walk_the_list_with_its_count_and_links(api_client, collection):
    size = three_pages(collection)
    first = api_client.get(collection.url, {"ordering": "id", "page_size": size}).json()
    second = api_client.get(first["next"]).json()
    assert first["count"] == collection.model.objects.count() and first["previous"] is None
    assert api_client.get(second["previous"]).json()["results"] == first["results"]
    rows = walk(api_client, f"{collection.url}?ordering=id&page_size={size}")
    assert collection.lookups_of(rows) == collection.lookups()


@every_collection
def test_page_size_is_capped_at_500(api_client, collection):
    collection.bulk(MAX_PAGE_SIZE + 1 - collection.model.objects.count())
    body = api_client.get(collection.url, {"page_size": 100000}).json()
    assert len(body["results"]) == MAX_PAGE_SIZE == 500
    assert body["count"] == 501 and "page=2" in body["next"]


@every_collection
def test_page_size_larger_than_the_collection_returns_it_whole(api_client, collection):
    collection.add(3)
    body = api_client.get(collection.url, {"page_size": MAX_PAGE_SIZE}).json()
    assert len(body["results"]) == body["count"] == collection.model.objects.count()
    assert body["next"] is None and body["previous"] is None


@every_collection
def test_empty_cursor_gives_the_first_rows_by_id_with_the_count(api_client, collection):
    size = three_pages(collection)
    body = api_client.get(collection.url, {"cursor": "", "page_size": size}).json()
    assert body["count"] == collection.model.objects.count() and body["previous"] is None
    assert collection.lookups_of(body["results"]) == collection.lookups()[:size]


@every_collection
def test_following_next_cursors_walks_every_record_once_by_id(api_client, collection):
    size = three_pages(collection)
    rows = walk(api_client, f"{collection.url}?cursor=&page_size={size}")
    assert collection.lookups_of(rows) == collection.lookups()


@every_collection
def test_cursor_with_descending_id_walks_from_the_newest(api_client, collection):
    size = three_pages(collection)
    rows = walk(api_client, f"{collection.url}?cursor=&ordering=-id&page_size={size}")
    assert collection.lookups_of(rows) == collection.lookups("-id")


@every_collection
@pytest.mark.parametrize("ordering", ["id", "-id"])
def test_previous_cursor_goes_back_to_the_page_before(api_client, collection, ordering):
    size = three_pages(collection)
    first = api_client.get(collection.url, {"cursor": "", "ordering": ordering, "page_size": size}).json()
    second = api_client.get(first["next"]).json()
    assert api_client.get(second["previous"]).json()["results"] == first["results"]


@every_collection
def test_cursor_with_an_ordering_other_than_id_is_a_400_naming_ordering(api_client, collection):
    response = api_client.get(collection.url, {"cursor": "", "ordering": collection.other_ordering})
    assert_problem(response, 400, "ordering")


@every_collection
@pytest.mark.parametrize("cursor", ["garbage", "bjphYmM", "eDoxMg", "!!!", "%%%", "xyz", "not-a-cursor"])
def test_cursor_the_api_did_not_give_out_is_a_400_naming_cursor(api_client, collection, cursor):
    assert_problem(api_client.get(collection.url, {"cursor": cursor}), 400, "cursor")


@every_collection
def test_unknown_parameter_is_a_400_naming_it_and_listing_the_accepted_ones(api_client, collection):
    body = assert_problem(api_client.get(collection.url, {"pgae": "2"}), 400, "pgae")
    message = body["errors"]["pgae"][0]
    assert message.startswith("Unknown query parameter. This operation accepts: ")
    for accepted in ("cursor", "fields", "format", "omit", "ordering", "page", "page_size", "search"):
        assert accepted in message


@every_collection
def test_the_paging_ordering_and_format_parameters_are_accepted_together(api_client, collection):
    collection.add(1)
    params = {"page": 1, "page_size": 5, "ordering": "-id", "search": "", "format": "json"}
    response = api_client.get(collection.url, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    assert collection.lookups_of(response.json()["results"]) == collection.lookups("-id")[:5]


@every_collection
@pytest.mark.parametrize("ordering", ["id", "-id"])
def test_numbered_pages_hold_the_same_rows_whether_or_not_the_count_reads_every_id(
    api_client, collection, settings, ordering
):
    """Within API_EXACT_COUNT_LIMIT records, one read of every id gives the count and the page's ids; beyond it,
    the count is an estimate and the page is read as ever."""
    url = f"{collection.url}?ordering={ordering}&page_size={three_pages(collection)}"
    within = walk(api_client, url)
    settings.API_EXACT_COUNT_LIMIT = 3
    beyond = walk(api_client, url)
    assert collection.lookups_of(within) == collection.lookups_of(beyond) == collection.lookups(ordering)
    assert len(within) > 3
