from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tracker.services import validated_save, validated_update, write_transaction

from ..models import Organization, Party, Person


def party_for(country=None, country_group=None, organization=None):
    """The party row of exactly one country, country group or organization, created on first use."""
    given = {"country": country, "country_group": country_group, "organization": organization}
    chosen = {name: record for name, record in given.items() if record is not None}
    if len(chosen) != 1:
        raise ValidationError(_("A party is exactly one of a country, a country group or an organization."))
    party = Party.objects.filter(**chosen).first()
    return party or validated_save(Party(**chosen))


def party_key(party):
    """The key a client writes for this party: an ISO alpha-3 code or a slug."""
    if party.country_id:
        return party.country.iso3
    return (party.country_group or party.organization).slug


@write_transaction()
def party_create(*, country=None, country_group=None, organization=None):
    """The party of exactly one country, country group or organization (see `party_for`)."""
    return party_for(country=country, country_group=country_group, organization=organization)


@write_transaction()
def party_update(party, **fields):
    """A party stays the record it was made for: only a change to nothing is accepted."""
    changed = [name for name, value in fields.items() if value != getattr(party, name)]
    if changed:
        message = _("A party stays the record it was made for.")
        raise ValidationError({name: [message] for name in changed})
    return party


@write_transaction()
def party_delete(party):
    party.delete()


@write_transaction()
def organization_create(**fields):
    return validated_save(Organization(**fields))


@write_transaction()
def organization_update(organization, **fields):
    return validated_update(organization, fields)


@write_transaction()
def organization_delete(organization):
    organization.delete()


@write_transaction()
def person_create(**fields):
    return validated_save(Person(**fields))


@write_transaction()
def person_update(person, **fields):
    return validated_update(person, fields)


@write_transaction()
def person_delete(person):
    person.delete()
