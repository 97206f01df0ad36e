from tracker.services import sync_links, validated_save, validated_update, write_transaction

from .models import Country, CountryGroup, CountryGroupMembership, Region


@write_transaction()
def region_create(**fields):
    return validated_save(Region(**fields))


@write_transaction()
def region_update(region, **fields):
    return validated_update(region, fields)


@write_transaction()
def region_delete(region):
    region.delete()


@write_transaction()
def country_create(**fields):
    return validated_save(Country(**fields))


@write_transaction()
def country_update(country, **fields):
    return validated_update(country, fields)


@write_transaction()
def country_delete(country):
    country.delete()


@write_transaction()
def country_group_create(*, members=None, **fields):
    group = validated_save(CountryGroup(**fields))
    if members is not None:
        country_group_members_set(group, members)
    return group


@write_transaction()
def country_group_update(group, *, members=None, **fields):
    validated_update(group, fields)
    if members is not None:
        country_group_members_set(group, members)
    return group


@write_transaction()
def country_group_delete(group):
    group.delete()


@write_transaction()
def country_group_membership_create(group, country):
    """Add one country to a group; a membership is a record of its own, so that history sees it."""
    return validated_save(CountryGroupMembership(group=group, country=country))


def country_group_members_set(group, countries):
    """Make the group's members exactly `countries`, one membership row at a time so history sees each."""
    wanted = [CountryGroupMembership(group=group, country=country) for country in countries]
    sync_links(group.memberships.all(), wanted, key=lambda link: link.country_id, field_name="members")
