"""Reads of reference data: the list queries and the row shapes that the API, exports and `as_of` share."""

from django.db import models
from django.db.models import Q

from tracker.rows import Rows


class CountryQuerySet(models.QuerySet):
    def by_code(self, code):
        """Look a country up by its alpha-3 or alpha-2 code, case-insensitive."""
        code = code.strip().upper()
        field = "iso3" if len(code) == 3 else "iso2"
        return self.filter(**{field: code})

    def in_regions(self, codes):
        return self.filter(
            Q(region__code__in=codes) | Q(subregion__code__in=codes) | Q(intermediate_region__code__in=codes)
        )

    def in_groups(self, slugs):
        return self.filter(group_memberships__group__slug__in=slugs).distinct()


def country_ref(urls, iso3, name):
    """The small object by which every other resource shows a country."""
    if iso3 is None:
        return None
    return {"iso3": iso3, "name": name, "url": urls.detail("country", iso3)}


def group_ref(urls, slug, name):
    if slug is None:
        return None
    return {"slug": slug, "name": name, "url": urls.detail("countrygroup", slug)}


def region_ref(code, name):
    if code is None:
        return None
    return {"code": code, "name": name}


class CountryRows(Rows):
    fields = (
        "id",
        "iso2",
        "iso3",
        "m49",
        "name",
        "region__code",
        "region__name",
        "subregion__code",
        "subregion__name",
        "intermediate_region__code",
        "intermediate_region__name",
        "created",
        "updated",
    )

    def shape(self, rows):
        groups = self.group_memberships([row["id"] for row in rows])
        return [self.shape_one(row, groups.get(row["id"], [])) for row in rows]

    def group_memberships(self, country_ids):
        from .models import CountryGroup, CountryGroupMembership

        memberships = (
            self.table(CountryGroupMembership)
            .filter(country_id__in=country_ids)
            .annotate(**self.related("group", CountryGroup, group_slug="slug", group_name="name"))
            .order_by("group_name", "id")
            .values_list("country_id", "group_slug", "group_name")
        )
        groups = {}
        for country_id, slug, name in memberships:
            groups.setdefault(country_id, []).append(group_ref(self.urls, slug, name))
        return groups

    def shape_one(self, row, groups):
        return {
            "url": self.urls.detail("country", row["iso3"]),
            "iso3": row["iso3"],
            "iso2": row["iso2"],
            "m49": row["m49"],
            "name": row["name"],
            "region": region_ref(row["region__code"], row["region__name"]),
            "subregion": region_ref(row["subregion__code"], row["subregion__name"]),
            "intermediate_region": region_ref(row["intermediate_region__code"], row["intermediate_region__name"]),
            "groups": groups,
            "created": row["created"],
            "updated": row["updated"],
        }


class CountryGroupRows(Rows):
    fields = ("id", "slug", "name", "description", "created", "updated")

    def shape(self, rows):
        members = self.members([row["id"] for row in rows])
        return [self.shape_one(row, members.get(row["id"], [])) for row in rows]

    def members(self, group_ids):
        from .models import Country, CountryGroupMembership

        memberships = (
            self.table(CountryGroupMembership)
            .filter(group_id__in=group_ids)
            .annotate(**self.related("country", Country, country_iso3="iso3", country_name="name"))
            .order_by("country_name", "id")
            .values_list("group_id", "country_iso3", "country_name")
        )
        members = {}
        for group_id, iso3, name in memberships:
            members.setdefault(group_id, []).append(country_ref(self.urls, iso3, name))
        return members

    def shape_one(self, row, members):
        return {
            "url": self.urls.detail("countrygroup", row["slug"]),
            "slug": row["slug"],
            "name": row["name"],
            "description": row["description"],
            "members": members,
            "created": row["created"],
            "updated": row["updated"],
        }
