from collections.abc import Iterable
from typing import Any

from tracker.services import sync_links, validated_save, validated_update, write_transaction

from .models import Country, CountryGroup, CountryGroupMembership, Region


@write_transaction()
def region_create(**fields: Any) -> Region:
    return validated_save(Region(**fields))


@write_transaction()
def region_update(region: Region, **fields: Any) -> Region:
    return validated_update(region, fields)


@write_transaction()
def region_delete(region: Region) -> None:
    region.delete()


@write_transaction()
def country_create(**fields: Any) -> Country:
    return validated_save(Country(**fields))


@write_transaction()
def country_update(country: Country, **fields: Any) -> Country:
    return validated_update(country, fields)


@write_transaction()
def country_delete(country: Country) -> None:
    country.delete()


@write_transaction()
def country_group_create(*, members: Iterable[Country] | None = None, **fields: Any) -> CountryGroup:
    group = validated_save(CountryGroup(**fields))
    if members is not None:
        country_group_members_set(group, members)
    return group


@write_transaction()
def country_group_update(
    group: CountryGroup, *, members: Iterable[Country] | None = None, **fields: Any
) -> CountryGroup:
    validated_update(group, fields)
    if members is not None:
        country_group_members_set(group, members)
    return group


@write_transaction()
def country_group_delete(group: CountryGroup) -> None:
    group.delete()


@write_transaction()
def country_group_membership_create(group: CountryGroup, country: Country) -> CountryGroupMembership:
    """Add one country to a group; a membership is a record of its own, so that history sees it."""
    return validated_save(CountryGroupMembership(group=group, country=country))


def country_group_members_set(group: CountryGroup, countries: Iterable[Country]) -> None:
    """Make the group's members exactly `countries`, one membership row at a time so history sees each."""
    wanted = [CountryGroupMembership(group=group, country=country) for country in countries]
    sync_links(group.memberships.all(), wanted, key=lambda link: link.country_id, field_name="members")
