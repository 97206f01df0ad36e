"""Dates with a precision: the period a stored day stands for, and the filters that match periods."""

import datetime

import pytest

from commitments.models import Statement
from tests.factories import StatementFactory
from tracker.dates import DatePrecision, ends_on_or_after, period_end, period_start, starts_on_or_before

D = datetime.date


@pytest.mark.parametrize(
    ("day", "precision", "start", "end"),
    [
        (D(2025, 10, 24), DatePrecision.DAY, D(2025, 10, 24), D(2025, 10, 24)),
        (D(2025, 10, 24), DatePrecision.WEEK, D(2025, 10, 20), D(2025, 10, 26)),
        (D(2025, 10, 20), DatePrecision.WEEK, D(2025, 10, 20), D(2025, 10, 26)),
        (D(2025, 10, 26), DatePrecision.WEEK, D(2025, 10, 20), D(2025, 10, 26)),
        (D(2025, 12, 31), DatePrecision.WEEK, D(2025, 12, 29), D(2026, 1, 4)),
        (D(2025, 10, 24), DatePrecision.MONTH, D(2025, 10, 1), D(2025, 10, 31)),
        (D(2024, 2, 10), DatePrecision.MONTH, D(2024, 2, 1), D(2024, 2, 29)),
        (D(2025, 2, 10), DatePrecision.MONTH, D(2025, 2, 1), D(2025, 2, 28)),
        (D(2025, 12, 15), DatePrecision.MONTH, D(2025, 12, 1), D(2025, 12, 31)),
        (D(2025, 10, 24), DatePrecision.YEAR, D(2025, 1, 1), D(2025, 12, 31)),
    ],
    ids=[
        "day",
        "week-of-a-friday",
        "week-of-its-monday",
        "week-of-its-sunday",
        "week-across-new-year",
        "month",
        "february-of-a-leap-year",
        "february-of-a-common-year",
        "december",
        "year",
    ],
)
def test_period_start_and_end_bound_the_period_containing_the_day(day, precision, start, end):
    assert (period_start(day, precision), period_end(day, precision)) == (start, end)


def test_weeks_start_on_monday():
    assert period_start(D(2025, 10, 24), DatePrecision.WEEK).weekday() == 0


def test_period_end_of_a_stored_period_start_is_the_same_period():
    start = period_start(D(2024, 2, 17), DatePrecision.MONTH)

    assert period_end(start, DatePrecision.MONTH) == D(2024, 2, 29)


def stated(day, precision):
    return StatementFactory(date=day, date_precision=precision)


def matches(q):
    return set(Statement.objects.filter(q).values_list("pk", flat=True))


# (stored day, precision, the last day of its period, the first day of its period)
PERIODS = [
    (D(2025, 10, 24), "day", D(2025, 10, 24), D(2025, 10, 24)),
    (D(2025, 10, 22), "week", D(2025, 10, 26), D(2025, 10, 20)),
    (D(2025, 10, 24), "month", D(2025, 10, 31), D(2025, 10, 1)),
    (D(2024, 2, 10), "month", D(2024, 2, 29), D(2024, 2, 1)),
    (D(2025, 10, 24), "year", D(2025, 12, 31), D(2025, 1, 1)),
]
PERIOD_IDS = ["day", "week", "month", "leap-february", "year"]


@pytest.mark.django_db
@pytest.mark.parametrize(("day", "precision", "last", "first"), PERIODS, ids=PERIOD_IDS)
def test_ends_on_or_after_keeps_a_period_up_to_its_last_day(day, precision, last, first):
    statement = stated(day, precision)

    assert statement.pk in matches(ends_on_or_after("date", last))
    assert statement.pk not in matches(ends_on_or_after("date", last + datetime.timedelta(days=1)))


@pytest.mark.django_db
@pytest.mark.parametrize(("day", "precision", "last", "first"), PERIODS, ids=PERIOD_IDS)
def test_starts_on_or_before_keeps_a_period_from_its_first_day(day, precision, last, first):
    statement = stated(day, precision)

    assert statement.pk in matches(starts_on_or_before("date", first))
    assert statement.pk not in matches(starts_on_or_before("date", first - datetime.timedelta(days=1)))


@pytest.mark.django_db
def test_week_of_20_october_is_found_by_a_day_inside_it():
    statement = stated(D(2025, 10, 24), "week")

    assert statement.pk in matches(ends_on_or_after("date", D(2025, 10, 22)))
    assert statement.pk in matches(starts_on_or_before("date", D(2025, 10, 22)))


@pytest.mark.django_db
def test_undated_statement_matches_neither_bound():
    statement = stated(None, "day")

    assert statement.pk not in matches(ends_on_or_after("date", D(1900, 1, 1)))
    assert statement.pk not in matches(starts_on_or_before("date", D(2100, 1, 1)))
