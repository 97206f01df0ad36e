"""`/pledges/summary/`: counts and sums of quantity bounds per group and unit, equal to what the list's rows add up
to, never across units; "at least" leaves the high sum open; unspecified quantities are counted apart."""

import datetime
from collections import defaultdict

import pytest
from django.urls import reverse
from django.utils import timezone

from commitments.models import ConditionLink
from commitments.services.parties import party_for
from commitments.services.pledges import pledge_update
from countries.services import country_group_create
from tests.factories import (
    ConditionFactory,
    InitiativeFactory,
    OrganizationFactory,
    PledgeFactory,
    SourceFactory,
    add_event,
    country,
)
from tests.helpers import assert_problem, assert_queries_flat, walk

pytestmark = pytest.mark.django_db

SUMMARY = reverse("v1:pledge-summary")
PLEDGES = reverse("v1:pledge-list")
QUANTITIES = {
    "exact": (200, 200),
    "approximate": (150, 150),
    "range": (1000, 2000),
    "at_least": (500, None),
    "up_to": (None, 800),
    "unspecified": (None, None),
}


QUANTITY_COLUMNS = ("quantity_low", "quantity_high", "quantity_high_open")


def pledge(qualifier="exact", iso3="IDN", unit="persons", kind="troops", **fields):
    low, high = fields.pop("bounds", QUANTITIES[qualifier])
    party = fields.pop("party", None) or party_for(country=country(iso3))
    return PledgeFactory(
        party=party,
        kind=kind,
        quantity_qualifier=qualifier,
        quantity_low=low,
        quantity_high=high,
        quantity_unit=unit,
        **fields,
    )


def funding(amount, unit, iso3="IDN"):
    return pledge("exact", iso3, unit=unit, kind="funding", bounds=(amount, amount))


def summary(client, group_by="", **params):
    response = client.get(SUMMARY, {"group_by": group_by, **params} if group_by else params)
    assert response.status_code == 200, response.content
    return response.json()


def by_key(groups, *columns):
    return {tuple(group[column] for column in columns): group for group in groups}


def expected_from_rows(rows, key):
    """What a summary grouped by `key(row)` and unit must say, added up here from the list's rows."""
    expected = defaultdict(lambda: {"count": 0, "unspecified_count": 0, "low": 0, "high": 0, "open": False})
    for row in rows:
        quantity = row["quantity"]
        group = expected[(key(row), quantity["unit"])]
        group["count"] += 1
        if quantity["qualifier"] == "unspecified":
            group["unspecified_count"] += 1
            continue
        group["low"] += quantity["low"] or 0
        group["open"] |= quantity["high"] is None
        group["high"] += quantity["high"] or 0
    return {
        group_key: {
            "count": group["count"],
            "unspecified_count": group["unspecified_count"],
            "quantity_low": group["low"] if group["count"] > group["unspecified_count"] else None,
            "quantity_high": None if group["open"] or group["count"] == group["unspecified_count"] else group["high"],
            "quantity_high_open": group["open"],
        }
        for group_key, group in expected.items()
    }


def sums(group):
    return {name: group[name] for name in ("count", "unspecified_count", "quantity_low", "quantity_high")} | {
        "quantity_high_open": group["quantity_high_open"]
    }


@pytest.fixture
def mixed():
    """Pledges of every qualifier, in persons and two currencies, by three countries to two initiatives."""
    gaza, sudan = InitiativeFactory(slug="gaza"), InitiativeFactory(slug="sudan")
    for qualifier in QUANTITIES:
        pledge(qualifier, "IDN", initiative=gaza)
    pledge("range", "TUR", initiative=gaza)
    pledge("exact", "TUR", initiative=sudan, bounds=(3000, 3000))
    pledge("up_to", "EGY", initiative=sudan, kind="police")
    funding(5_000_000, "USD", "TUR")
    funding(2_000_000, "EUR", "TUR")
    funding(1_000_000, "USD", "EGY")


def test_sums_by_country_equal_the_sums_of_the_list_rows(api_client, mixed):
    expected = expected_from_rows(walk(api_client, PLEDGES), lambda row: row["country"]["iso3"])
    groups = summary(api_client, "country")
    assert {key: sums(group) for key, group in by_key(groups, "country", "unit").items()} == expected


def test_sums_by_initiative_and_kind_equal_the_sums_of_the_list_rows(api_client, mixed):
    rows = walk(api_client, PLEDGES)
    expected = expected_from_rows(rows, lambda row: (row["initiative"]["slug"], row["kind"]))
    groups = by_key(summary(api_client, "initiative,kind"), "initiative", "kind", "unit")
    assert {((slug, kind), unit): sums(group) for (slug, kind, unit), group in groups.items()} == expected


def test_units_are_never_added_together(api_client):
    pledge("exact", bounds=(100, 100))
    funding(5_000_000, "USD")
    funding(3_000_000, "USD")
    funding(2_000_000, "EUR")
    groups = by_key(summary(api_client, "country"), "unit")
    assert {unit: (group["count"], group["quantity_low"]) for (unit,), group in groups.items()} == {
        "persons": (1, 100),
        "USD": (2, 8_000_000),
        "EUR": (1, 2_000_000),
    }


def test_at_least_adds_to_the_low_sum_and_leaves_the_high_sum_open(api_client):
    pledge("exact", bounds=(200, 200))
    pledge("at_least", bounds=(500, None))
    (group,) = summary(api_client, "country")
    assert (group["quantity_low"], group["quantity_high"], group["quantity_high_open"]) == (700, None, True)


def test_a_group_without_at_least_has_a_closed_high_sum(api_client):
    pledge("exact", bounds=(200, 200))
    pledge("range", bounds=(1000, 2000))
    pledge("up_to", bounds=(None, 800))
    (group,) = summary(api_client, "country")
    assert (group["quantity_low"], group["quantity_high"], group["quantity_high_open"]) == (1200, 3000, False)


def test_unspecified_quantities_are_counted_apart_and_add_to_no_sum(api_client):
    pledge("exact", bounds=(200, 200))
    pledge("unspecified")
    pledge("unspecified")
    (group,) = summary(api_client, "country")
    assert (group["count"], group["unspecified_count"]) == (3, 2)
    assert (group["quantity_low"], group["quantity_high"]) == (200, 200)


def test_a_group_of_unspecified_quantities_only_has_no_sums(api_client):
    pledge("unspecified")
    (group,) = summary(api_client, "kind")
    assert (group["count"], group["unspecified_count"]) == (1, 1)
    assert (group["quantity_low"], group["quantity_high"], group["quantity_high_open"]) == (None, None, False)


def test_without_group_by_one_group_per_unit_totals_every_pledge(api_client, mixed):
    groups = by_key(summary(api_client), "unit")
    assert set(groups) == {("persons",), ("USD",), ("EUR",)}
    assert sum(group["count"] for group in groups.values()) == len(walk(api_client, PLEDGES))
    assert set(groups[("persons",)]) == {"unit", "count", "unspecified_count", *QUANTITY_COLUMNS}


def test_groups_come_by_count_most_first_then_by_key(api_client):
    pledge(iso3="TUR")
    pledge(iso3="EGY")
    pledge(iso3="IDN")
    pledge(iso3="IDN")
    assert [group["country"] for group in summary(api_client, "country")] == ["IDN", "EGY", "TUR"]


@pytest.mark.parametrize(
    "group_by, columns, key",
    [
        ("country", ("country", "country_name"), ("TUR", "Türkiye")),
        ("organization", ("organization", "organization_name"), (None, None)),
        ("party", ("party", "party_type", "party_name"), ("TUR", "country", "Türkiye")),
        ("initiative", ("initiative", "initiative_name"), ("gaza", "Gaza force")),
        ("status", ("status",), ("offered",)),
        ("kind", ("kind",), ("police",)),
        ("unit", ("unit",), ("persons",)),
    ],
)
def test_each_group_by_names_its_group_readably(api_client, group_by, columns, key):
    record = pledge(iso3="TUR", kind="police", initiative=InitiativeFactory(slug="gaza", name="Gaza force"))
    add_event(record, "offered")
    (group,) = summary(api_client, group_by)
    assert tuple(group[column] for column in columns) == key
    assert group["count"] == 1


def test_organization_and_party_name_an_organizations_pledges(api_client):
    organization = OrganizationFactory(slug="african-union", name="African Union")
    pledge(party=party_for(organization=organization))
    (by_organization,) = summary(api_client, "organization")
    (by_party,) = summary(api_client, "party")
    assert (by_organization["organization"], by_organization["organization_name"]) == ("african-union", "African Union")
    assert (by_party["party"], by_party["party_type"], by_party["party_name"]) == (
        "african-union",
        "organization",
        "African Union",
    )


def test_country_group_counts_the_groups_own_pledges_and_its_members(api_client):
    gulf = country_group_create(slug="gulf", name="Gulf states", members=[country("QAT"), country("ARE")])
    arab = country_group_create(slug="arab-league", name="Arab League", members=[country("QAT")])
    pledge(party=party_for(country_group=gulf), bounds=(100, 100))
    pledge(iso3="QAT", bounds=(20, 20))
    pledge(iso3="IDN", bounds=(3, 3))
    groups = by_key(summary(api_client, "country_group"), "country_group")
    assert {key: (group["count"], group["quantity_low"]) for (key,), group in groups.items()} == {
        "gulf": (2, 120),
        "arab-league": (1, 20),
        None: (1, 3),
    }
    assert groups[("gulf",)]["country_group_name"] == "Gulf states"
    assert arab.slug in {key for (key,) in groups}


def test_country_group_summary_counts_what_the_group_filter_lists(api_client):
    gulf = country_group_create(slug="gulf", name="Gulf states", members=[country("QAT")])
    pledge(party=party_for(country_group=gulf))
    pledge(iso3="QAT")
    pledge(iso3="TUR")
    groups = by_key(summary(api_client, "country_group"), "country_group")
    assert groups[("gulf",)]["count"] == len(walk(api_client, f"{PLEDGES}?group=gulf"))


def holds_up(slug=None, **held):
    named = {"slug": slug} if slug else {}
    return ConditionFactory(**named, links=[ConditionLink(**held, source=SourceFactory())])


def condition_counts(client, **params):
    groups = by_key(summary(client, "condition", **params), "condition")
    return {key: (group["count"], group["quantity_low"]) for (key,), group in groups.items()}


def test_a_pledge_held_up_by_two_conditions_counts_in_both(api_client):
    held = pledge(bounds=(200, 200))
    pledge(iso3="TUR", bounds=(50, 50), initiative=InitiativeFactory())
    holds_up("mandate", pledge=held)
    holds_up("disarmament", initiative=held.initiative)
    assert condition_counts(api_client) == {"mandate": (1, 200), "disarmament": (1, 200), None: (1, 50)}


def test_condition_counts_the_pledges_of_a_participation_it_holds_up(api_client):
    indonesia = pledge(bounds=(200, 200))
    pledge(iso3="TUR", bounds=(50, 50), initiative=indonesia.initiative)
    holds_up("parliament-approval", initiative=indonesia.initiative, party=indonesia.party)
    assert condition_counts(api_client) == {"parliament-approval": (1, 200), None: (1, 50)}


def test_a_pledge_a_condition_holds_up_twice_over_counts_once_in_it(api_client):
    held = pledge(bounds=(200, 200))
    ConditionFactory(
        slug="mandate",
        links=[
            ConditionLink(pledge=held, source=SourceFactory()),
            ConditionLink(initiative=held.initiative, source=SourceFactory()),
        ],
    )
    assert condition_counts(api_client) == {"mandate": (1, 200)}


def test_condition_summary_counts_what_the_condition_filter_lists(api_client):
    held = pledge()
    pledge(iso3="TUR", initiative=held.initiative)
    pledge(iso3="EGY")
    holds_up("mandate", initiative=held.initiative)
    assert condition_counts(api_client)["mandate"][0] == len(walk(api_client, f"{PLEDGES}?condition=mandate"))


def test_two_level_grouping_splits_each_country_by_status(api_client):
    for iso3, status in [("IDN", "offered"), ("IDN", "offered"), ("IDN", "committed"), ("TUR", "offered")]:
        add_event(pledge(iso3=iso3, bounds=(100, 100)), status)
    groups = by_key(summary(api_client, "country,status"), "country", "status")
    assert {key: (group["count"], group["quantity_low"]) for key, group in groups.items()} == {
        ("IDN", "offered"): (2, 200),
        ("IDN", "committed"): (1, 100),
        ("TUR", "offered"): (1, 100),
    }


def test_two_level_grouping_by_condition_and_country_group_pairs_each_pledge_once(api_client):
    gulf = country_group_create(slug="gulf", name="Gulf states", members=[country("QAT")])
    held = pledge(iso3="QAT", bounds=(20, 20))
    pledge(party=party_for(country_group=gulf), bounds=(100, 100), initiative=held.initiative)
    holds_up("mandate", pledge=held)
    holds_up("funding-gap", initiative=held.initiative)
    groups = by_key(summary(api_client, "condition,country_group"), "condition", "country_group")
    assert {key: (group["count"], group["quantity_low"]) for key, group in groups.items()} == {
        ("funding-gap", "gulf"): (2, 120),
        ("mandate", "gulf"): (1, 20),
    }


def test_a_dimension_named_twice_groups_once(api_client):
    pledge()
    assert summary(api_client, "kind,kind") == summary(api_client, "kind")


def test_grouping_by_unit_and_country_keeps_one_unit_column(api_client):
    funding(5_000_000, "USD")
    (group,) = summary(api_client, "unit,country")
    assert (group["unit"], group["country"], group["quantity_low"]) == ("USD", "IDN", 5_000_000)


def test_filters_and_search_select_what_is_summed(api_client, mixed):
    rows = walk(api_client, f"{PLEDGES}?country=TUR&kind=troops,funding")
    expected = expected_from_rows(rows, lambda row: row["kind"])
    groups = by_key(summary(api_client, "kind", country="TUR", kind="troops,funding"), "kind", "unit")
    assert {key: sums(group) for key, group in groups.items()} == expected
    (police,) = summary(api_client, "kind", search="police")
    assert (police["kind"], police["count"]) == ("police", 1)


def test_as_of_sums_the_quantities_as_they_stood(api_client):
    record = pledge(bounds=(200, 200))
    before = timezone.now()
    pledge_update(record, quantity_low=500, quantity_high=500)
    pledge(iso3="TUR", bounds=(70, 70))
    (group,) = summary(api_client, "country", as_of=before.isoformat())
    assert (group["country"], group["count"], group["quantity_low"]) == ("IDN", 1, 200)
    assert {group["country"] for group in summary(api_client, "country")} == {"IDN", "TUR"}


def test_as_of_counts_the_conditions_as_they_held_up_then(api_client):
    held = pledge(bounds=(200, 200))
    before = timezone.now()
    holds_up("mandate", pledge=held)
    assert condition_counts(api_client, as_of=before.isoformat()) == {None: (1, 200)}
    assert condition_counts(api_client) == {"mandate": (1, 200)}


def test_valid_at_groups_by_the_status_on_that_date(api_client):
    record = pledge()
    add_event(record, "offered", date=datetime.date(2025, 10, 1))
    add_event(record, "committed", date=datetime.date(2025, 11, 1))
    pledge(iso3="TUR")
    (group,) = summary(api_client, "status", valid_at="2025-10-15")
    assert (group["status"], group["count"]) == ("offered", 1)


def test_summary_query_count_stays_flat(api_client):
    gulf = country_group_create(slug="gulf", name="Gulf states", members=[country("QAT")])

    def add_rows(more):
        for index in range(more):
            held = pledge(iso3="QAT", bounds=(index, index))
            holds_up(pledge=held)
            add_event(held, "offered")
            pledge(party=party_for(country_group=gulf), unit="USD", kind="funding", bounds=(1, 1))

    add_rows(1)
    url = f"{SUMMARY}?group_by=condition,country_group&kind=troops,funding"
    assert_queries_flat(api_client, url, add_rows)
    assert_queries_flat(api_client, f"{SUMMARY}?group_by=party,status&as_of=2100-01-01", add_rows)


@pytest.mark.parametrize("group_by", ["nation", "country,kind,status", "country,nation", "country,,kind", ","])
def test_a_bad_group_by_is_a_400_naming_it(api_client, group_by):
    assert_problem(api_client.get(SUMMARY, {"group_by": group_by}), 400, "group_by")


@pytest.mark.parametrize("param, value", [("kind", "tanks"), ("as_of", "yesterday"), ("ordering", "id"), ("page", "2")])
def test_a_bad_or_unknown_parameter_is_a_400_naming_it(api_client, param, value):
    assert_problem(api_client.get(SUMMARY, {"group_by": "country", param: value}), 400, param)


def test_anonymous_users_may_read_the_summary(api_client):
    pledge()
    assert api_client.get(SUMMARY).status_code == 200


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_summary_cannot_be_written(editor_client, method):
    assert_problem(getattr(editor_client, method)(SUMMARY, {}, format="json"), 405)
