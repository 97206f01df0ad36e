import bisect
import datetime
import itertools
import random
from dataclasses import dataclass

from countries.models import Country, CountryGroup, CountryGroupMembership
from tracker.api_names import collection_of
from tracker.dates import period_start
from tracker.models import Change

from ..choices import ConditionStatus, InitiativeStatus, OrganizationKind, PledgeKind, StatementKind
from ..models import (
    Condition,
    ConditionLink,
    EventEvidence,
    Initiative,
    Organization,
    Party,
    Person,
    Pledge,
    PledgeSource,
    Source,
    Statement,
    StatementBasis,
    StatementSource,
    StatementSpeaker,
    StatementTarget,
    StatusEvent,
)
from .tables import TableWriter
from .texts import ENGLISH, INDONESIAN, statement_text

REASON = "synthetic data"
KEY_PREFIX = "syn-"
# Records are entered over 300 days of 2026; reference records (organizations, people, sources, initiatives...)
# in its first days. The events they record happened between 7 October 2023 and late 2026.
ENTERED_FROM = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
ENTERED_OVER = datetime.timedelta(days=300)
REFERENCE_SHARE = 0.02
HAPPENED_FROM = datetime.date(2023, 10, 7)
HAPPENED_OVER_DAYS = 1100
CHUNK = 50_000

PLEDGE_PATH = ["possible", "considering", "offered", "committed", "deployed", "fulfilled"]
PERSON_KINDS = [kind for kind in PledgeKind.values if kind not in {"funding", "equipment", "logistics", "other"}]
QUALIFIERS = ["exact", "approximate", "range", "at_least", "up_to", "unspecified"]
QUALIFIER_WEIGHTS = [20, 25, 10, 15, 10, 20]
STANCES = ["supports", "opposes", "conditional", "skeptical", "undecided", "neutral", ""]
TARGET_KINDS = ["party", "pledge", "condition", "initiative"]
TARGET_WEIGHTS = [40, 30, 15, 15]
STATEMENT_KINDS = [
    StatementKind.QUOTE,
    StatementKind.PARAPHRASE,
    StatementKind.ANNOUNCEMENT,
    StatementKind.REPORT,
    StatementKind.DECLINED_TO_COMMENT,
    StatementKind.NO_RESPONSE,
]
STATEMENT_KIND_WEIGHTS = [30, 35, 15, 15, 3, 2]
PRECISIONS, PRECISION_WEIGHTS = ["day", "week", "month"], [80, 15, 5]
ONE_TO_THREE = [1, 2, 3]
PLEDGE_KINDS = [*PERSON_KINDS, "funding"]
PLEDGE_KIND_CUMULATIVE = list(itertools.accumulate([*([10] * len(PERSON_KINDS)), 8]))
PRECISION_CUMULATIVE = list(itertools.accumulate(PRECISION_WEIGHTS))
QUALIFIER_CUMULATIVE = list(itertools.accumulate(QUALIFIER_WEIGHTS))
STATEMENT_KIND_CUMULATIVE = list(itertools.accumulate(STATEMENT_KIND_WEIGHTS))
TARGET_CUMULATIVE = list(itertools.accumulate(TARGET_WEIGHTS))
# How many conditions hold up an initiative as a whole: a few, as the seed's stabilization force has.
INITIATIVE_CONDITIONS = [0, 1, 2, 3, 4, 5, 6, 7, 8]
INITIATIVE_CONDITION_CUMULATIVE = list(itertools.accumulate([10, 18, 22, 18, 12, 8, 6, 4, 2]))
LEADING_COUNTRIES = ["USA", "IDN", "EGY", "TUR", "QAT", "ARE", "SAU", "GBR", "ISR", "JOR", "FRA", "DEU", "PAK", "AZE"]


@dataclass(frozen=True)
class Sizes:
    """How many records to make; the reference records scale with them."""

    pledges: int = 100_000
    statements: int = 1_000_000

    @property
    def organizations(self):
        return max(50, self.statements // 200)

    @property
    def people(self):
        return max(100, self.statements // 20)

    @property
    def sources(self):
        return max(100, self.statements // 5)

    @property
    def initiatives(self):
        return max(20, self.pledges // 100)

    @property
    def conditions(self):
        return max(10, self.pledges // 200)

    groups = 20


class Skewed:
    """Picks items with a Zipf-like skew: the first few are chosen most often."""

    def __init__(self, rng, items, exponent=1.1):
        self.rng, self.items = rng, list(items)
        self.cumulative = list(itertools.accumulate(1 / (rank + 1) ** exponent for rank in range(len(self.items))))

    def one(self):
        point = self.rng.random() * self.cumulative[-1]
        return self.items[bisect.bisect_left(self.cumulative, point)]

    def distinct(self, count):
        chosen = {}
        while len(chosen) < min(count, len(self.items)):
            item = self.one()
            chosen[item] = None
        return list(chosen)


class Clock:
    """When the n-th of `total` rows of a kind was entered: spread evenly over a stretch of the entry period."""

    def __init__(self, total, reference=False):
        start, share = (0.0, REFERENCE_SHARE) if reference else (REFERENCE_SHARE, 1 - REFERENCE_SHARE)
        self.start = ENTERED_FROM + ENTERED_OVER * start
        self.step = ENTERED_OVER * share / max(total, 1)

    def at(self, index):
        return self.start + self.step * index


class Ids:
    """The next free id of each table."""

    def __init__(self, writer):
        self.writer, self.next = writer, {}

    def take(self, model, count=1):
        first = self.next.get(model) or self.writer.next_id(model)
        self.next[model] = first + count
        return first


def columns(model):
    return [field.column for field in model._meta.concrete_fields]


TIMESTAMPS = ("id", "created", "updated")
# The columns of the rows this module writes, in the order its tuples hold them.
COLUMNS = {
    Organization: (*TIMESTAMPS, "editor_supplied", "slug", "name", "acronym", "kind", "country_id", "parent_id")
    + ("description",),
    Person: (*TIMESTAMPS, "editor_supplied", "slug", "name", "description", "organization_id", "country_id"),
    CountryGroup: (*TIMESTAMPS, "editor_supplied", "slug", "name", "description"),
    CountryGroupMembership: (*TIMESTAMPS, "group_id", "country_id"),
    Party: (*TIMESTAMPS, "country_id", "country_group_id", "organization_id"),
    Source: (*TIMESTAMPS, "title", "title_supplied", "publisher_id", "author", "published", "published_precision")
    + ("language", "kind", "url", "accessed", "archive_url", "translation_of_id", "notes"),
    StatusEvent: (
        *TIMESTAMPS,
        "pledge_id",
        "condition_id",
        "initiative_id",
        "status",
        "date",
        "date_precision",
        "note",
    ),
    EventEvidence: (*TIMESTAMPS, "event_id", "source_id", "statement_id", "locator"),
    Initiative: (*TIMESTAMPS, "editor_supplied", "slug", "name", "description", "parent_id", "lead_id", "location")
    + ("status", "start", "start_precision", "end", "end_precision"),
    Condition: (*TIMESTAMPS, "editor_supplied", "slug", "name", "description", "status"),
    Pledge: (*TIMESTAMPS, "editor_supplied", "key", "party_id", "initiative_id", "kind", "quantity_qualifier")
    + ("quantity_low", "quantity_high", "quantity_unit", "quantity_text", "description", "status", "announced")
    + ("announced_precision",),
    PledgeSource: (*TIMESTAMPS, "pledge_id", "source_id", "locator"),
    ConditionLink: (*TIMESTAMPS, "condition_id", "pledge_id", "initiative_id", "party_id", "insisted_by_id")
    + ("must_act_id", "statement_id", "source_id", "note"),
    Statement: (*TIMESTAMPS, "key", "kind", "text", "language", "spoken_language", "text_origin", "translation")
    + ("translation_by", "date", "date_precision", "on_behalf_of_id"),
    StatementSpeaker: (*TIMESTAMPS, "statement_id", "person_id", "organization_id", "role", "count", "position"),
    StatementTarget: (*TIMESTAMPS, "statement_id", "party_id", "pledge_id", "condition_id", "initiative_id", "stance"),
    StatementSource: (*TIMESTAMPS, "statement_id", "source_id", "locator"),
    StatementBasis: (*TIMESTAMPS, "statement_id", "party_id", "words"),
}


class SyntheticData:
    """Writes one synthetic data set into the default database."""

    def __init__(self, connection, sizes=Sizes(), seed=1, report=print):
        self.rng = random.Random(seed)
        self.sizes, self.report = sizes, report
        self.writer = TableWriter(connection)
        self.ids = Ids(self.writer)
        self.first_ids = {}

    def generate(self):
        steps = [
            self.organizations,
            self.people,
            self.groups,
            self.parties,
            self.sources,
            self.initiatives,
            self.conditions,
            self.pledges,
            self.condition_links,
            self.statements,
            self.history,
            self.feed,
        ]
        self.writer.without_statement_timeout()
        with self.writer.indexes_built_after(model._meta.db_table for model in COLUMNS):
            for step in steps:
                step()
        self.writer.reset_sequences(list(self.first_ids))
        self.writer.analyze()

    def write(self, model, rows):
        rows = list(rows)
        if rows:
            self.first_ids.setdefault(model, rows[0][0])
            self.writer.write(model, COLUMNS[model], rows)
        return rows

    def countries_by_weight(self):
        """Country ids, those most records speak of first, so that they are picked most often."""
        ids = dict(Country.objects.values_list("iso3", "id"))
        first = [ids[iso3] for iso3 in LEADING_COUNTRIES if iso3 in ids]
        return first + sorted(set(ids.values()) - set(first))

    def happened(self, recent=1.0):
        """A day in the period the records speak of, with a precision; later days more likely when `recent`."""
        offset = int(HAPPENED_OVER_DAYS * self.rng.random() ** (1 / recent))
        precision = self.rng.choices(PRECISIONS, cum_weights=PRECISION_CUMULATIVE)[0]
        return period_start(HAPPENED_FROM + datetime.timedelta(days=offset), precision), precision

    # Reference records ------------------------------------------------------------------------------------------

    def organizations(self):
        count, first = self.sizes.organizations, self.ids.take(Organization, self.sizes.organizations)
        countries = Skewed(self.rng, self.countries_by_weight())
        clock, kinds = Clock(count, reference=True), OrganizationKind.values
        rows = []
        for index in range(count):
            created = clock.at(index)
            kind = "media" if index % 10 == 0 else self.rng.choice(kinds)
            name = f"Synthetic {kind.replace('_', ' ')} {index}"
            rows.append(
                (first + index, created, created, "[]", f"{KEY_PREFIX}org-{index}", name, "", kind)
                + (countries.one(), None, "")
            )
        self.organization_ids = [row[0] for row in self.write(Organization, rows)]
        self.publisher_ids = self.organization_ids[::10]
        self.report(f"organizations: {count}")

    def people(self):
        count, first = self.sizes.people, self.ids.take(Person, self.sizes.people)
        organizations = Skewed(self.rng, self.organization_ids)
        clock, rows = Clock(count, reference=True), []
        for index in range(count):
            created = clock.at(index)
            rows.append(
                (first + index, created, created, "[]", f"{KEY_PREFIX}person-{index}", f"Person {index}")
                + (f"Official number {index}", organizations.one(), None)
            )
        self.person_ids = [row[0] for row in self.write(Person, rows)]
        self.report(f"people: {count}")

    def groups(self):
        count, first = self.sizes.groups, self.ids.take(CountryGroup, self.sizes.groups)
        clock, countries = Clock(count, reference=True), list(Country.objects.values_list("id", flat=True))
        groups = self.write(
            CountryGroup,
            [
                (first + index, clock.at(index), clock.at(index), "[]", f"{KEY_PREFIX}group-{index}")
                + (f"Group {index}", "")
                for index in range(count)
            ],
        )
        memberships = [
            (group[0], country) for group in groups for country in self.rng.sample(countries, self.rng.randint(3, 12))
        ]
        first = self.ids.take(CountryGroupMembership, len(memberships))
        self.write(
            CountryGroupMembership,
            [(first + index, groups[0][1], groups[0][1], *link) for index, link in enumerate(memberships)],
        )
        self.group_ids = [group[0] for group in groups]

    def parties(self):
        """A party for every country and group and for a tenth of the organizations, reusing existing ones."""
        existing = {
            (kind, record_id): party_id
            for party_id, *records in Party.objects.values_list(
                "id", "country_id", "country_group_id", "organization_id"
            )
            for kind, record_id in zip(("country", "group", "organization"), records, strict=True)
            if record_id
        }
        wanted = [("country", country) for country in self.countries_by_weight()]
        wanted += [("group", group) for group in self.group_ids]
        wanted += [("organization", organization) for organization in self.organization_ids[1::10]]
        missing = [party for party in wanted if party not in existing]
        first, created = self.ids.take(Party, len(missing)), ENTERED_FROM
        rows = []
        for index, (kind, record_id) in enumerate(missing):
            links = [record_id if kind == name else None for name in ("country", "group", "organization")]
            rows.append((first + index, created, created, *links))
            existing[(kind, record_id)] = first + index
        self.write(Party, rows)
        country_parties = [existing[party] for party in wanted if party[0] == "country"]
        self.country_parties = Skewed(self.rng, country_parties, exponent=1.3)
        self.parties_any = Skewed(self.rng, [existing[party] for party in wanted], exponent=1.2)

    def sources(self):
        count, first = self.sizes.sources, self.ids.take(Source, self.sizes.sources)
        publishers, clock, rows = Skewed(self.rng, self.publisher_ids), Clock(count, reference=True), []
        for index in range(count):
            created, (published, precision) = clock.at(index), self.happened(recent=2)
            language = "id" if index % 5 == 0 else "en"
            rows.append(
                (first + index, created, created, f"Synthetic report {index}", False, publishers.one(), "")
                + (published, precision, language, "news_report", "", None, "", None, "")
            )
        self.source_ids = [row[0] for row in self.write(Source, rows)]
        self.cited_sources = Skewed(self.rng, self.source_ids, exponent=0.8)
        self.report(f"sources: {count}")

    def timeline(self, path, count, start_at=None):
        """`count` status events along `path` from a random step, with their days: [(status, day, precision)]."""
        step = start_at if start_at is not None else self.rng.randrange(len(path))
        day, precision = self.happened()
        events = []
        for _ in range(count):
            events.append((path[min(step, len(path) - 1)], day, precision))
            step += 1
            later = day + datetime.timedelta(days=self.rng.randint(1, 60))
            precision = self.rng.choices(PRECISIONS, cum_weights=PRECISION_CUMULATIVE)[0]
            # A vague date starts its period, which may begin before the last event: such a one is a day's.
            day, precision = (
                (period_start(later, precision), precision) if period_start(later, precision) > day else (later, "day")
            )
        return events

    def events(self, owner_field, owners):
        """Write the events of `owners` ({owner id: (created, [(status, day, precision)])}) and their evidence."""
        flat = [(owner, created, event) for owner, (created, events) in owners.items() for event in events]
        first = self.ids.take(StatusEvent, len(flat))
        fields = ("pledge", "condition", "initiative")
        rows = []
        for index, (owner, created, (status, day, precision)) in enumerate(flat):
            owner_ids = [owner if owner_field == field else None for field in fields]
            rows.append((first + index, created, created, *owner_ids, status, day, precision, ""))
        self.write(StatusEvent, rows)
        evidence_first = self.ids.take(EventEvidence, len(rows))
        self.write(
            EventEvidence,
            [
                (evidence_first + index, row[1], row[1], row[0], self.cited_sources.one(), None, "")
                for index, row in enumerate(rows)
            ],
        )

    def initiatives(self):
        count, first = self.sizes.initiatives, self.ids.take(Initiative, self.sizes.initiatives)
        clock, path, rows, timelines = Clock(count, reference=True), InitiativeStatus.values, [], {}
        for index in range(count):
            created, record_id = clock.at(index), first + index
            events = self.timeline(path, self.rng.choice(ONE_TO_THREE), start_at=0)
            timelines[record_id] = (created, events)
            parent = first + self.rng.randrange(index) if index > 10 and self.rng.random() < 0.3 else None
            rows.append(
                (record_id, created, created, "[]", f"{KEY_PREFIX}initiative-{index}", f"Initiative {index}", "")
                + (parent, self.country_parties.one(), "Gaza", events[-1][0], events[0][1], events[0][2], None, "day")
            )
        self.initiative_ids = [row[0] for row in self.write(Initiative, rows)]
        self.events("initiative", timelines)
        self.initiatives_skewed = Skewed(self.rng, self.initiative_ids)

    def conditions(self):
        count, first = self.sizes.conditions, self.ids.take(Condition, self.sizes.conditions)
        clock, path, rows, timelines = Clock(count, reference=True), ConditionStatus.values, [], {}
        for index in range(count):
            created, record_id = clock.at(index), first + index
            events = self.timeline(path, self.rng.choice([1, 2]), start_at=self.rng.choice([0, 0, 1]))
            timelines[record_id] = (created, events)
            rows.append(
                (record_id, created, created, "[]", f"{KEY_PREFIX}condition-{index}", f"Condition {index}", "")
                + (events[-1][0],)
            )
        self.condition_ids = [row[0] for row in self.write(Condition, rows)]
        self.events("condition", timelines)
        self.conditions_skewed = Skewed(self.rng, self.condition_ids)

    # Pledges and statements -------------------------------------------------------------------------------------

    def pledges(self):
        count, first = self.sizes.pledges, self.ids.take(Pledge, self.sizes.pledges)
        clock = Clock(count)
        for start in range(0, count, CHUNK):
            rows, timelines, links = [], {}, []
            for index in range(start, min(start + CHUNK, count)):
                created, record_id = clock.at(index), first + index
                events = self.timeline(PLEDGE_PATH, self.rng.choices(ONE_TO_THREE, cum_weights=[30, 63, 100])[0])
                if self.rng.random() < 0.05:
                    events.append(("withdrawn", events[-1][1] + datetime.timedelta(days=30), "day"))
                timelines[record_id] = (created, events)
                rows.append(self.pledge_row(record_id, index, created, events))
                links += [(record_id, created, source) for source in self.cited_sources.distinct(self.one_to_three())]
            self.write(Pledge, rows)
            self.events("pledge", timelines)
            link_first = self.ids.take(PledgeSource, len(links))
            self.write(
                PledgeSource,
                [
                    (link_first + n, created, created, pledge, source, "")
                    for n, (pledge, created, source) in enumerate(links)
                ],
            )
        self.pledge_ids = range(first, first + count)
        self.pledges_skewed = Skewed(self.rng, self.pledge_ids, exponent=0.9)
        self.report(f"pledges: {count}")

    def pledge_row(self, record_id, index, created, events):
        kind = self.rng.choices(PLEDGE_KINDS, cum_weights=PLEDGE_KIND_CUMULATIVE)[0]
        unit = self.rng.choice(["USD", "EUR"]) if kind == "funding" else "persons"
        qualifier = self.rng.choices(QUALIFIERS, cum_weights=QUALIFIER_CUMULATIVE)[0]
        number = self.rng.randint(1, 1000) * (1_000_000 if unit != "persons" else self.rng.choice([1, 10, 100]))
        low, high = quantity_bounds(qualifier, number)
        text = "" if qualifier == "unspecified" else f"about {number} {kind.replace('_', ' ')}"
        status, (_, announced, precision) = events[-1][0], events[0]
        return (
            (record_id, created, created, "[]", f"{KEY_PREFIX}pledge-{index}", self.country_parties.one())
            + (self.initiatives_skewed.one(), kind, qualifier, low, high, unit, text, "", status, announced)
            + (precision,)
        )

    def one_to_three(self):
        return self.rng.choices(ONE_TO_THREE, cum_weights=[65, 90, 100])[0]

    def condition_links(self):
        """Conditions as they bite in the seed: each initiative is held up by a few (the common ones, a UN mandate or
        rules of engagement, by most), and one pledge in twenty has one to three of its own."""
        links = []
        for initiative in self.initiative_ids:
            count = self.rng.choices(INITIATIVE_CONDITIONS, cum_weights=INITIATIVE_CONDITION_CUMULATIVE)[0]
            links += [(condition, None, initiative) for condition in self.conditions_skewed.distinct(count)]
        for pledge in self.rng.sample(self.pledge_ids, len(self.pledge_ids) // 20):
            links += [(condition, pledge, None) for condition in self.conditions_skewed.distinct(self.one_to_three())]
        first = self.ids.take(ConditionLink, len(links))
        self.write(
            ConditionLink,
            [
                (first + index, ENTERED_FROM, ENTERED_FROM, condition, pledge, initiative, None, None, None, None)
                + (self.cited_sources.one(), "")
                for index, (condition, pledge, initiative) in enumerate(links)
            ],
        )

    def statements(self):
        count, first = self.sizes.statements, self.ids.take(Statement, self.sizes.statements)
        self.speakers_skewed = Skewed(self.rng, self.person_ids, exponent=1.05)
        self.organizations_skewed = Skewed(self.rng, self.organization_ids)
        self.country_names = dict(Country.objects.values_list("id", "name"))
        self.party_countries = dict(Party.objects.filter(country__isnull=False).values_list("id", "country_id"))
        clock = Clock(count)
        for start in range(0, count, CHUNK):
            chunk = StatementChunk()
            for index in range(start, min(start + CHUNK, count)):
                self.statement(chunk, first + index, index, clock.at(index))
            self.write_chunk(chunk)
            self.report(f"statements: {min(start + CHUNK, count)} of {count}")

    def statement(self, chunk, record_id, index, created):
        rng = self.rng
        kind = rng.choices(STATEMENT_KINDS, cum_weights=STATEMENT_KIND_CUMULATIVE)[0]
        about = self.country_parties.one()
        country_name = self.country_names[self.party_countries[about]]
        number = rng.randint(2, 50) * 10
        language = "id" if rng.random() < 0.4 else "en"
        text = statement_text(rng, INDONESIAN if language == "id" else ENGLISH, country_name, number)
        translation = statement_text(rng, ENGLISH, country_name, number) if language == "id" and index % 2 else ""
        day, precision = self.happened(recent=3) if rng.random() < 0.9 else (None, "day")
        on_behalf_of = self.country_parties.one() if rng.random() < 0.1 else None
        spoken = language if rng.random() < 0.3 else ""
        chunk.statements.append(
            (record_id, created, created, f"{KEY_PREFIX}statement-{index}", kind, text, language, spoken)
            + ("own_words", translation, "editor" if translation else "", day, precision, on_behalf_of)
        )
        self.statement_links(chunk, record_id, created, about)

    def statement_links(self, chunk, record_id, created, about):
        rng = self.rng
        speakers = self.speakers_skewed.distinct(rng.choices(ONE_TO_THREE, cum_weights=[65, 95, 100])[0])
        for position, person in enumerate(speakers):
            if position == 0 and rng.random() < 0.2:
                chunk.speakers.append((record_id, created, None, self.organizations_skewed.one(), position))
            else:
                chunk.speakers.append((record_id, created, person, None, position))
        kinds = set(rng.choices(TARGET_KINDS, cum_weights=TARGET_CUMULATIVE, k=self.one_to_three()))
        for target_kind in kinds:
            chunk.targets.append(
                (record_id, created, target_kind, self.target(target_kind, about), rng.choice(STANCES))
            )
        for source in self.cited_sources.distinct(self.one_to_three()):
            chunk.sources.append((record_id, created, source))
        if rng.random() < 0.03:
            chunk.bases.append((record_id, created, self.parties_any.one()))

    def target(self, kind, about):
        if kind == "party":
            return about
        if kind == "pledge":
            return self.pledges_skewed.one()
        if kind == "condition":
            return self.conditions_skewed.one()
        return self.initiatives_skewed.one()

    def write_chunk(self, chunk):
        self.write(Statement, chunk.statements)
        first = self.ids.take(StatementSpeaker, len(chunk.speakers))
        self.write(
            StatementSpeaker,
            [
                (first + n, created, created, statement, person, organization, "", None, position)
                for n, (statement, created, person, organization, position) in enumerate(chunk.speakers)
            ],
        )
        first = self.ids.take(StatementTarget, len(chunk.targets))
        self.write(
            StatementTarget,
            [
                (first + n, created, created, statement, *target_columns(kind, target), stance)
                for n, (statement, created, kind, target, stance) in enumerate(chunk.targets)
            ],
        )
        first = self.ids.take(StatementSource, len(chunk.sources))
        self.write(
            StatementSource,
            [(first + n, c, c, statement, source, "") for n, (statement, c, source) in enumerate(chunk.sources)],
        )
        first = self.ids.take(StatementBasis, len(chunk.bases))
        self.write(
            StatementBasis,
            [
                (first + n, c, c, statement, party, "according to its tally")
                for n, (statement, c, party) in enumerate(chunk.bases)
            ],
        )

    # History and the change feed --------------------------------------------------------------------------------

    def history(self):
        """One creation version of every row written, dated when the row was entered."""
        for model, first_id in self.first_ids.items():
            historical = model.history.model
            names = columns(model)
            target = ", ".join(self.writer.quote(name) for name in names)
            self.writer.execute(
                f"INSERT INTO {self.writer.quote(historical._meta.db_table)} "
                f"({target}, history_date, history_change_reason, history_type, history_user_id) "
                f"SELECT {target}, created, %s, '+', NULL FROM {self.writer.quote(model._meta.db_table)} "
                "WHERE id >= %s ORDER BY id",
                [REASON, first_id],
            )
        self.report("history: written")

    def feed(self):
        """A create entry in the change feed for every record written, in the order they were entered."""
        selects, params = [], []
        for model in (Organization, Person, CountryGroup, Source, Initiative, Condition, Pledge, Statement):
            if model not in self.first_ids:
                continue
            collection = collection_of(model)
            lookup = "CAST(id AS VARCHAR(20))" if collection.lookup in {"pk", "id"} else collection.lookup
            selects.append(
                f"SELECT %s AS collection, {lookup} AS lookup, %s AS model, CAST(id AS VARCHAR(20)) AS object_id, "
                f"history_id, history_date, history_change_reason AS reason "
                f"FROM {self.writer.quote(model.history.model._meta.db_table)} WHERE id >= %s"
            )
            params += [collection.name, model._meta.label_lower, self.first_ids[model]]
        self.writer.execute(
            f"INSERT INTO {self.writer.quote(Change._meta.db_table)} "
            "(collection, lookup, action, model, object_id, history_id, history_date, reason) "
            "SELECT collection, lookup, 'create', model, object_id, history_id, history_date, reason "
            f"FROM ({' UNION ALL '.join(selects)}) AS records ORDER BY history_date, model, history_id",
            params,
        )
        self.report("change feed: written")


class StatementChunk:
    def __init__(self):
        self.statements, self.speakers, self.targets, self.sources, self.bases = [], [], [], [], []


def quantity_bounds(qualifier, number):
    if qualifier in {"exact", "approximate"}:
        return number, number
    if qualifier == "range":
        return number, number * 2
    if qualifier == "at_least":
        return number, None
    if qualifier == "up_to":
        return None, number
    return None, None


def target_columns(kind, target):
    """The party, pledge, condition and initiative columns of a statement target, one of them set."""
    return [target if kind == name else None for name in TARGET_KINDS]
