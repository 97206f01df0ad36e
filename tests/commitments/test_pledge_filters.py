"""Every pledge filter of docs/api.md ("Filters"), with its semantics, and a 400 naming the parameter for each
malformed value."""

import datetime

import pytest
from django.urls import reverse

from commitments.models import ConditionLink, Pledge
from commitments.services.parties import party_for
from countries.services import country_group_create
from tests.factories import (
    ConditionFactory,
    CountryGroupFactory,
    InitiativeFactory,
    OrganizationFactory,
    PledgeFactory,
    SourceFactory,
    add_event,
    country,
)
from tests.helpers import assert_problem, results

pytestmark = pytest.mark.django_db

LIST = reverse("v1:pledge-list")


def found(client, **params):
    """The ids of the pledges the list answers with these query parameters."""
    return {row["id"] for row in results(client.get(LIST, params))}


def by(iso3, **fields):
    return PledgeFactory(party=party_for(country=country(iso3)), **fields)


def quantity(qualifier, low=None, high=None, unit="persons", kind="troops"):
    return PledgeFactory(
        kind=kind, quantity_qualifier=qualifier, quantity_low=low, quantity_high=high, quantity_unit=unit
    )


@pytest.mark.parametrize("code", ["IDN", "idn", "ID", "id"])
def test_country_takes_alpha_3_or_alpha_2_in_any_case(api_client, code):
    indonesia = by("IDN")
    by("TUR")
    assert found(api_client, country=code) == {indonesia.pk}


def test_country_takes_a_comma_separated_list(api_client):
    indonesia, turkey = by("IDN"), by("TUR")
    by("EGY")
    assert found(api_client, country="IDN,tr") == {indonesia.pk, turkey.pk}


def test_group_keeps_pledges_by_the_group_and_by_its_members(api_client):
    group = country_group_create(slug="gulf-states", name="Gulf states", members=[country("QAT")])
    own = PledgeFactory(party=party_for(country_group=group))
    member = by("QAT")
    by("IDN")
    assert found(api_client, group=group.slug) == {own.pk, member.pk}


def test_organization_keeps_that_organizations_pledges(api_client):
    organization = OrganizationFactory()
    kept = PledgeFactory(party=party_for(organization=organization))
    PledgeFactory(party=party_for(organization=OrganizationFactory()))
    assert found(api_client, organization=organization.slug) == {kept.pk}


def test_initiative_keeps_pledges_to_it(api_client):
    kept = PledgeFactory()
    PledgeFactory()
    assert found(api_client, initiative=kept.initiative.slug) == {kept.pk}


def test_kind_keeps_any_of_the_kinds(api_client):
    troops, police = PledgeFactory(kind="troops"), PledgeFactory(kind="police")
    PledgeFactory(kind="trainers")
    assert found(api_client, kind="troops,police") == {troops.pk, police.pk}


def test_status_keeps_pledges_whose_latest_event_has_it(api_client):
    committed, withdrawn = PledgeFactory(), PledgeFactory()
    add_event(committed, "possible", date=datetime.date(2025, 10, 1))
    add_event(committed, "committed", date=datetime.date(2025, 10, 20))
    add_event(withdrawn, "committed", date=datetime.date(2025, 10, 1))
    add_event(withdrawn, "withdrawn", date=datetime.date(2025, 10, 20))
    assert found(api_client, status="committed") == {committed.pk}


def test_condition_keeps_pledges_it_holds_up_directly(api_client):
    held = PledgeFactory()
    by("TUR", initiative=held.initiative)
    condition = ConditionFactory(links=[ConditionLink(pledge=held, source=SourceFactory())])
    assert found(api_client, condition=condition.slug) == {held.pk}


def test_condition_keeps_every_pledge_to_the_initiative_it_holds_up(api_client):
    first = PledgeFactory()
    second = by("TUR", initiative=first.initiative)
    PledgeFactory()
    condition = ConditionFactory(links=[ConditionLink(initiative=first.initiative, source=SourceFactory())])
    assert found(api_client, condition=condition.slug) == {first.pk, second.pk}


def test_condition_keeps_pledges_of_the_party_whose_participation_it_holds_up(api_client):
    indonesia = by("IDN")
    by("TUR", initiative=indonesia.initiative)
    by("IDN")
    link = ConditionLink(initiative=indonesia.initiative, party=indonesia.party, source=SourceFactory())
    condition = ConditionFactory(links=[link])
    assert found(api_client, condition=condition.slug) == {indonesia.pk}


def test_unit_keeps_pledges_counted_in_that_unit(api_client):
    dollars = quantity("exact", 1000, 1000, unit="USD", kind="funding")
    quantity("exact", 1000, 1000, unit="EUR", kind="funding")
    quantity("exact", 1000, 1000)
    assert found(api_client, unit="USD") == {dollars.pk}


def test_quantity_min_keeps_ranges_that_can_reach_it(api_client):
    reaching = quantity("range", 100, 300)
    exact = quantity("exact", 250, 250)
    quantity("range", 50, 150)
    quantity("approximate", 200, 200)
    assert found(api_client, quantity_min=250) == {reaching.pk, exact.pk}


def test_quantity_max_keeps_ranges_that_can_stay_within_it(api_client):
    staying = quantity("range", 100, 300)
    exact = quantity("exact", 150, 150)
    quantity("range", 200, 400)
    assert found(api_client, quantity_max=150) == {staying.pk, exact.pk}


def test_at_least_matches_any_quantity_min(api_client):
    thousands = quantity("at_least", 1000)
    assert found(api_client, quantity_min=1_000_000) == {thousands.pk}


def test_at_least_matches_quantity_max_only_from_its_low_bound(api_client):
    thousands = quantity("at_least", 1000)
    assert (found(api_client, quantity_max=999), found(api_client, quantity_max=1000)) == (set(), {thousands.pk})


def test_up_to_matches_any_quantity_max(api_client):
    up_to = quantity("up_to", high=500)
    assert found(api_client, quantity_max=0) == {up_to.pk}


def test_up_to_matches_quantity_min_only_up_to_its_high_bound(api_client):
    up_to = quantity("up_to", high=500)
    assert (found(api_client, quantity_min=501), found(api_client, quantity_min=500)) == (set(), {up_to.pk})


def test_unspecified_quantity_matches_neither_min_nor_max(api_client):
    quantity("unspecified")
    assert (found(api_client, quantity_min=0), found(api_client, quantity_max=1_000_000)) == (set(), set())


def test_quantity_min_without_unit_does_not_count_currencies_as_persons(api_client):
    persons = quantity("exact", 500, 500)
    quantity("exact", 500, 500, unit="USD", kind="funding")
    assert found(api_client, quantity_min=100) == {persons.pk}


def test_quantity_min_with_unit_counts_in_that_unit(api_client):
    dollars = quantity("range", 1_000_000, 5_000_000, unit="USD", kind="funding")
    quantity("range", 1_000_000, 5_000_000)
    assert found(api_client, quantity_min=2_000_000, unit="USD") == {dollars.pk}


@pytest.fixture
def week_of_20_october(db):
    """A pledge whose first event is dated "the week of 20 October 2025"."""
    pledge = PledgeFactory()
    add_event(pledge, "possible", date=datetime.date(2025, 10, 24), precision="week")
    return pledge


def test_announced_after_a_day_inside_the_week_finds_it(api_client, week_of_20_october):
    assert found(api_client, announced_after="2025-10-22") == {week_of_20_october.pk}


def test_announced_before_a_day_inside_the_week_finds_it(api_client, week_of_20_october):
    assert found(api_client, announced_before="2025-10-22") == {week_of_20_october.pk}


def test_announced_after_the_week_ends_does_not_find_it(api_client, week_of_20_october):
    assert found(api_client, announced_after="2025-10-27") == set()


def test_announced_before_the_week_starts_does_not_find_it(api_client, week_of_20_october):
    assert found(api_client, announced_before="2025-10-19") == set()


def test_announced_after_the_last_day_of_a_month_finds_a_pledge_of_that_month(api_client):
    october = PledgeFactory()
    add_event(october, "possible", date=datetime.date(2025, 10, 1), precision="month")
    assert (found(api_client, announced_after="2025-10-31"), found(api_client, announced_after="2025-11-01")) == (
        {october.pk},
        set(),
    )


def test_announced_is_the_date_of_the_first_event(api_client):
    pledge = PledgeFactory()
    add_event(pledge, "committed", date=datetime.date(2025, 10, 24))
    add_event(pledge, "possible", date=datetime.date(2025, 9, 1))
    assert found(api_client, announced_before="2025-09-30") == {pledge.pk}


def test_updated_since_keeps_pledges_changed_at_or_after_the_timestamp(api_client):
    old, recent = PledgeFactory(), PledgeFactory()
    Pledge.objects.filter(pk=old.pk).update(updated=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC))
    Pledge.objects.filter(pk=recent.pk).update(updated=datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC))
    assert found(api_client, updated_since="2025-03-01T00:00:00Z") == {recent.pk}


def test_source_keeps_pledges_citing_it_themselves_or_through_their_events(api_client):
    source = SourceFactory()
    cited, evidenced = PledgeFactory(sources=[source]), PledgeFactory()
    add_event(evidenced, "possible", sources=[source])
    PledgeFactory()
    assert found(api_client, source=source.pk) == {cited.pk, evidenced.pk}


def test_search_matches_the_partys_name(api_client):
    turkey = by("TUR")
    by("IDN")
    assert found(api_client, search=country("TUR").name) == {turkey.pk}


def test_search_matches_the_description_and_the_quantitys_words(api_client):
    described = PledgeFactory(description="Batalyon zeni")
    worded = PledgeFactory(quantity_text="sejumlah kecil perwira")
    PledgeFactory()
    assert (found(api_client, search="zeni"), found(api_client, search="sejumlah")) == ({described.pk}, {worded.pk})


def test_filters_combine(api_client):
    kept = by("IDN", kind="police")
    by("IDN", kind="troops")
    by("TUR", kind="police")
    assert found(api_client, country="IDN", kind="police") == {kept.pk}


@pytest.mark.parametrize(
    "param, value",
    [
        ("country", "ZZZ"),
        ("country", "IDN,XX"),
        ("group", "no-such-group"),
        ("organization", "no-such-organization"),
        ("initiative", "no-such-initiative"),
        ("condition", "no-such-condition"),
        ("source", "abc"),
        ("kind", "bogus"),
        ("status", "bogus"),
        ("status", "met"),
        ("unit", "XYZ"),
        ("quantity_min", "-1"),
        ("quantity_min", "abc"),
        ("quantity_max", "-1"),
        ("announced_after", "2025-13-45"),
        ("announced_before", "yesterday"),
        ("updated_since", "2025-13-45T00:00:00Z"),
    ],
)
def test_a_malformed_value_is_a_400_naming_the_parameter(api_client, param, value):
    PledgeFactory()
    assert_problem(api_client.get(LIST, {param: value}), 400, param)


def test_an_unknown_source_id_is_a_400_naming_source(api_client):
    source = SourceFactory()
    missing = source.pk
    source.delete()
    assert_problem(api_client.get(LIST, {"source": missing}), 400, "source")


def test_a_group_without_members_keeps_only_its_own_pledges(api_client):
    group = CountryGroupFactory()
    own = PledgeFactory(party=party_for(country_group=group))
    by("IDN")
    assert found(api_client, group=group.slug) == {own.pk}


def test_initiative_takes_a_comma_separated_list(api_client):
    first, second = PledgeFactory(initiative=InitiativeFactory()), PledgeFactory()
    PledgeFactory()
    slugs = f"{first.initiative.slug},{second.initiative.slug}"
    assert found(api_client, initiative=slugs) == {first.pk, second.pk}
