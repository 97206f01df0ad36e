from .records import (
    InitiativeFilterSet,
    OrganizationFilterSet,
    PersonFilterSet,
    PledgeFilterSet,
    SourceFilterSet,
)
from .statements import ConditionFilterSet, StatementFilterSet

__all__ = [
    "ConditionFilterSet",
    "InitiativeFilterSet",
    "OrganizationFilterSet",
    "PersonFilterSet",
    "PledgeFilterSet",
    "SourceFilterSet",
    "StatementFilterSet",
]
