"""The domain's reads: queryset methods that filters and views call, status timelines and summaries. How each
resource is shaped for the API, exports and `as_of` is the API layer's (`commitments/api/rows/`)."""

from .filtering import (
    ConditionQuerySet,
    PledgeQuerySet,
    StatementQuerySet,
    StatusEventQuerySet,
    party_ids,
)

__all__ = [
    "ConditionQuerySet",
    "PledgeQuerySet",
    "StatementQuerySet",
    "StatusEventQuerySet",
    "party_ids",
]
