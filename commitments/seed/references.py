"""The records a seed refers to, found by their natural keys; one that someone deleted is `Missing`."""

from countries.models import Country, CountryGroup

from ..models import Condition, Initiative, Organization, Person, Pledge, Statement
from ..services.parties import party_for

RECORDS = {
    "pledge": (Pledge, "key"),
    "statement": (Statement, "key"),
    "initiative": (Initiative, "slug"),
    "condition": (Condition, "slug"),
    "person": (Person, "slug"),
    "organization": (Organization, "slug"),
}


class Missing(LookupError):
    """A record the seed refers to is not in the database (someone deleted it)."""


def spec_name(spec):
    if isinstance(spec, dict):
        return spec.get("key") or spec.get("slug") or spec.get("ref") or spec.get("title", "")
    return f"event {spec[2]} of {spec[0]} {spec[1]}"


def existing(model, **lookup):
    found = model.objects.filter(**lookup).first()
    if found is None:
        raise Missing(f"{model._meta.verbose_name} {', '.join(map(str, lookup.values()))}")
    return found


def record(kind, ref):
    model, field = RECORDS[kind]
    return existing(model, **{field: ref})


def country(iso3):
    """The country of an ISO alpha-3 code; None for None."""
    return None if iso3 is None else Country.objects.get(iso3=iso3)


def by_slug(spec):
    return {"slug": spec["slug"]}


def party(ref):
    """The party of `USA` (an ISO alpha-3 code), `group:<slug>` or `org:<slug>`; None for None."""
    if ref is None:
        return None
    kind, _, slug = ref.rpartition(":")
    if kind == "group":
        return party_for(country_group=existing(CountryGroup, slug=slug))
    if kind == "org":
        return party_for(organization=existing(Organization, slug=slug))
    return party_for(country=country(slug))
