"""Apply a seed data set through the services, record by record, matched by natural keys.

The seed writes as its own user (`seed`), so the change feed tells which records someone else changed since.
A missing record is created, unless someone deleted it. An existing record that only the seed has written is
updated where a value the seed lists differs; values it does not list are left alone. Links (sources,
speakers, targets, condition links, group members) are added or corrected, never removed. A record that
someone else changed or deleted after the seed wrote it is left as they left it, links and events included,
and reported as skipped; `overwrite` puts the seed's values back on it all the same. A status event is matched
by its record, status and date; no service changes an event, so a seed event that exists is left as it is.
"""

from collections import Counter

from django.db import transaction

from countries.models import Country, CountryGroup
from countries.services import country_group_create, country_group_members_set, country_group_update
from tracker.api_names import address_of, collection_of
from tracker.history import change_context
from tracker.services import write_transaction

from ..choices import TextOrigin
from ..models import (
    Condition,
    ConditionLink,
    Initiative,
    Organization,
    Person,
    Pledge,
    Source,
    Statement,
    StatementBasis,
    StatementSpeaker,
    StatementTarget,
    StatusEvent,
)
from ..services.conditions import condition_create, condition_links_set, condition_update, link_identity
from ..services.events import status_event_create
from ..services.initiatives import initiative_create, initiative_update
from ..services.parties import organization_create, organization_update, person_create, person_update
from ..services.pledges import pledge_create, pledge_update
from ..services.sources import source_create, source_update
from ..services.statements import (
    basis_identity,
    speaker_identity,
    statement_create,
    statement_update,
    target_identity,
)
from .authorship import SeedAuthorship, SeedReport, Skipped, seed_user
from .matching import dated, differing, editor_supplied, given, merged, merged_sources, pick
from .references import Missing, by_slug, country, party, record, spec_name
from .stale import StaleRemover

RANK = {"unchanged": 0, "updated": 1, "created": 2, "removed": 3}
QUANTITY = {"quantity_qualifier": "unspecified", "quantity_low": None, "quantity_high": None, "quantity_text": ""}


@write_transaction()
def load_seed(data, *, reason, overwrite=False):
    """Load one data set (a module such as `commitments.seed.gaza_2025`) as the seed user, with `reason` in
    every version it writes; returns a SeedReport."""
    user = seed_user()
    with change_context(reason=reason, user=user):
        return SeedLoader(data, SeedAuthorship(user, reason), overwrite).load()


class SeedLoader:
    def __init__(self, data, authorship, overwrite=False):
        self.data = data
        self.authorship = authorship
        self.overwrite = overwrite
        self.sources = {}
        self.outcomes = {}
        self.skipped = {}

    def load(self):
        steps = [
            (self.data.GROUPS, self.load_group),
            (self.data.ORGANIZATIONS, self.load_organization),
            (self.data.PEOPLE, self.load_person),
            (self.data.SOURCES, self.load_source),
            (self.data.INITIATIVES, self.load_initiative),
            (self.data.PLEDGES, self.load_pledge),
            (self.data.CONDITIONS, self.load_condition),
            (self.data.STATEMENTS, self.load_statement),
            (self.data.CONDITIONS, self.load_condition_links),
            (self.data.EVENTS, lambda event: self.load_event(*event)),
        ]
        for specs, load_one in steps:
            for spec in specs:
                self.load_one(load_one, spec)
        removed, kept = StaleRemover(self).remove()
        return SeedReport(Counter(self.outcomes.values()), list(self.skipped.values()), removed, kept)

    def load_one(self, load, spec):
        """Load one spec; one that needs a record someone deleted is skipped (and reported) as a whole."""
        try:
            with transaction.atomic():
                load(spec)
        except Missing as missing:
            self.skipped.setdefault(("missing", str(missing)), Skipped(f"{spec_name(spec)}: needs {missing}", None))

    def load_organization(self, spec):
        fields = self.organization_fields(spec)
        self.ensure(Organization, by_slug(spec), fields, organization_create, organization_update)

    def load_person(self, spec):
        self.ensure(Person, by_slug(spec), self.person_fields(spec), person_create, person_update)

    def load_initiative(self, spec):
        fields = self.initiative_fields(spec)
        self.ensure(Initiative, by_slug(spec), fields, initiative_create, initiative_update)

    def load_condition(self, spec):
        fields = {"name": spec["name"], **given(spec, description=""), **editor_supplied(spec)}
        self.ensure(Condition, by_slug(spec), fields, condition_create, condition_update)

    def left_to_editors(self, instance):
        """True when someone else wrote this record last (and `overwrite` is off); it is then reported."""
        change = None if self.overwrite else self.authorship.last_foreign_change(instance)
        if change is not None:
            self.skip(instance._meta.label, instance.pk, "/".join(address_of(instance)), change)
        return change is not None

    def deleted_by_editors(self, model, lookup):
        change = None if self.overwrite else self.authorship.foreign_delete(model, lookup)
        if change is not None:
            described = ", ".join(f"{name}={value}" for name, value in lookup.items())
            self.skip(model._meta.label, described, f"{collection_of(model).name} ({described}), deleted", change)
        return change is not None

    def skip(self, label, pk, record, change):
        self.skipped.setdefault((label, pk), Skipped(record, change))

    def is_skipped(self, instance):
        return (instance._meta.label, instance.pk) in self.skipped

    def tally(self, outcome, instance):
        """Count each record once, by the most it underwent: created, else updated, else unchanged."""
        name = (instance._meta.label, instance.pk)
        self.outcomes[name] = max(outcome, self.outcomes.get(name, outcome), key=RANK.get)
        return instance

    def ensure(self, model, lookup, fields, create, update):
        """The record that `lookup` finds, created from `fields` if missing, else updated where they differ."""
        instance = model.objects.filter(**lookup).first()
        if instance is None:
            return None if self.deleted_by_editors(model, lookup) else self.tally("created", create(**lookup, **fields))
        if self.left_to_editors(instance):
            return instance
        changes = differing(instance, fields)
        if changes:
            return self.tally("updated", update(instance, **changes))
        return self.tally("unchanged", instance)

    def load_group(self, spec):
        fields = {"name": spec["name"], **given(spec, description=""), **editor_supplied(spec)}
        group = self.ensure(CountryGroup, by_slug(spec), fields, country_group_create, country_group_update)
        if group is None or self.is_skipped(group):
            return
        members = set(group.memberships.values_list("country__iso3", flat=True))
        if members != set(spec["members"]):
            country_group_members_set(group, list(Country.objects.filter(iso3__in=spec["members"])))
            self.tally("updated", group)

    def organization_fields(self, spec):
        return {
            "name": spec["name"],
            "kind": spec["kind"],
            **given(spec, acronym="", description="", parent=None),
            "country": country(spec.get("country")),
            **editor_supplied(spec),
        }

    def person_fields(self, spec):
        organization = spec.get("organization")
        return {
            "name": spec["name"],
            **given(spec, description=""),
            "organization": record("organization", organization) if organization else None,
            "country": country(spec.get("country")),
            **editor_supplied(spec),
        }

    def load_source(self, spec):
        fields = {
            "language": spec["language"],
            "kind": spec["kind"],
            **given(spec, title_supplied=False, notes=""),
            **dated("published", spec.get("published")),
            "translation_of": self.source(spec["translation_of"]) if "translation_of" in spec else None,
        }
        publisher = record("organization", spec["publisher"]) if "publisher" in spec else None
        lookup = {"title": spec["title"], "publisher": publisher}
        self.sources[spec["ref"]] = self.ensure(Source, lookup, fields, source_create, source_update)

    def source(self, ref):
        if self.sources.get(ref) is None:
            raise Missing(f"source {ref}")
        return self.sources[ref]

    def initiative_fields(self, spec):
        parent = spec.get("parent")
        return {
            "name": spec["name"],
            **given(spec, description="", location=""),
            "parent": record("initiative", parent) if parent else None,
            "lead": party(spec.get("lead")),
            **dated("start", spec.get("start")),
            **dated("end", spec.get("end")),
            **editor_supplied(spec),
        }

    def citations(self, locator):
        """The translation held, at `locator`, and the original it translates."""
        return [(self.source(self.data.TRANSLATION), locator), (self.source(self.data.ORIGINAL), "")]

    def load_pledge(self, spec):
        fields = {
            "party": party(spec["party"]),
            "initiative": record("initiative", spec["initiative"]),
            "kind": spec["kind"],
            "description": spec["description"],
            **editor_supplied(spec),
            **QUANTITY,
            **pick(spec, *QUANTITY),
        }
        sources = self.citations(spec["lines"])
        pledge = Pledge.objects.filter(key=spec["key"]).first()
        if pledge is None:
            if self.deleted_by_editors(Pledge, {"key": spec["key"]}):
                return None
            return self.tally("created", pledge_create(key=spec["key"], sources=sources, **fields))
        if self.left_to_editors(pledge):
            return pledge
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
            "language": self.source(self.data.TRANSLATION).language,
            "text_origin": text_origin(self.source(self.data.TRANSLATION)),
            **dated("date", spec["when"]),
            **given(spec, spoken_language=""),
            "on_behalf_of": party(spec.get("on_behalf_of")),
        }
        return fields

    def load_statement(self, spec):
        fields, sources = self.statement_fields(spec), self.citations(spec["line"])
        statement = Statement.objects.filter(key=spec["key"]).first()
        if statement is None and self.deleted_by_editors(Statement, {"key": spec["key"]}):
            return None
        if statement is None:
            links = {
                "speakers": self.speakers(spec),
                "according_to": self.according_to(spec),
                "targets": self.targets(spec),
                "sources": sources,
            }
            return self.tally("created", statement_create(key=spec["key"], **links, **fields))
        if self.left_to_editors(statement):
            return statement
        links = {
            "speakers": merged(statement.speakers.all(), self.speakers(spec, statement), speaker_identity),
            "according_to": merged(statement.according_to.all(), self.according_to(spec, statement), basis_identity),
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

    def according_to(self, spec, statement=None):
        return [
            StatementBasis(statement=statement, party=party(ref), words=words)
            for ref, words in spec.get("according_to", [])
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
        if self.is_skipped(condition) or self.left_to_editors(condition):
            return
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
        if self.is_skipped(instance) or self.left_to_editors(instance):
            return None
        event = StatusEvent.objects.filter(**{kind: instance}, status=status, **date).first()
        if event is not None:
            return self.tally("unchanged", event)
        return self.tally(
            "created",
            status_event_create(
                instance,
                status=status,
                note=note,
                sources=[self.source(self.data.TRANSLATION)],
                statements=[record("statement", key) for key in statement_keys],
                **date,
            ),
        )


def text_origin(source):
    """A text drawn from a translation is a translation, whatever its quotation marks say."""
    return TextOrigin.TRANSLATION if source.translation_of_id else TextOrigin.OWN_WORDS
