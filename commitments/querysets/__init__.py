"""The domain's reads: queryset methods that filters and views call, and (in the sibling modules) the `Rows`
classes that shape each resource for the API, exports and `as_of`."""

from .filtering import (
    ConditionQuerySet,
    PledgeQuerySet,
    StatementQuerySet,
    StatusEventQuerySet,
)

__all__ = [
    "ConditionQuerySet",
    "PledgeQuerySet",
    "StatementQuerySet",
    "StatusEventQuerySet",
]
