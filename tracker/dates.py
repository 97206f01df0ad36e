"""Dates that carry their precision.

A date of precision week, month or year stands for the whole period; it is stored as the period's first day
(weeks start on Monday). Filters match the period a date denotes, not the stored day alone.
"""

import datetime
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    WEEK = "week", _("week")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


# The first day from which a week can be counted back without leaving the calendar.
FIRST_WEEK_END = datetime.date.min + datetime.timedelta(days=6)


def period_start(day: datetime.date, precision: str) -> datetime.date:
    """The first day of the period of `precision` that contains `day`."""
    if precision == DatePrecision.WEEK:
        return day - datetime.timedelta(days=day.weekday())
    if precision == DatePrecision.MONTH:
        return day.replace(day=1)
    if precision == DatePrecision.YEAR:
        return day.replace(month=1, day=1)
    return day


def normalized_dates(fields: dict[str, Any], *names: str) -> dict[str, Any]:
    """Each dated field of `fields` (`name` with `name_precision`) moved to the first day of its period, as every
    date is stored; a field without a day or a precision is left as it is."""
    for name in names:
        day = fields.get(name)
        precision = fields.get(f"{name}_precision")
        if day is not None and precision:
            fields[name] = period_start(day, precision)
    return fields


def updated_dates(record: models.Model, fields: dict[str, Any], *names: str) -> dict[str, Any]:
    """An update's `fields` with each dated field normalized as `normalized_dates` does, taking the date or the
    precision the update leaves out from `record`: a new precision alone moves the stored day too."""
    current: dict[str, Any] = {}
    for name in names:
        current.update({name: getattr(record, name), f"{name}_precision": getattr(record, f"{name}_precision")})
    return normalized_dates({**current, **fields}, *names)


def period_end(day: datetime.date, precision: str) -> datetime.date:
    """The last day of the period of `precision` that starts on or contains `day`."""
    start = period_start(day, precision)
    if precision == DatePrecision.WEEK:
        return start + datetime.timedelta(days=6)
    if precision == DatePrecision.MONTH:
        next_month = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return next_month - datetime.timedelta(days=1)
    if precision == DatePrecision.YEAR:
        return start.replace(month=12, day=31)
    return start


def ends_on_or_after(field: str, day: datetime.date) -> Q:
    """Q for periods stored in `field` (with `field_precision`) that end on or after `day`."""
    precision = f"{field}_precision"
    return (
        Q(**{precision: DatePrecision.DAY, f"{field}__gte": day})
        | Q(**{precision: DatePrecision.WEEK, f"{field}__gte": max(day, FIRST_WEEK_END) - datetime.timedelta(days=6)})
        | Q(**{precision: DatePrecision.MONTH, f"{field}__gte": period_start(day, DatePrecision.MONTH)})
        | Q(**{precision: DatePrecision.YEAR, f"{field}__gte": period_start(day, DatePrecision.YEAR)})
    )


def starts_on_or_before(field: str, day: datetime.date) -> Q:
    """Q for periods stored in `field` that start on or before `day`."""
    return Q(**{f"{field}__lte": day})


def precision_field(**kwargs: Any) -> "models.CharField[str, str]":
    return models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY, **kwargs)
