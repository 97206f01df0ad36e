"""Every collection of the API, described for the tests of what all of them do alike."""

from dataclasses import dataclass
from itertools import product
from string import ascii_uppercase

from django.urls import reverse

from commitments import models
from commitments.services.parties import party_for
from countries.models import Country, CountryGroup
from tests import factories


def free_country_codes(count):
    """`count` (iso2, iso3) pairs that no loaded country uses."""
    taken = set(Country.objects.values_list("iso2", flat=True))
    free = ("".join(pair) for pair in product(ascii_uppercase, repeat=2) if "".join(pair) not in taken)
    return [(iso2, f"Q{iso2}") for iso2, _ in zip(free, range(count), strict=False)]


def bulk_countries(count):
    Country.objects.bulk_create(Country(iso2=iso2, iso3=iso3, name=iso3) for iso2, iso3 in free_country_codes(count))


def bulk_pledges(count):
    party, initiative = party_for(country=factories.country("IDN")), factories.InitiativeFactory()
    models.Pledge.objects.bulk_create(
        models.Pledge(key=f"p-{n}", party=party, initiative=initiative, kind="troops") for n in range(count)
    )


def bulk_of(model, **fields):
    """Creates `count` rows of `model` at once, each field a template that `n` fills in."""

    def create(count):
        model.objects.bulk_create(
            model(**{name: value.format(n=n) for name, value in fields.items()}) for n in range(count)
        )

    return create


@dataclass(frozen=True)
class Collection:
    basename: str
    model: type
    add: object  # add(count) creates that many records through the services
    bulk: object  # bulk(count) creates that many rows at once
    unknown_ordering: str  # a field the list does not order by
    other_ordering: str  # a field besides `id` that it does order by
    lookup: str = "id"  # the field of a row that names its record

    def __str__(self):
        return self.basename

    @property
    def url(self):
        return reverse(f"v1:{self.basename}-list")

    def lookups(self, ordering="id"):
        return list(self.model.objects.order_by(ordering).values_list(self.lookup, flat=True))

    def lookups_of(self, rows):
        return [row[self.lookup] for row in rows]

    def record(self):
        """A record of the collection: the newest, after adding one."""
        self.add(1)
        return self.model.objects.order_by("-id").first()

    def detail_url(self, record):
        return reverse(f"v1:{self.basename}-detail", args=[getattr(record, self.lookup)])

    def state(self):
        """What a refused write must leave as it was: every row's lookup and last change, and the history."""
        return list(self.model.objects.order_by("id").values_list(self.lookup, "updated")), self.model.history.count()


COLLECTIONS = [
    Collection("country", Country, lambda count: None, bulk_countries, "created_by", "name", "iso3"),
    Collection(
        "countrygroup",
        CountryGroup,
        factories.CountryGroupFactory.create_batch,
        bulk_of(CountryGroup, slug="g-{n}", name="G {n}"),
        "members",
        "name",
        "slug",
    ),
    Collection(
        "organization",
        models.Organization,
        factories.OrganizationFactory.create_batch,
        bulk_of(models.Organization, slug="o-{n}", name="O {n}", kind="other"),
        "-acronym",
        "name",
        "slug",
    ),
    Collection(
        "person",
        models.Person,
        factories.PersonFactory.create_batch,
        bulk_of(models.Person, slug="p-{n}", name="P {n}"),
        "organization",
        "name",
        "slug",
    ),
    Collection(
        "source",
        models.Source,
        factories.SourceFactory.create_batch,
        bulk_of(models.Source, title="S {n}", language="en", kind="news_report"),
        "author",
        "title",
    ),
    Collection(
        "initiative",
        models.Initiative,
        factories.InitiativeFactory.create_batch,
        bulk_of(models.Initiative, slug="i-{n}", name="I {n}"),
        "lead",
        "name",
        "slug",
    ),
    Collection("pledge", models.Pledge, factories.PledgeFactory.create_batch, bulk_pledges, "party", "kind"),
    Collection(
        "condition",
        models.Condition,
        factories.ConditionFactory.create_batch,
        bulk_of(models.Condition, slug="c-{n}", name="C {n}"),
        "description",
        "name",
        "slug",
    ),
    Collection(
        "statement",
        models.Statement,
        factories.StatementFactory.create_batch,
        bulk_of(models.Statement, key="s-{n}", kind="quote", text="T {n}", language="id"),
        "text",
        "date",
    ),
]
