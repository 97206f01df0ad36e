from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from countries.models import Country, CountryGroup
from tracker.services import validated_save, validated_update, write_transaction

from ..models import Organization, Party, Person


def party_for(
    country: Country | None = None, country_group: CountryGroup | None = None, organization: Organization | None = None
) -> Party:
    """The party row of exactly one country, country group or organization, created on first use."""
    given = {"country": country, "country_group": country_group, "organization": organization}
    chosen = {name: record for name, record in given.items() if record is not None}
    if len(chosen) != 1:
        raise ValidationError(_("A party is exactly one of a country, a country group or an organization."))
    party = Party.objects.filter(**chosen).first()
    return party or validated_save(Party(**chosen))


def party_key(party: Party) -> str:
    """The key a client writes for this party: an ISO alpha-3 code or a slug."""
    if party.country is not None:
        return party.country.iso3
    named = party.country_group or party.organization
    assert named is not None, "a party is exactly one of a country, a country group or an organization"
    return named.slug


@write_transaction()
def party_create(
    *,
    country: Country | None = None,
    country_group: CountryGroup | None = None,
    organization: Organization | None = None,
) -> Party:
    """The party of exactly one country, country group or organization (see `party_for`)."""
    return party_for(country=country, country_group=country_group, organization=organization)


@write_transaction()
def party_update(party: Party, **fields: Any) -> Party:
    """A party stays the record it was made for: only a change to nothing is accepted."""
    changed = [name for name, value in fields.items() if value != getattr(party, name)]
    if changed:
        message = _("A party stays the record it was made for.")
        raise ValidationError({name: [message] for name in changed})
    return party


@write_transaction()
def party_delete(party: Party) -> None:
    party.delete()


@write_transaction()
def organization_create(**fields: Any) -> Organization:
    return validated_save(Organization(**fields))


@write_transaction()
def organization_update(organization: Organization, **fields: Any) -> Organization:
    return validated_update(organization, fields)


@write_transaction()
def organization_delete(organization: Organization) -> None:
    organization.delete()


@write_transaction()
def person_create(**fields: Any) -> Person:
    return validated_save(Person(**fields))


@write_transaction()
def person_update(person: Person, **fields: Any) -> Person:
    return validated_update(person, fields)


@write_transaction()
def person_delete(person: Person) -> None:
    person.delete()
