"""The statements list's query parameters (docs/api.md, "Filters"): each filter keeps what it says, a malformed
value is a 400; and its own orderings. Paging and the refusals every list shares are in
tests/test_collection_lists.py."""

import datetime

import pytest
from django.db import connection
from django.db.models import Max
from django.test import override_settings
from django.urls import reverse

from commitments.models import ConditionLink, Pledge, Source, StatementBasis, StatementSpeaker, StatementTarget
from commitments.services.events import status_event_create
from commitments.services.parties import party_for
from tests.factories import (
    ConditionFactory,
    CountryGroupFactory,
    InitiativeFactory,
    OrganizationFactory,
    PersonFactory,
    PledgeFactory,
    SourceFactory,
    StatementFactory,
    country,
)
from tests.helpers import assert_problem, results

pytestmark = pytest.mark.django_db

PARTIES = ("country", "country_group", "organization")


def list_url():
    return reverse("v1:statement-list")


def found(client, **params):
    return [row["id"] for row in results(client.get(list_url(), params))]


def target(stance="", **record):
    ((name, value),) = record.items()
    if name in PARTIES:
        return StatementTarget(party=party_for(**{name: value}), stance=stance)
    return StatementTarget(**{name: value}, stance=stance)


def about(stance="", **record):
    """A statement with one target, e.g. `about(country=turkey)` or `about("supports", pledge=pledge)`."""
    return StatementFactory(targets=[target(stance, **record)])


def by(**speaker):
    return StatementFactory(speakers=[StatementSpeaker(**speaker)])


def pledge_by(iso3, **fields):
    return PledgeFactory(party=party_for(country=country(iso3)), **fields)


def unused_id(model):
    return (model.objects.aggregate(top=Max("id"))["top"] or 0) + 1


def test_speaker_keeps_statements_by_that_person(api_client):
    vance, rubio = PersonFactory(), PersonFactory()
    hit, _miss = by(person=vance), by(person=rubio)
    assert found(api_client, speaker=vance.slug) == [hit.id]


def test_organization_keeps_statements_by_the_organization_itself(api_client):
    hamas = OrganizationFactory()
    hit, _miss = by(organization=hamas), by(organization=OrganizationFactory())
    assert found(api_client, organization=hamas.slug) == [hit.id]


def test_organization_keeps_statements_by_people_affiliated_with_it(api_client):
    hamas = OrganizationFactory()
    hit, _miss = by(person=PersonFactory(organization=hamas)), by(person=PersonFactory())
    assert found(api_client, organization=hamas.slug) == [hit.id]


def test_organization_keeps_statements_spoken_for_it(api_client):
    hamas = OrganizationFactory()
    hit = StatementFactory(on_behalf_of=party_for(organization=hamas))
    about(organization=hamas)
    assert found(api_client, organization=hamas.slug) == [hit.id]


def test_country_keeps_statements_spoken_for_that_country(api_client):
    hit = StatementFactory(on_behalf_of=party_for(country=country("TUR")))
    about(country=country("TUR"))
    assert found(api_client, country="TUR") == [hit.id]


def test_about_country_keeps_statements_about_the_country_itself(api_client):
    hit = about(country=country("TUR"))
    StatementFactory(on_behalf_of=party_for(country=country("TUR")))
    about(country=country("IDN"))
    assert found(api_client, about_country="TUR") == [hit.id]


def test_about_country_keeps_statements_about_its_pledges(api_client):
    hit, _miss = about(pledge=pledge_by("TUR")), about(pledge=pledge_by("IDN"))
    assert found(api_client, about_country="TUR") == [hit.id]


@pytest.mark.parametrize(
    "param, party_field, factory",
    [
        ("about_group", "country_group", CountryGroupFactory),
        ("about_organization", "organization", OrganizationFactory),
    ],
)
def test_about_a_group_or_organization_keeps_statements_about_it_or_its_pledges(
    api_client, param, party_field, factory
):
    party = factory()
    itself = about(**{party_field: party})
    pledge = about(pledge=PledgeFactory(party=party_for(**{party_field: party})))
    about(**{party_field: factory()})
    assert found(api_client, **{param: party.slug}) == [itself.id, pledge.id]


@pytest.mark.parametrize("few", [1, 10_000])
def test_a_target_filter_keeps_the_same_statements_whether_they_are_few_or_many(api_client, monkeypatch, few):
    """Up to FEW_STATEMENTS matches are read first and then named by id (on PostgreSQL); more, by a subquery."""
    monkeypatch.setattr("commitments.querysets.filtering.FEW_STATEMENTS", few)
    hits = [about(country=country("TUR")), about(pledge=pledge_by("TUR")), about(country=country("TUR"))]
    about(pledge=pledge_by("IDN"))
    first = results(api_client.get(list_url(), {"about_country": "TUR", "page_size": 2}))
    body = api_client.get(list_url(), {"about_country": "TUR", "page_size": 2, "page": 2}).json()
    assert [row["id"] for row in first + body["results"]] == [hit.id for hit in hits] and body["count"] == 3


@override_settings(API_EXACT_COUNT_LIMIT=2)
def test_a_target_filter_that_read_its_matches_counts_them_exactly_beyond_the_limit(api_client):
    """On PostgreSQL the matches of a target filter are read once; its count is then theirs, exact beyond the limit
    to which other lists count, and its pages, either way round, come from them without asking again."""
    hits = [about(country=country("TUR")) for _ in range(3)] + [about(pledge=pledge_by("TUR")) for _ in range(2)]
    about(country=country("IDN"))
    ids = [hit.id for hit in hits]
    pages = [
        api_client.get(list_url(), {"about_country": "TUR", "page_size": 2, "page": page, "ordering": order}).json()
        for order in ("id", "-id")
        for page in (1, 2, 3)
    ]
    assert [row["id"] for page in pages for row in page["results"]] == ids + ids[::-1]
    if connection.vendor == "postgresql":
        assert all(page["count"] == 5 and page["count_exact"] is True for page in pages)
        assert pages[1]["next"] and pages[1]["previous"] and pages[2]["next"] is None
    else:
        assert all(page["count_exact"] is False for page in pages)


def test_pledge_keeps_statements_about_that_pledge(api_client):
    pledge = pledge_by("IDN")
    hit, _miss = about(pledge=pledge), about(pledge=pledge_by("IDN"))
    assert found(api_client, pledge=str(pledge.id)) == [hit.id]


def test_condition_keeps_statements_about_the_condition(api_client):
    mandate = ConditionFactory()
    hit, _miss = about(condition=mandate), about(condition=ConditionFactory())
    assert found(api_client, condition=mandate.slug) == [hit.id]


def test_condition_keeps_statements_cited_as_evidence_of_its_links(api_client):
    hit, _miss = StatementFactory(), StatementFactory()
    mandate = ConditionFactory(links=[ConditionLink(initiative=InitiativeFactory(), statement=hit)])
    assert found(api_client, condition=mandate.slug) == [hit.id]


def test_condition_keeps_statements_cited_as_evidence_of_its_events(api_client):
    hit, _miss = StatementFactory(), StatementFactory()
    mandate = ConditionFactory()
    status_event_create(mandate, status="unresolved", date=datetime.date(2025, 10, 24), statements=[hit])
    assert found(api_client, condition=mandate.slug) == [hit.id]


def test_initiative_keeps_statements_about_the_initiative_or_its_pledges(api_client):
    isf = InitiativeFactory()
    itself = about(initiative=isf)
    pledge = about(pledge=pledge_by("IDN", initiative=isf))
    about(pledge=pledge_by("IDN"))
    assert found(api_client, initiative=isf.slug) == [itself.id, pledge.id]


def test_stance_keeps_statements_with_a_target_of_that_stance(api_client):
    hit, _miss = about("opposes", country=country("TUR")), about("supports", country=country("TUR"))
    assert found(api_client, stance="opposes") == [hit.id]


def supports_indonesia_and_opposes_turkey():
    """Vance's and Netanyahu's positions in one statement, each stance on its own target."""
    return StatementFactory(
        targets=[target("supports", pledge=pledge_by("IDN")), target("opposes", pledge=pledge_by("TUR"))]
    )


def test_stance_with_about_country_ignores_the_stance_on_another_target(api_client):
    supports_indonesia_and_opposes_turkey()
    assert found(api_client, about_country="TUR", stance="supports") == []


def test_stance_with_about_country_matches_the_stance_on_that_country(api_client):
    statement = supports_indonesia_and_opposes_turkey()
    assert found(api_client, about_country="TUR", stance="opposes") == [statement.id]


def test_kind_keeps_statements_of_those_kinds(api_client):
    hit = StatementFactory(kind="declined_to_comment", text="")
    StatementFactory(kind="quote")
    assert found(api_client, kind="declined_to_comment,no_response") == [hit.id]


def test_language_keeps_statements_in_those_languages(api_client):
    hit, _miss = StatementFactory(language="en"), StatementFactory(language="id")
    assert found(api_client, language="en,ar") == [hit.id]


def test_an_invalid_language_tag_is_a_400_naming_language(api_client):
    assert_problem(api_client.get(list_url(), {"language": "xx-!!"}), 400, "language")


def test_stated_after_keeps_a_statement_dated_by_a_week_that_ends_after_the_day(api_client):
    week = StatementFactory(date=datetime.date(2025, 10, 24), date_precision="week")
    StatementFactory(date=datetime.date(2025, 10, 21), date_precision="day")
    assert found(api_client, stated_after="2025-10-22") == [week.id]


def test_stated_before_keeps_a_statement_dated_by_a_month_that_starts_before_the_day(api_client):
    month = StatementFactory(date=datetime.date(2025, 10, 24), date_precision="month")
    StatementFactory(date=datetime.date(2025, 10, 16), date_precision="day")
    assert found(api_client, stated_before="2025-10-15") == [month.id]


def reported_on(*days, precision="day"):
    """An undated statement citing a source published on each of `days`."""
    sources = [SourceFactory(published=day, published_precision=precision) for day in days]
    return StatementFactory(date=None, sources=sources)


def test_reported_after_keeps_statements_whose_earliest_source_ends_on_or_after_the_day(api_client):
    week = reported_on(datetime.date(2025, 10, 20), precision="week")
    reported_on(datetime.date(2025, 10, 21))
    assert found(api_client, reported_after="2025-10-22") == [week.id]


def test_reported_before_reads_the_earliest_cited_source(api_client):
    early = reported_on(datetime.date(2025, 10, 24), datetime.date(2025, 10, 10))
    reported_on(datetime.date(2025, 10, 24))
    assert found(api_client, reported_before="2025-10-15") == [early.id]


def test_statements_order_by_reported_when_asked(api_client):
    late, early = reported_on(datetime.date(2025, 10, 24)), reported_on(datetime.date(2025, 10, 1))
    assert found(api_client, ordering="reported") == [early.id, late.id]
    assert found(api_client, ordering="-reported") == [late.id, early.id]


def test_according_to_filters_keep_statements_reported_according_to_those_parties(api_client):
    officials = OrganizationFactory()
    health = StatementFactory(according_to=[StatementBasis(party=party_for(organization=officials))])
    tally = StatementFactory(according_to=[StatementBasis(party=party_for(country=country("ISR")))])
    by(organization=officials)
    assert found(api_client, according_to_organization=officials.slug) == [health.id]
    assert found(api_client, according_to_country="ISR") == [tally.id]


def test_source_keeps_statements_citing_those_sources(api_client):
    reuters = SourceFactory()
    hit, _miss = StatementFactory(sources=[reuters]), StatementFactory()
    assert found(api_client, source=str(reuters.id)) == [hit.id]


def test_publisher_keeps_statements_citing_sources_of_that_publisher(api_client):
    reuters = OrganizationFactory()
    hit = StatementFactory(sources=[SourceFactory(publisher=reuters)])
    by(organization=reuters)
    assert found(api_client, publisher=reuters.slug) == [hit.id]


@pytest.mark.parametrize(
    "fields",
    [{"text": "Pasukan stabilisasi"}, {"translation": "the stabilization force", "translation_by": "editor"}],
    ids=["text", "translation"],
)
def test_search_matches_text_and_translation(api_client, fields):
    hit, _miss = StatementFactory(**fields), StatementFactory()
    assert found(api_client, search="stabili") == [hit.id]


def test_search_matches_speakers_names_and_descriptions(api_client):
    named = by(person=PersonFactory(name="Marco Rubio"))
    anonymous = by(person=PersonFactory(name="", description="a Hamas spokesperson"))
    by(person=PersonFactory(name="JD Vance"))
    assert found(api_client, search="rubio") == [named.id]
    assert found(api_client, search="spokesperson") == [anonymous.id]


def test_search_lists_a_statement_once_when_several_speakers_match(api_client):
    statement = StatementFactory(
        speakers=[StatementSpeaker(person=PersonFactory(name=f"Diplomat {n}")) for n in range(2)]
    )
    assert found(api_client, search="diplomat") == [statement.id]


def test_statements_order_by_date_when_asked(api_client):
    late, early = StatementFactory(date=datetime.date(2025, 10, 24)), StatementFactory(date=datetime.date(2025, 10, 1))
    assert found(api_client, ordering="date") == [early.id, late.id]
    assert found(api_client, ordering="-date") == [late.id, early.id]


@pytest.mark.parametrize(
    "param, value",
    [
        ("speaker", "no-such-person"),
        ("organization", "no-such-organization"),
        ("country", "ZZZ"),
        ("about_country", "TUR,QQ"),
        ("about_group", "no-such-group"),
        ("about_organization", "no-such-organization"),
        ("pledge", "twelve"),
        ("condition", "no-such-condition"),
        ("initiative", "no-such-initiative"),
        ("stance", "angry"),
        ("kind", "rumour"),
        ("stated_after", "2025-13-40"),
        ("stated_before", "last week"),
        ("source", "reuters"),
        ("publisher", "no-such-publisher"),
    ],
)
def test_a_malformed_filter_value_is_a_400_naming_the_parameter(api_client, param, value):
    StatementFactory()
    assert_problem(api_client.get(list_url(), {param: value}), 400, param)


@pytest.mark.parametrize("param, model", [("pledge", Pledge), ("source", Source)])
def test_an_id_no_record_has_is_a_400_naming_the_parameter(api_client, param, model):
    StatementFactory()
    response = api_client.get(list_url(), {param: str(unused_id(model))})
    assert_problem(response, 400, param)


def test_two_about_filters_may_match_two_different_targets(api_client):
    group = CountryGroupFactory()
    turkey = party_for(country=country("TUR"))
    both = StatementFactory(
        targets=[StatementTarget(party=turkey, stance="opposes"), StatementTarget(party=party_for(country_group=group))]
    )
    StatementFactory(targets=[StatementTarget(party=turkey)])
    assert found(api_client, about_country="TUR", about_group=group.slug) == [both.id]
