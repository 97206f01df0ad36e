"""Page-number and keyset paging, in one envelope, against the 249 countries the migrations load."""

from urllib.parse import parse_qs, urlsplit

import pytest

from countries.models import Country, CountryGroup
from tests.helpers import assert_problem
from tracker.pagination import MAX_PAGE_SIZE, encode_cursor

pytestmark = pytest.mark.django_db

COUNTRIES = "/api/v1/countries/"
COUNT = 249


def page(client, url=COUNTRIES, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def query(url):
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


def ids(body):
    return [Country.objects.get(iso3=row["iso3"]).id for row in body["results"]]


def walk(client, first):
    """Every page from `first` on, following `next`."""
    pages = [first]
    while pages[-1]["next"]:
        pages.append(page(client, pages[-1]["next"]))
    return pages


def test_migrations_load_249_countries():
    assert Country.objects.count() == COUNT


def test_default_page_holds_50_results_with_the_total_count(api_client):
    body = page(api_client)

    assert body["count"] == COUNT
    assert len(body["results"]) == 50


def test_page_size_sets_the_number_of_results(api_client):
    assert len(page(api_client, page_size=7)["results"]) == 7


def test_page_size_above_the_maximum_is_capped_not_an_error(api_client):
    CountryGroup.objects.bulk_create(
        CountryGroup(slug=f"group-{n}", name=f"Group {n}") for n in range(MAX_PAGE_SIZE + 1)
    )

    body = page(api_client, "/api/v1/country-groups/", page_size=1000)

    assert len(body["results"]) == MAX_PAGE_SIZE == 500
    assert query(body["next"])["page"] == "2"


def test_page_size_larger_than_the_collection_returns_it_whole(api_client):
    body = page(api_client, page_size=1000)

    assert len(body["results"]) == COUNT and body["next"] is None


@pytest.mark.parametrize("value", ["0", "-1", "abc", "1.5"])
def test_page_size_that_is_not_a_positive_integer_is_400_naming_it(api_client, value):
    assert_problem(api_client.get(COUNTRIES, {"page_size": value}), 400, "page_size")


@pytest.mark.parametrize("value", ["abc", "0", "-2"])
def test_page_that_is_not_a_positive_integer_is_400_naming_it(api_client, value):
    assert_problem(api_client.get(COUNTRIES, {"page": value}), 400, "page")


def test_last_page_holds_the_remainder_and_no_next(api_client):
    body = page(api_client, page=5)

    assert len(body["results"]) == COUNT - 4 * 50
    assert body["next"] is None


def test_page_past_the_end_is_404(api_client):
    assert_problem(api_client.get(COUNTRIES, {"page": 6}), 404)


def test_first_page_links_next_and_not_previous(api_client):
    body = page(api_client)

    assert body["previous"] is None
    assert query(body["next"]) == {"page": "2"}


def test_next_link_leads_to_the_following_page(api_client):
    following = page(api_client, page(api_client)["next"])

    assert following["results"] == page(api_client, page=2)["results"]


def test_previous_link_of_page_two_leads_to_the_first_page(api_client):
    body = page(api_client, page=2)

    assert "page" not in query(body["previous"])
    assert page(api_client, body["previous"])["results"] == page(api_client)["results"]


def test_page_links_keep_the_other_query_parameters(api_client):
    body = page(api_client, page=2, page_size=10, ordering="-iso3")

    assert query(body["next"]) == {"page": "3", "page_size": "10", "ordering": "-iso3"}
    assert query(body["previous"]) == {"page_size": "10", "ordering": "-iso3"}


def test_empty_cursor_is_the_first_keyset_page_with_count(api_client):
    body = page(api_client, cursor="")

    assert body["count"] == COUNT
    assert body["previous"] is None
    assert ids(body) == list(Country.objects.order_by("id").values_list("id", flat=True)[:50])


def test_walking_next_cursors_visits_every_id_once_in_order(api_client):
    pages = walk(api_client, page(api_client, cursor="", page_size=60))

    visited = [country_id for body in pages for country_id in ids(body)]
    assert visited == sorted(Country.objects.values_list("id", flat=True))
    assert len(pages) == 5 and pages[-1]["next"] is None


def test_every_keyset_page_carries_the_total_count(api_client):
    assert {body["count"] for body in walk(api_client, page(api_client, cursor="", page_size=100))} == {COUNT}


def test_previous_cursor_of_page_two_returns_page_one(api_client):
    first = page(api_client, cursor="")
    second = page(api_client, first["next"])

    assert page(api_client, second["previous"])["results"] == first["results"]


def test_page_one_reached_by_previous_links_next_and_not_previous(api_client):
    second = page(api_client, page(api_client, cursor="")["next"])

    again = page(api_client, second["previous"])

    assert again["previous"] is None
    assert page(api_client, again["next"])["results"] == second["results"]


def test_descending_cursor_walks_ids_backwards(api_client):
    pages = walk(api_client, page(api_client, cursor="", ordering="-id", page_size=100))

    visited = [country_id for body in pages for country_id in ids(body)]
    assert visited == sorted(Country.objects.values_list("id", flat=True), reverse=True)


def test_previous_cursor_of_a_descending_walk_returns_the_page_before(api_client):
    first = page(api_client, cursor="", ordering="-id")
    second = page(api_client, first["next"])

    assert page(api_client, second["previous"])["results"] == first["results"]


def test_cursor_with_ordering_other_than_id_is_400_naming_ordering(api_client):
    assert_problem(api_client.get(COUNTRIES, {"cursor": "", "ordering": "name"}), 400, "ordering")


@pytest.mark.parametrize(
    "cursor", ["garbage", "!!!", encode_cursor("x", 5), "bjphYmM"], ids=["word", "punctuation", "direction", "not-int"]
)
def test_cursor_the_api_did_not_give_out_is_400_naming_cursor(api_client, cursor):
    assert_problem(api_client.get(COUNTRIES, {"cursor": cursor}), 400, "cursor")


def test_page_together_with_cursor_is_400_naming_page(api_client):
    assert_problem(api_client.get(COUNTRIES, {"cursor": "", "page": "2"}), 400, "page")


def test_cursor_paging_applies_filters(api_client):
    body = page(api_client, cursor="", search="united", page_size=500)

    assert body["count"] == len(body["results"]) == Country.objects.filter(name__icontains="united").count() > 0
