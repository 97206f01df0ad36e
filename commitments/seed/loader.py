"""Apply a seed data set through the services, record by record, matched by natural keys.

A missing record is created. An existing one is updated only where a value the seed lists differs; values it
does not list (a URL or a date an editor found later) are left alone. Links (sources, speakers, targets,
condition links, group members) are added or corrected, never removed, so that an editor's additions survive
another run. A status event is matched by its record, status and date; no service changes an event, so a seed
event that exists is left as it is.
"""

from collections import Counter

from countries.models import Country, CountryGroup
from countries.services import country_group_create, country_group_membership_create, country_group_update
from tracker.services import write_transaction

from ..models import (
    Condition,
    ConditionLink,
    Initiative,
    Organization,
    Person,
    Pledge,
    Source,
    Statement,
    StatementSpeaker,
    StatementTarget,
    StatusEvent,
)
from ..services.conditions import condition_create, condition_links_set, condition_update, link_identity
from ..services.events import status_event_create
from ..services.initiatives import initiative_create, initiative_update
from ..services.parties import organization_create, organization_update, party_for, person_create, person_update
from ..services.pledges import pledge_create, pledge_update
from ..services.sources import source_create, source_update
from ..services.statements import speaker_identity, statement_create, statement_update, target_identity
from .matching import dated, differing, merged, merged_sources, pick

RECORDS = {
    "pledge": (Pledge, "key"),
    "statement": (Statement, "key"),
    "initiative": (Initiative, "slug"),
    "condition": (Condition, "slug"),
    "person": (Person, "slug"),
    "organization": (Organization, "slug"),
}
RANK = {"unchanged": 0, "updated": 1, "created": 2}
QUANTITY = {"quantity_qualifier": "unspecified", "quantity_low": None, "quantity_high": None, "quantity_text": ""}


@write_transaction()
def load_seed(data):
    """Load one data set (a module such as `commitments.seed.gaza_2025`); returns a Counter of outcomes."""
    return SeedLoader(data).load()


def record(kind, ref):
    model, field = RECORDS[kind]
    return model.objects.get(**{field: ref})


def by_slug(spec):
    return {"slug": spec["slug"]}


def party(ref):
    """The party of `USA` (an ISO alpha-3 code), `group:<slug>` or `org:<slug>`; None for None."""
    if ref is None:
        return None
    kind, _, slug = ref.rpartition(":")
    if kind == "group":
        return party_for(country_group=CountryGroup.objects.get(slug=slug))
    if kind == "org":
        return party_for(organization=Organization.objects.get(slug=slug))
    return party_for(country=Country.objects.get(iso3=slug))


class SeedLoader:
    def __init__(self, data):
        self.data = data
        self.sources = {}
        self.outcomes = {}

    def load(self):
        for spec in self.data.GROUPS:
            self.load_group(spec)
        for spec in self.data.ORGANIZATIONS:
            self.ensure(
                Organization, by_slug(spec), self.organization_fields(spec), organization_create, organization_update
            )
        for spec in self.data.PEOPLE:
            self.ensure(Person, by_slug(spec), self.person_fields(spec), person_create, person_update)
        for spec in self.data.SOURCES:
            self.load_source(spec)
        for spec in self.data.INITIATIVES:
            self.ensure(Initiative, by_slug(spec), self.initiative_fields(spec), initiative_create, initiative_update)
        for spec in self.data.PLEDGES:
            self.load_pledge(spec)
        for spec in self.data.CONDITIONS:
            self.ensure(Condition, by_slug(spec), pick(spec, "name", "description"), condition_create, condition_update)
        for spec in self.data.STATEMENTS:
            self.load_statement(spec)
        for spec in self.data.CONDITIONS:
            self.load_condition_links(spec)
        for event in self.data.EVENTS:
            self.load_event(*event)
        return Counter(self.outcomes.values())

    def tally(self, outcome, instance):
        """Count each record once, by the most it underwent: created, else updated, else unchanged."""
        name = (instance._meta.label, instance.pk)
        self.outcomes[name] = max(outcome, self.outcomes.get(name, outcome), key=RANK.get)
        return instance

    def ensure(self, model, lookup, fields, create, update):
        """The record that `lookup` finds, created from `fields` if missing, else updated where they differ."""
        instance = model.objects.filter(**lookup).first()
        if instance is None:
            return self.tally("created", create(**lookup, **fields))
        changes = differing(instance, fields)
        if changes:
            return self.tally("updated", update(instance, **changes))
        return self.tally("unchanged", instance)

    def load_group(self, spec):
        fields = pick(spec, "name", "description")
        group = self.ensure(CountryGroup, by_slug(spec), fields, country_group_create, country_group_update)
        members = set(group.memberships.values_list("country__iso3", flat=True))
        for iso3 in spec["members"]:
            if iso3 not in members:
                country_group_membership_create(group, Country.objects.get(iso3=iso3))
                self.tally("updated", group)

    def organization_fields(self, spec):
        fields = pick(spec, "name", "acronym", "kind", "description")
        if "country" in spec:
            fields["country"] = Country.objects.get(iso3=spec["country"])
        return fields

    def person_fields(self, spec):
        fields = pick(spec, "name", "description")
        if "organization" in spec:
            fields["organization"] = record("organization", spec["organization"])
        if "country" in spec:
            fields["country"] = Country.objects.get(iso3=spec["country"])
        return fields

    def load_source(self, spec):
        fields = pick(spec, "title_supplied", "language", "kind", "notes")
        if "published" in spec:
            fields.update(dated("published", spec["published"]))
        if "translation_of" in spec:
            fields["translation_of"] = self.sources[spec["translation_of"]]
        publisher = record("organization", spec["publisher"]) if "publisher" in spec else None
        lookup = {"title": spec["title"], "publisher": publisher}
        self.sources[spec["ref"]] = self.ensure(Source, lookup, fields, source_create, source_update)

    def initiative_fields(self, spec):
        fields = pick(spec, "name", "description", "location")
        if "parent" in spec:
            fields["parent"] = record("initiative", spec["parent"])
        if "lead" in spec:
            fields["lead"] = party(spec["lead"])
        if "start" in spec:
            fields.update(dated("start", spec["start"]))
        return fields

    def citations(self, locator):
        """The translation held, at `locator`, and the original it translates."""
        return [(self.sources[self.data.TRANSLATION], locator), (self.sources[self.data.ORIGINAL], "")]

    def load_pledge(self, spec):
        fields = {
            "party": party(spec["party"]),
            "initiative": record("initiative", spec["initiative"]),
            "kind": spec["kind"],
            "description": spec["description"],
            **QUANTITY,
            **pick(spec, *QUANTITY),
        }
        sources = self.citations(spec["lines"])
        pledge = Pledge.objects.filter(key=spec["key"]).first()
        if pledge is None:
            return self.tally("created", pledge_create(key=spec["key"], sources=sources, **fields))
        changes = differing(pledge, fields)
        sources = merged_sources(pledge.source_links.all(), sources, pledge=pledge)
        if changes or sources is not None:
            return self.tally("updated", pledge_update(pledge, sources=sources, **changes))
        return self.tally("unchanged", pledge)

    def statement_fields(self, spec):
        fields = {
            "kind": spec["kind"],
            "text": spec["text"],
            "translation": spec["translation"],
            "translation_by": "editor",
            "language": self.sources[self.data.TRANSLATION].language,
            **dated("date", spec["when"]),
            **pick(spec, "spoken_language"),
        }
        if "on_behalf_of" in spec:
            fields["on_behalf_of"] = party(spec["on_behalf_of"])
        return fields

    def load_statement(self, spec):
        fields, sources = self.statement_fields(spec), self.citations(spec["line"])
        statement = Statement.objects.filter(key=spec["key"]).first()
        if statement is None:
            links = {"speakers": self.speakers(spec), "targets": self.targets(spec), "sources": sources}
            return self.tally("created", statement_create(key=spec["key"], **links, **fields))
        links = {
            "speakers": merged(statement.speakers.all(), self.speakers(spec, statement), speaker_identity),
            "targets": merged(statement.targets.all(), self.targets(spec, statement), target_identity),
            "sources": merged_sources(statement.source_links.all(), sources, statement=statement),
        }
        links = {name: value for name, value in links.items() if value is not None}
        changes = differing(statement, fields)
        if changes or links:
            return self.tally("updated", statement_update(statement, **links, **changes))
        return self.tally("unchanged", statement)

    def speakers(self, spec, statement=None):
        return [
            StatementSpeaker(
                statement=statement, position=position, role=role, count=count, **{kind: record(kind, slug)}
            )
            for position, (kind, slug, role, count) in enumerate(spec["speakers"])
        ]

    def targets(self, spec, statement=None):
        return [
            StatementTarget(
                statement=statement, stance=stance, **{kind: party(ref) if kind == "party" else record(kind, ref)}
            )
            for kind, ref, stance in spec.get("targets", [])
        ]

    def load_condition_links(self, spec):
        condition = record("condition", spec["slug"])
        wanted = [self.condition_link(condition, link) for link in spec["links"]]
        links = merged(condition.links.all(), wanted, link_identity)
        if links is not None:
            condition_links_set(condition, links)
            self.tally("updated", condition)

    def condition_link(self, condition, spec):
        kind, ref = spec["holds_up"]
        return ConditionLink(
            condition=condition,
            **{kind: record(kind, ref)},
            party=party(spec.get("party")),
            insisted_by=party(spec.get("insisted_by")),
            must_act=party(spec.get("must_act")),
            statement=record("statement", spec["statement"]),
            note=spec.get("note", ""),
        )

    def load_event(self, kind, ref, status, when, note, statement_keys):
        instance, date = record(kind, ref), dated("date", when)
        event = StatusEvent.objects.filter(**{kind: instance}, status=status, **date).first()
        if event is not None:
            return self.tally("unchanged", event)
        return self.tally(
            "created",
            status_event_create(
                instance,
                status=status,
                note=note,
                sources=[self.sources[self.data.TRANSLATION]],
                statements=[record("statement", key) for key in statement_keys],
                **date,
            ),
        )
