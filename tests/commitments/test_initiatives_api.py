"""The initiative collection: row shape, writes by key, deletion, filters and events_url (its status timeline, as
every timeline behaves, is in tests/test_status_timelines.py)."""

import datetime

import pytest
from django.urls import reverse

from commitments.models import Initiative, StatusEvent
from commitments.services.parties import party_for
from tests.factories import InitiativeFactory, OrganizationFactory, PledgeFactory, add_event, country
from tests.helpers import assert_problem, assert_queries_flat, results

pytestmark = pytest.mark.django_db

LIST = reverse("v1:initiative-list")


def detail(initiative):
    return reverse("v1:initiative-detail", args=[initiative.slug])


def events(initiative):
    return reverse("v1:initiative-events", args=[initiative.slug])


def found(client, **params):
    return {row["slug"] for row in results(client.get(LIST, params))}


def test_list_shows_lead_party_parent_and_events_url(api_client):
    parent = InitiativeFactory()
    child = InitiativeFactory(parent=parent, lead=party_for(country=country("USA")), location="Kiryat Gat")
    row = next(row for row in results(api_client.get(LIST)) if row["slug"] == child.slug)
    assert row["lead"] == {**row["lead"], "type": "country", "key": "USA", "name": country("USA").name}
    assert (row["parent"]["slug"], row["parent"]["name"]) == (parent.slug, parent.name)
    assert row["location"] == "Kiryat Gat"
    assert row["events_url"].endswith(events(child))


def test_status_is_null_before_the_first_event(api_client):
    initiative = InitiativeFactory()
    assert api_client.get(detail(initiative)).json()["status"] is None


def test_detail_by_slug_is_the_list_row(api_client):
    initiative = InitiativeFactory()
    assert api_client.get(detail(initiative)).json() == results(api_client.get(LIST))[0]


def test_editor_creates_an_initiative_with_a_lead_by_key(editor_client):
    body = {"slug": "cmcc", "name": "CMCC", "lead": {"type": "country", "key": "usa"}}
    response = editor_client.post(LIST, body)
    assert response.status_code == 201, response.content
    assert Initiative.objects.get(slug="cmcc").lead.country.iso3 == "USA"
    assert response.json()["lead"]["key"] == "USA"


def test_a_start_inside_a_month_is_stored_as_its_first_day(editor_client):
    body = {"slug": "isf", "name": "ISF", "start": "2025-10-24", "start_precision": "month"}
    response = editor_client.post(LIST, body)
    assert response.status_code == 201, response.content
    assert (response.json()["start"], response.json()["start_precision"]) == ("2025-10-01", "month")


def test_a_new_start_precision_alone_moves_the_stored_start_to_its_period(editor_client):
    initiative = InitiativeFactory(start=datetime.date(2025, 10, 24))
    response = editor_client.patch(detail(initiative), {"start_precision": "month"})
    assert response.status_code == 200, response.content
    assert (response.json()["start"], response.json()["start_precision"]) == ("2025-10-01", "month")


def test_an_unknown_lead_is_a_400_naming_lead(editor_client):
    body = {"slug": "isf", "name": "ISF", "lead": {"type": "organization", "key": "no-such-organization"}}
    assert_problem(editor_client.post(LIST, body), 400, "lead.key")
    assert not Initiative.objects.filter(slug="isf").exists()


def test_patch_changes_the_name_only(editor_client):
    initiative = InitiativeFactory(description="Pusat koordinasi")
    response = editor_client.patch(detail(initiative), {"name": "Civil-Military Coordination Center"})
    assert response.status_code == 200, response.content
    initiative.refresh_from_db()
    assert (initiative.name, initiative.description) == ("Civil-Military Coordination Center", "Pusat koordinasi")


def test_what_a_client_reads_with_objects_replaced_by_keys_puts_back_unchanged(editor_client):
    organization = OrganizationFactory()
    initiative = InitiativeFactory(
        parent=InitiativeFactory(),
        lead=party_for(organization=organization),
        start=datetime.date(2025, 10, 1),
        start_precision="month",
    )
    read = editor_client.get(detail(initiative)).json()
    written = {**read, "parent": read["parent"]["slug"], "lead": {"type": "organization", "key": organization.slug}}
    response = editor_client.put(detail(initiative), written)
    assert response.status_code == 200, response.content
    assert {**response.json(), "updated": None} == {**read, "updated": None}


def test_delete_removes_the_initiative_and_its_events(editor_client):
    initiative = InitiativeFactory()
    add_event(initiative, "proposed")
    assert editor_client.delete(detail(initiative)).status_code == 204
    assert not Initiative.objects.filter(pk=initiative.pk).exists()
    assert not StatusEvent.objects.filter(initiative_id=initiative.pk).exists()


def test_delete_of_an_initiative_with_pledges_is_a_409_naming_them(editor_client):
    pledge = PledgeFactory()
    body = assert_problem(editor_client.delete(detail(pledge.initiative)), 409)
    assert pledge.key in body["detail"]
    assert Initiative.objects.filter(pk=pledge.initiative_id).exists()


def test_status_filter_keeps_initiatives_whose_latest_event_has_it(api_client):
    active, ended = InitiativeFactory(), InitiativeFactory()
    add_event(active, "active")
    add_event(ended, "active", date=datetime.date(2025, 10, 1))
    add_event(ended, "ended", date=datetime.date(2025, 10, 24))
    assert found(api_client, status="active") == {active.slug}


def test_parent_filter_keeps_its_parts_and_proposed_shapes(api_client):
    isf = InitiativeFactory()
    two_forces = InitiativeFactory(parent=isf)
    InitiativeFactory()
    assert found(api_client, parent=isf.slug) == {two_forces.slug}


def test_lead_filter_takes_country_codes(api_client):
    led = InitiativeFactory(lead=party_for(country=country("USA")))
    InitiativeFactory(lead=party_for(country=country("EGY")))
    assert found(api_client, lead="us") == {led.slug}


@pytest.mark.parametrize("param, value", [("status", "committed"), ("parent", "no-such"), ("lead", "ZZZ")])
def test_a_malformed_filter_value_is_a_400_naming_the_parameter(api_client, param, value):
    assert_problem(api_client.get(LIST, {param: value}), 400, param)


def test_list_query_count_stays_flat_with_leads_and_parents(api_client):
    def add_rows(count):
        for _ in range(count):
            initiative = InitiativeFactory(
                parent=InitiativeFactory(), lead=party_for(organization=OrganizationFactory())
            )
            add_event(initiative, "proposed")

    add_rows(2)
    assert_queries_flat(api_client, LIST, add_rows)


def test_an_initiative_cannot_be_its_own_parent(editor_client):
    initiative = InitiativeFactory()
    url = reverse("v1:initiative-detail", args=[initiative.slug])
    assert_problem(editor_client.patch(url, {"parent": initiative.slug}, format="json"), 400, "parent")


def test_a_parent_cycle_is_refused(editor_client):
    top = InitiativeFactory()
    below = InitiativeFactory(parent=top)
    url = reverse("v1:initiative-detail", args=[top.slug])
    assert_problem(editor_client.patch(url, {"parent": below.slug}, format="json"), 400, "parent")


def test_an_initiative_cannot_end_before_it_starts(editor_client):
    initiative = InitiativeFactory()
    url = reverse("v1:initiative-detail", args=[initiative.slug])
    body = {"start": "2025-10-24", "end": "2025-01-01"}
    assert_problem(editor_client.patch(url, body, format="json"), 400, "end")
