"""Factories that build records through the service functions, so tests see what the API and admin would write."""

import datetime

import factory

from commitments import models
from commitments.services.conditions import condition_create
from commitments.services.events import status_event_create
from commitments.services.initiatives import initiative_create
from commitments.services.parties import organization_create, party_for, person_create
from commitments.services.pledges import pledge_create
from commitments.services.sources import source_create
from commitments.services.statements import statement_create
from countries.models import Country, CountryGroup
from countries.services import country_group_create

SERVICES = {
    CountryGroup: country_group_create,
    models.Organization: organization_create,
    models.Person: person_create,
    models.Source: source_create,
    models.Initiative: initiative_create,
    models.Pledge: pledge_create,
    models.Condition: condition_create,
    models.Statement: statement_create,
}


class ServiceFactory(factory.django.DjangoModelFactory):
    """A factory whose `_create` calls the model's create service."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return SERVICES[model_class](**kwargs)


class CountryGroupFactory(ServiceFactory):
    class Meta:
        model = CountryGroup

    slug = factory.Sequence(lambda n: f"group-{n}")
    name = factory.Sequence(lambda n: f"Group {n}")


class OrganizationFactory(ServiceFactory):
    class Meta:
        model = models.Organization

    slug = factory.Sequence(lambda n: f"organization-{n}")
    name = factory.Sequence(lambda n: f"Organization {n}")
    kind = "other"


class PersonFactory(ServiceFactory):
    class Meta:
        model = models.Person

    slug = factory.Sequence(lambda n: f"person-{n}")
    name = factory.Sequence(lambda n: f"Person {n}")


class SourceFactory(ServiceFactory):
    class Meta:
        model = models.Source

    title = factory.Sequence(lambda n: f"Report {n}")
    language = "en"
    kind = "news_report"
    published = datetime.date(2025, 10, 24)


class InitiativeFactory(ServiceFactory):
    class Meta:
        model = models.Initiative

    slug = factory.Sequence(lambda n: f"initiative-{n}")
    name = factory.Sequence(lambda n: f"Initiative {n}")


def country(iso3):
    return Country.objects.get(iso3=iso3)


class PledgeFactory(ServiceFactory):
    class Meta:
        model = models.Pledge

    party = factory.LazyFunction(lambda: party_for(country=country("IDN")))
    initiative = factory.SubFactory(InitiativeFactory)
    kind = "troops"
    sources = factory.LazyFunction(lambda: [SourceFactory()])


class ConditionFactory(ServiceFactory):
    class Meta:
        model = models.Condition

    slug = factory.Sequence(lambda n: f"condition-{n}")
    name = factory.Sequence(lambda n: f"Condition {n}")


class StatementFactory(ServiceFactory):
    class Meta:
        model = models.Statement

    kind = "quote"
    text = factory.Sequence(lambda n: f"Pernyataan {n}")
    language = "id"
    date = datetime.date(2025, 10, 24)
    sources = factory.LazyFunction(lambda: [SourceFactory()])


def add_event(record, status, date=datetime.date(2025, 10, 24), precision="day", sources=None, statements=()):
    """A status event on `record`, citing a new source unless `sources` is given."""
    return status_event_create(
        record,
        status=status,
        date=date,
        date_precision=precision,
        sources=sources or [SourceFactory()],
        statements=statements,
    )
