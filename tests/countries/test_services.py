"""The reference-data services, called directly: regions, countries, country groups and their members."""

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Q

from countries.models import Country, CountryGroup, CountryGroupMembership, Region
from countries.services import (
    country_group_create,
    country_group_delete,
    country_group_update,
    country_update,
    region_create,
    region_delete,
    region_update,
)
from tests.factories import country
from tracker.history import change_context
from tracker.models import Change

pytestmark = pytest.mark.django_db


def test_a_region_is_created_updated_and_deleted():
    region = region_create(code="999", name="Nowhere", level="region")
    region_update(region, name="Somewhere")
    assert Region.objects.get(code="999").name == "Somewhere"
    region_delete(region)
    assert not Region.objects.filter(code="999").exists()


def test_a_renamed_region_enters_the_feed_as_an_update_of_each_of_its_countries():
    region = Region.objects.get(code="035")  # South-eastern Asia, a sub-region
    placed = Country.objects.filter(Q(region=region) | Q(subregion=region) | Q(intermediate_region=region))
    region_update(region, name="Maritime and mainland South-eastern Asia")
    entries = Change.objects.filter(model="countries.region")
    assert sorted(entries.values_list("collection", "lookup", "action")) == sorted(
        ("countries", iso3, "update") for iso3 in placed.values_list("iso3", flat=True)
    )
    assert "IDN" in entries.values_list("lookup", flat=True)


def test_a_region_no_country_is_placed_in_makes_no_feed_entry():
    region = region_create(code="999", name="Nowhere", level="region")
    region_update(region, name="Somewhere")
    assert not Change.objects.filter(model="countries.region").exists()


def test_a_region_code_already_taken_is_refused():
    with pytest.raises(ValidationError) as refused:
        region_create(code="142", name="Asia again", level="region")
    assert "code" in refused.value.message_dict


def test_a_country_update_records_the_reason(editor):
    indonesia = country("IDN")
    with change_context(reason="The UN's short name.", user=editor):
        country_update(indonesia, name="Indonesia (Republic of)")
    version = indonesia.history.latest()
    assert (version.name, version.history_change_reason, version.history_user) == (
        "Indonesia (Republic of)",
        "The UN's short name.",
        editor,
    )


def test_a_group_is_created_with_its_members():
    group = country_group_create(slug="quad", name="Quad", members=[country("IDN"), country("PAK")])
    assert sorted(group.memberships.values_list("country__iso3", flat=True)) == ["IDN", "PAK"]


def test_an_update_sets_the_members_one_row_at_a_time(editor):
    group = country_group_create(slug="quad", name="Quad", members=[country("IDN")])
    kept = group.memberships.get()
    with change_context(reason="Pakistan joined.", user=editor):
        country_group_update(group, members=[country("IDN"), country("PAK")])
    assert group.memberships.get(country__iso3="IDN").pk == kept.pk
    added = CountryGroupMembership.history.get(country__iso3="PAK")
    assert added.history_change_reason == "Pakistan joined."


def test_the_same_member_twice_is_refused_and_nothing_is_written():
    with pytest.raises(ValidationError) as refused:
        country_group_create(slug="quad", name="Quad", members=[country("IDN"), country("IDN")])
    assert "members" in refused.value.message_dict
    assert not CountryGroup.objects.exists()


def test_deleting_a_group_deletes_its_memberships():
    group = country_group_create(slug="quad", name="Quad", members=[country("IDN")])
    country_group_delete(group)
    assert not CountryGroupMembership.objects.exists()
