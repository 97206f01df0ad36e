"""Helpers for the constraints that several models share. Like every constraint here, each reports a violation
with its own name as the error code."""

from django.db import models
from django.db.models import Q


def exactly_one(fields, name, message):
    """A check that exactly one of the nullable foreign keys `fields` is set."""
    options = [Q(**{f"{field}__isnull": field != chosen for field in fields}) for chosen in fields]
    condition = options[0]
    for option in options[1:]:
        condition |= option
    return models.CheckConstraint(
        condition=condition, name=name, violation_error_message=message, violation_error_code=name
    )


def at_least_one(fields, name, message):
    condition = Q(**{f"{fields[0]}__isnull": False})
    for field in fields[1:]:
        condition |= Q(**{f"{field}__isnull": False})
    return models.CheckConstraint(
        condition=condition, name=name, violation_error_message=message, violation_error_code=name
    )


def unique_when_set(fields, nullable, name, message):
    """Unique over `fields` among the rows where `nullable` is set."""
    return models.UniqueConstraint(
        fields=fields,
        condition=Q(**{f"{nullable}__isnull": False}),
        name=name,
        violation_error_message=message,
        violation_error_code=name,
    )
