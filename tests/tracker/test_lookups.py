"""Many ids as one parameter (`with_ids`), and the ids a queryset so filtered holds (`known_ids`)."""

import pytest
from django.db.models import F

from countries.models import Country
from tracker.lookups import AnyOf, id_array, known_ids, with_ids

pytestmark = pytest.mark.django_db


def some_ids(count=3):
    return list(Country.objects.order_by("-id").values_list("id", flat=True)[:count])


def test_with_ids_keeps_the_rows_of_those_ids():
    ids = some_ids()
    assert sorted(with_ids(Country.objects.all(), "id", ids).values_list("id", flat=True)) == sorted(ids)


def test_with_no_ids_keeps_nothing_and_asks_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert list(with_ids(Country.objects.all(), "id", [])) == []


def test_a_queryset_filtered_by_an_array_of_ids_alone_knows_them_in_order():
    ids = some_ids()
    queryset = Country.objects.filter(AnyOf(F("id"), id_array([ids[0], *ids])))
    assert known_ids(queryset.order_by("-id")) == sorted(ids)


@pytest.mark.parametrize(
    "narrowed",
    [
        lambda queryset: queryset.filter(iso3="FRA"),
        lambda queryset: queryset.exclude(iso3="FRA"),
        lambda queryset: queryset.distinct(),
        lambda queryset: queryset[:1],
        lambda queryset: queryset.union(Country.objects.all()),
    ],
    ids=["another filter", "an exclusion", "distinct", "a slice", "a union"],
)
def test_a_queryset_narrowed_further_does_not_claim_to_know_its_ids(narrowed):
    queryset = Country.objects.filter(AnyOf(F("id"), id_array(some_ids())))
    assert known_ids(narrowed(queryset)) is None


def test_an_array_of_another_field_or_no_filter_is_not_the_queryset_s_ids():
    assert known_ids(Country.objects.filter(AnyOf(F("region"), "{1,2}"))) is None
    assert known_ids(Country.objects.all()) is None
    assert known_ids([1, 2]) is None
