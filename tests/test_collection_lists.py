"""What every collection's list does alike: paging by number and by cursor, the page size's limit, ordering, and
the refusal of parameters and values it does not take. Each collection's own filters, orderings and row shape are
tested in its own file."""

from dataclasses import dataclass
from itertools import product
from string import ascii_uppercase

import pytest
from django.urls import reverse

from commitments import models
from commitments.services.parties import party_for
from countries.models import Country, CountryGroup
from tests.factories import (
    ConditionFactory,
    CountryGroupFactory,
    InitiativeFactory,
    OrganizationFactory,
    PersonFactory,
    PledgeFactory,
    SourceFactory,
    StatementFactory,
    country,
)
from tests.helpers import assert_problem, results, walk
from tracker.pagination import MAX_PAGE_SIZE

pytestmark = pytest.mark.django_db


def free_country_codes(count):
    """`count` (iso2, iso3) pairs that no loaded country uses."""
    taken = set(Country.objects.values_list("iso2", flat=True))
    free = ("".join(pair) for pair in product(ascii_uppercase, repeat=2) if "".join(pair) not in taken)
    return [(iso2, f"Q{iso2}") for iso2, _ in zip(free, range(count), strict=False)]


def bulk_countries(count):
    Country.objects.bulk_create(Country(iso2=iso2, iso3=iso3, name=iso3) for iso2, iso3 in free_country_codes(count))


def bulk_pledges(count):
    party, initiative = party_for(country=country("IDN")), InitiativeFactory()
    models.Pledge.objects.bulk_create(
        models.Pledge(key=f"p-{n}", party=party, initiative=initiative, kind="troops") for n in range(count)
    )


def bulk_of(model, **fields):
    """Creates `count` rows of `model` at once, each field a template that `n` fills in."""

    def create(count):
        model.objects.bulk_create(
            model(**{name: value.format(n=n) for name, value in fields.items()}) for n in range(count)
        )

    return create


@dataclass(frozen=True)
class Collection:
    basename: str
    model: type
    add: object  # add(count) creates that many records through the services
    bulk: object  # bulk(count) creates that many rows at once
    unknown_ordering: str  # a field the list does not order by
    other_ordering: str  # a field besides `id` that it does order by
    lookup: str = "id"  # the field of a row that names its record

    def __str__(self):
        return self.basename

    @property
    def url(self):
        return reverse(f"v1:{self.basename}-list")

    def lookups(self, ordering="id"):
        return list(self.model.objects.order_by(ordering).values_list(self.lookup, flat=True))

    def lookups_of(self, rows):
        return [row[self.lookup] for row in rows]


COLLECTIONS = [
    Collection("country", Country, lambda count: None, bulk_countries, "created_by", "name", "iso3"),
    Collection(
        "countrygroup",
        CountryGroup,
        CountryGroupFactory.create_batch,
        bulk_of(CountryGroup, slug="g-{n}", name="G {n}"),
        "members",
        "name",
        "slug",
    ),
    Collection(
        "organization",
        models.Organization,
        OrganizationFactory.create_batch,
        bulk_of(models.Organization, slug="o-{n}", name="O {n}", kind="other"),
        "-acronym",
        "name",
        "slug",
    ),
    Collection(
        "person",
        models.Person,
        PersonFactory.create_batch,
        bulk_of(models.Person, slug="p-{n}", name="P {n}"),
        "organization",
        "name",
        "slug",
    ),
    Collection(
        "source",
        models.Source,
        SourceFactory.create_batch,
        bulk_of(models.Source, title="S {n}", language="en", kind="news_report"),
        "author",
        "title",
    ),
    Collection(
        "initiative",
        models.Initiative,
        InitiativeFactory.create_batch,
        bulk_of(models.Initiative, slug="i-{n}", name="I {n}"),
        "lead",
        "name",
        "slug",
    ),
    Collection("pledge", models.Pledge, PledgeFactory.create_batch, bulk_pledges, "party", "kind"),
    Collection(
        "condition",
        models.Condition,
        ConditionFactory.create_batch,
        bulk_of(models.Condition, slug="c-{n}", name="C {n}"),
        "description",
        "name",
        "slug",
    ),
    Collection(
        "statement",
        models.Statement,
        StatementFactory.create_batch,
        bulk_of(models.Statement, key="s-{n}", kind="quote", text="T {n}", language="id"),
        "text",
        "date",
    ),
]

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
    for accepted in ("cursor", "format", "ordering", "page", "page_size", "search"):
        assert accepted in message


@every_collection
def test_the_paging_ordering_and_format_parameters_are_accepted_together(api_client, collection):
    collection.add(1)
    params = {"page": 1, "page_size": 5, "ordering": "-id", "search": "", "format": "json"}
    response = api_client.get(collection.url, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    assert collection.lookups_of(response.json()["results"]) == collection.lookups("-id")[:5]
