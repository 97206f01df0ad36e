"""Faithful quantities: each qualifier allows exactly its bounds, in the service (with a message that says what is
wrong) and in the database itself (even for writes that skip validation)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from commitments.models import Pledge
from commitments.services.pledges import pledge_update
from tests.factories import PledgeFactory

pytestmark = pytest.mark.django_db


def pledge(qualifier, low=None, high=None, unit="persons", kind="troops", **fields):
    return PledgeFactory(
        kind=kind, quantity_qualifier=qualifier, quantity_low=low, quantity_high=high, quantity_unit=unit, **fields
    )


def messages(error):
    return " ".join(error.value.messages).lower()


def assert_database_rejects(record, **changes):
    """A raw UPDATE that skips every validation still fails on the table's constraints."""
    with pytest.raises(IntegrityError), transaction.atomic():
        Pledge.objects.filter(pk=record.pk).update(**changes)


@pytest.mark.parametrize(
    "qualifier, low, high",
    [
        ("exact", 200, 200),
        ("approximate", 200, 200),
        ("range", 2000, 3000),
        ("at_least", 1000, None),
        ("up_to", None, 500),
        ("unspecified", None, None),
    ],
)
def test_each_qualifier_accepts_its_own_bounds(qualifier, low, high):
    record = pledge(qualifier, low, high)
    record.refresh_from_db()
    assert (record.quantity_qualifier, record.quantity_low, record.quantity_high) == (qualifier, low, high)


@pytest.mark.parametrize(
    "qualifier, low, high, words",
    [
        ("exact", 200, None, "exact"),
        ("exact", 200, 300, "exact"),
        ("approximate", 200, None, "approximate"),
        ("approximate", 150, 250, "approximate"),
        ("range", 3000, 3000, "range"),
        ("range", 2000, None, "range"),
        ("at_least", 1000, 2000, "at least"),
        ("at_least", None, None, "at least"),
        ("up_to", 100, 500, "up to"),
        ("up_to", None, None, "up to"),
        ("unspecified", 1, None, "unspecified"),
        ("unspecified", None, 10, "unspecified"),
    ],
)
def test_the_service_rejects_bounds_the_qualifier_does_not_allow_and_says_so(qualifier, low, high, words):
    count = Pledge.objects.count()
    with pytest.raises(ValidationError) as error:
        pledge(qualifier, low, high)
    assert words in messages(error)
    assert Pledge.objects.count() == count


@pytest.mark.parametrize(
    "qualifier, low, high, changes",
    [
        ("exact", 200, 200, {"quantity_high": None}),
        ("exact", 200, 200, {"quantity_high": 300}),
        ("approximate", 200, 200, {"quantity_high": None}),
        ("approximate", 200, 200, {"quantity_low": None}),
        ("range", 2000, 3000, {"quantity_high": 2000}),
        ("range", 2000, 3000, {"quantity_low": None}),
        ("at_least", 1000, None, {"quantity_high": 5000}),
        ("at_least", 1000, None, {"quantity_low": None}),
        ("up_to", None, 500, {"quantity_low": 100}),
        ("up_to", None, 500, {"quantity_high": None}),
        ("unspecified", None, None, {"quantity_low": 1}),
        ("unspecified", None, None, {"quantity_high": 1}),
    ],
)
def test_the_database_rejects_bounds_the_qualifier_does_not_allow(qualifier, low, high, changes):
    assert_database_rejects(pledge(qualifier, low, high), **changes)


def test_the_database_rejects_a_qualifier_change_that_leaves_the_old_bounds():
    assert_database_rejects(pledge("exact", 200, 200), quantity_qualifier="unspecified")


@pytest.mark.parametrize("low, high", [(-1, None), (None, -1)])
def test_the_service_rejects_negative_bounds(low, high):
    qualifier = "at_least" if high is None else "up_to"
    with pytest.raises(ValidationError) as error:
        pledge(qualifier, low, high)
    assert "negative" in messages(error)


@pytest.mark.parametrize("qualifier, changes", [("at_least", {"quantity_low": -1}), ("up_to", {"quantity_high": -1})])
def test_the_database_rejects_negative_bounds(qualifier, changes):
    record = pledge(qualifier, low=10 if qualifier == "at_least" else None, high=10 if qualifier == "up_to" else None)
    assert_database_rejects(record, **changes)


def test_the_database_rejects_a_low_bound_above_the_high_bound_whatever_the_qualifier():
    assert_database_rejects(pledge("range", 2000, 3000), quantity_low=4000)


@pytest.mark.parametrize("unit", ["USD", "EUR", "IDR"])
def test_funding_is_counted_in_an_iso_4217_currency(unit):
    record = pledge("exact", 1_000_000, 1_000_000, unit=unit, kind="funding")
    record.refresh_from_db()
    assert record.quantity_unit == unit


@pytest.mark.parametrize("unit", ["XYZ", "usd", "dollars", "person"])
def test_the_service_rejects_a_unit_that_is_neither_persons_nor_a_currency(unit):
    with pytest.raises(ValidationError) as error:
        pledge("exact", 100, 100, unit=unit, kind="funding")
    assert "iso 4217" in messages(error)


@pytest.mark.parametrize("unit", ["usd", "dollars"])
def test_the_database_rejects_a_unit_that_is_neither_persons_nor_a_currency_code(unit):
    assert_database_rejects(pledge("exact", 100, 100, unit="USD", kind="funding"), quantity_unit=unit)


@pytest.mark.parametrize("kind", ["troops", "personnel", "police", "staff_officers", "observers", "trainers"])
def test_the_service_rejects_personnel_counted_in_a_currency(kind):
    with pytest.raises(ValidationError) as error:
        pledge("exact", 100, 100, unit="USD", kind=kind)
    assert "counted in persons" in messages(error)


def test_the_database_rejects_personnel_counted_in_a_currency():
    assert_database_rejects(pledge("exact", 100, 100, kind="police"), quantity_unit="USD")


def test_the_service_rejects_funding_counted_in_persons():
    with pytest.raises(ValidationError) as error:
        pledge("exact", 100, 100, unit="persons", kind="funding")
    assert "currency" in messages(error)


def test_the_database_rejects_funding_counted_in_persons():
    assert_database_rejects(pledge("exact", 100, 100, unit="USD", kind="funding"), quantity_unit="persons")


@pytest.mark.parametrize("kind, unit", [("equipment", "persons"), ("equipment", "USD"), ("logistics", "EUR")])
def test_other_kinds_may_be_counted_in_persons_or_a_currency(kind, unit):
    assert pledge("approximate", 20, 20, unit=unit, kind=kind).quantity_unit == unit


def test_an_update_through_the_service_is_held_to_the_same_bounds():
    record = pledge("approximate", 200, 200, quantity_text="sekitar 200 tentara")
    with pytest.raises(ValidationError) as error:
        pledge_update(record, quantity_qualifier="range")
    assert "range" in messages(error)
    record.refresh_from_db()
    assert (record.quantity_qualifier, record.quantity_low, record.quantity_high) == ("approximate", 200, 200)


def test_the_unspecified_quantity_keeps_the_sources_words_without_bounds():
    record = pledge("unspecified", quantity_text="sejumlah kecil")
    record.refresh_from_db()
    assert (record.quantity_low, record.quantity_high, record.quantity_text) == (None, None, "sejumlah kecil")
