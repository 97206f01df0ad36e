"""Each changelist filters and searches as the API's list of the same records does."""

import pytest
from django.contrib import admin

from commitments.models import ConditionLink, Initiative, Organization, Source, Statement
from commitments.services.conditions import condition_create
from commitments.services.parties import person_create
from config.api import record_routes
from countries.models import Country, CountryGroup
from tests.test_admin import admin_url, build_records

pytestmark = pytest.mark.django_db


def listed(client, label, **params):
    """The names of the records a changelist shows for `params`."""
    response = client.get(admin_url(label, "changelist"), params)
    assert response.status_code == 200
    return sorted(str(record) for record in response.context["cl"].result_list)


@pytest.mark.parametrize(("prefix", "viewset"), [(prefix, viewset) for prefix, viewset, _name in record_routes])
def test_a_changelist_searches_every_field_the_api_searches(prefix, viewset):
    model_admin = admin.site._registry[viewset.queryset.model]
    assert set(viewset.search_fields) <= set(model_admin.search_fields), prefix


def test_pledges_filter_by_the_condition_that_holds_them_up_through_their_initiative(staff_client):
    first, second = build_records(2)
    condition = condition_create(
        slug="mandate",
        name="Mandate",
        links=[ConditionLink(initiative=second.initiative, source=Source.objects.get(title="Report 0"))],
    )
    assert listed(staff_client, "commitments.pledge", condition=condition.pk) == [second.key]
    direct = first.condition_links.get().condition
    assert listed(staff_client, "commitments.pledge", condition=direct.pk) == [first.key]


def test_pledges_filter_by_country_group_members_and_by_country(staff_client):
    first, second = build_records(2)
    group = CountryGroup.objects.get(slug="group-0")
    assert listed(staff_client, "commitments.pledge", group=group.pk) == [first.key]
    country = second.party.country
    assert listed(staff_client, "commitments.pledge", party__country__id__exact=country.pk) == [second.key]


def test_pledges_filter_by_announcement_year_and_unit(staff_client):
    first, second = build_records(2)
    assert listed(staff_client, "commitments.pledge", announced__year="2025") == sorted([first.key, second.key])
    assert listed(staff_client, "commitments.pledge", announced__year="2024") == []
    assert listed(staff_client, "commitments.pledge", quantity_unit="EUR") == []


def test_an_unknown_filter_choice_keeps_nothing(staff_client):
    build_records(1)
    assert listed(staff_client, "commitments.pledge", condition="999999") == []
    assert listed(staff_client, "commitments.statement", stance="loud") == []


def test_conditions_filter_by_initiative_and_by_country(staff_client):
    first, second = build_records(2)
    initiative = Initiative.objects.get(slug="force-1")
    assert listed(staff_client, "commitments.condition", initiative=initiative.pk) == ["Condition 1"]
    assert listed(staff_client, "commitments.condition", country=first.party.country.pk) == ["Condition 0"]


def test_statements_filter_by_stance_and_by_what_they_are_about(staff_client):
    first, second = build_records(2)
    words = {statement.key: statement.text for statement in Statement.objects.all()}
    assert len(listed(staff_client, "commitments.statement", stance="supports")) == 2
    assert listed(staff_client, "commitments.statement", stance="opposes") == []
    about_first = listed(staff_client, "commitments.statement", initiative=first.initiative.pk)
    assert [words[key] for key in about_first] == ["Words 0"]
    condition = second.condition_links.get().condition
    assert [words[key] for key in listed(staff_client, "commitments.statement", condition=condition.pk)] == ["Words 1"]


def test_people_filter_by_anonymity_and_country(staff_client):
    build_records(1)
    publisher = Organization.objects.get(slug="publisher-0")
    person_create(slug="official", name="", description="An official", organization=publisher)
    assert listed(staff_client, "commitments.person", anonymous="true") == ["An official"]
    assert listed(staff_client, "commitments.person", anonymous="false") == ["Person 0"]
    country = Country.objects.order_by("id").first()
    assert listed(staff_client, "commitments.person", country__id__exact=country.pk) == ["Person 0"]


def test_organizations_and_sources_filter_by_country_and_publisher(staff_client):
    build_records(2)
    publisher = Organization.objects.get(slug="publisher-1")
    assert listed(staff_client, "commitments.organization", country__id__exact=publisher.country_id) == ["Publisher 1"]
    assert listed(staff_client, "commitments.source", publisher__id__exact=publisher.pk) == ["Report 1"]


def test_countries_and_groups_filter_by_membership(staff_client):
    build_records(2)
    group = CountryGroup.objects.get(slug="group-1")
    member = group.memberships.get().country
    assert listed(staff_client, "countries.country", group=group.pk) == [member.name]
    assert listed(staff_client, "countries.countrygroup", member=member.pk) == ["Group 1"]


def test_a_search_finds_a_pledge_by_its_party_name(staff_client):
    first, _second = build_records(2)
    assert listed(staff_client, "commitments.pledge", q=first.party.country.name) == [first.key]
