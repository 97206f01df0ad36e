"""Reads of reference data: the queryset methods that filters and views call."""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Self

from django.db import models
from django.db.models import Q

if TYPE_CHECKING:
    from .models import Country  # noqa: F401 (named in the QuerySet["…"] base below)


class CountryQuerySet(models.QuerySet["Country"]):
    def by_code(self, code: str) -> Self:
        """Look a country up by its alpha-3 or alpha-2 code, case-insensitive."""
        code = code.strip().upper()
        field = "iso3" if len(code) == 3 else "iso2"
        return self.filter(**{field: code})

    def in_regions(self, codes: Sequence[str]) -> Self:
        return self.filter(
            Q(region__code__in=codes) | Q(subregion__code__in=codes) | Q(intermediate_region__code__in=codes)
        )

    def in_groups(self, slugs: Sequence[str]) -> Self:
        return self.filter(group_memberships__group__slug__in=slugs).distinct()
