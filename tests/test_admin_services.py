"""The admin writes through the services: each of their rules holds on its pages, a refusal shows on the form
and keeps nothing of the write, and the editor's reason reaches the history."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from commitments.admin.pledges import PledgeAdmin
from commitments.models import ConditionLink, Organization, Party, Pledge, Source, Statement, StatementSpeaker
from commitments.services.conditions import condition_create
from commitments.services.pledges import pledge_update
from countries.models import Country, CountryGroup
from tests.factories import CountryGroupFactory, OrganizationFactory
from tests.test_admin import (
    REASON,
    admin_url,
    build_records,
    event_form,
    formset,
    pledge_form,
    posted_form,
    statement_form,
)
from tests.test_admin_history import WHY, change, lone_pledge

pytestmark = pytest.mark.django_db


def add(client, label, form):
    return client.post(admin_url(label, "add"), form)


def test_a_pledge_refused_for_want_of_a_source_leaves_not_even_its_party(staff_client):
    pledge = build_records(1)[0]
    indonesia = Country.objects.get(iso3="IDN")
    response = add(staff_client, "commitments.pledge", pledge_form(pledge.initiative, country=indonesia))
    assert response.status_code == 200
    assert "Cite at least one source." in response.text
    assert not Party.objects.filter(country=indonesia).exists()


def test_a_second_pledge_alike_gets_the_next_key_from_the_service(staff_client):
    pledge = build_records(1)[0]
    form = pledge_form(pledge.initiative, sources=Source.objects.all()[:1], country=Country.objects.get(iso3="IDN"))
    add(staff_client, "commitments.pledge", form)
    add(staff_client, "commitments.pledge", form)
    keys = Pledge.objects.filter(party__country__iso3="IDN").values_list("key", flat=True)
    assert sorted(keys) == [f"idn-{pledge.initiative.slug}-troops", f"idn-{pledge.initiative.slug}-troops-2"]


def test_a_change_refused_by_an_inline_keeps_none_of_its_fields(staff_client):
    pledge = build_records(1)[0]
    versions = pledge.history.count()
    response = change(
        staff_client, "commitments.pledge", pledge, description="Changed.", **{"source_links-0-DELETE": "on"}
    )
    assert "Cite at least one source." in response.text
    pledge.refresh_from_db()
    assert (pledge.description, pledge.source_links.count(), pledge.history.count()) == ("", 1, versions)


def test_an_unchanged_change_form_leaves_no_version(staff_client):
    pledge = build_records(1)[0]
    versions = pledge.history.count()
    assert change(staff_client, "commitments.pledge", pledge).status_code == 302
    assert pledge.history.count() == versions


def test_a_condition_added_on_the_pledge_page_is_linked_with_the_reason(staff_client, editor):
    pledge = build_records(1)[0]
    condition = condition_create(slug="ceasefire-holds", name="The ceasefire holds")
    rows = {
        "condition_links-TOTAL_FORMS": "2",
        "condition_links-1-condition": condition.pk,
        "condition_links-1-source": Source.objects.first().pk,
    }
    assert change(staff_client, "commitments.pledge", pledge, change_reason=WHY, **rows).status_code == 302
    link = ConditionLink.objects.get(condition=condition, pledge=pledge)
    version = link.history.get()
    assert (version.history_change_reason, version.history_user) == (WHY, editor)


def test_a_source_published_in_a_week_is_stored_from_its_monday(staff_client):
    form = {
        "title": "Weekly report",
        "kind": "news_report",
        "language": "en",
        "published": "2025-10-24",
        "published_precision": "week",
        "url": "",
        "archive_url": "",
        "notes": "",
        **formset("translations"),
        **REASON,
    }
    assert add(staff_client, "commitments.source", form).status_code == 302
    assert Source.objects.get(title="Weekly report").published == datetime.date(2025, 10, 20)


def test_a_statement_of_a_month_is_dated_from_its_first_day_and_its_speakers_numbered(staff_client):
    pledge = build_records(1)[0]
    speaker = pledge.statement_targets.get().statement.speakers.get()
    form = statement_form(speaker.person, [Source.objects.first()], position="5", date_precision="month")
    assert add(staff_client, "commitments.statement", form).status_code == 302
    statement = Statement.objects.latest("id")
    assert (statement.date, statement.key) == (datetime.date(2025, 10, 1), f"2025-10-01-{speaker.person.slug}")
    assert list(StatementSpeaker.objects.filter(statement=statement).values_list("position", flat=True)) == [0]


def test_changing_an_event_refreshes_its_record_status(staff_client):
    pledge = build_records(1)[0]
    assert change(staff_client, "commitments.statusevent", pledge.events.get(), status="committed").status_code == 302
    pledge.refresh_from_db()
    assert pledge.status == "committed"


def test_removing_the_last_evidence_of_an_event_keeps_the_event_as_it_was(staff_client):
    pledge = lone_pledge()
    event = pledge.events.get()
    response = change(staff_client, "commitments.statusevent", event, status="ruled_out", **{"evidence-0-DELETE": "on"})
    assert "An event cites at least one source or statement." in response.text
    pledge.refresh_from_db()
    event.refresh_from_db()
    assert (event.status, event.evidence.count(), pledge.status) == ("committed", 1, "committed")


def test_an_event_added_in_the_admin_cites_a_statement_with_its_place(staff_client):
    pledge = build_records(1)[0]
    statement = Statement.objects.get()
    form = {**event_form(pledge, "committed"), **formset("evidence", [{"statement": statement.pk, "locator": "§2"}])}
    assert add(staff_client, "commitments.statusevent", form).status_code == 302
    event = pledge.events.get(status="committed")
    assert list(event.evidence.values_list("statement", "locator")) == [(statement.pk, "§2")]


def test_deleting_the_selected_events_refreshes_each_record(staff_client):
    pledge = build_records(1)[0]
    events = list(pledge.events.values_list("pk", flat=True))
    form = {"action": "delete_selected", "_selected_action": events, "post": "yes", **REASON}
    assert staff_client.post(admin_url("commitments.statusevent", "changelist"), form).status_code == 302
    pledge.refresh_from_db()
    assert (pledge.status, pledge.announced) == (None, None)


def test_a_country_group_and_its_members_are_written_with_the_reason(staff_client, editor):
    form = {
        "name": "Quad",
        "slug": "quad",
        "description": "",
        **formset("memberships", [{"country": Country.objects.get(iso3="IDN").pk}]),
        "change_reason": WHY,
    }
    assert add(staff_client, "countries.countrygroup", form).status_code == 302
    membership = CountryGroup.objects.get(slug="quad").memberships.get()
    assert membership.country.iso3 == "IDN"
    assert membership.history.get().history_change_reason == WHY


def test_a_party_made_in_the_admin_is_found_again_by_party_for(staff_client):
    indonesia = Country.objects.get(iso3="IDN")
    form = {"country": indonesia.pk, "country_group": "", "organization": "", **REASON}
    assert add(staff_client, "commitments.party", form).status_code == 302
    assert Party.objects.get(country=indonesia).organization_id is None


def refusing_after_writing(field):
    """`pledge_update` that writes, then refuses with a message on `field`: what a service's late rule does."""

    def update(pledge, **values):
        pledge_update(pledge, **values)
        raise ValidationError({field: ["Refused by the service."]})

    return update


def test_a_late_refusal_shows_beside_its_field_and_nothing_of_the_save_is_kept(staff_client, monkeypatch):
    monkeypatch.setattr(PledgeAdmin, "update_service", refusing_after_writing("description"))
    pledge = build_records(1)[0]
    response = change(staff_client, "commitments.pledge", pledge, description="Changed.")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"description": ["Refused by the service."]}
    pledge.refresh_from_db()
    assert pledge.description == ""


def test_a_refused_revert_shows_the_message_and_keeps_the_record(staff_client, monkeypatch):
    pledge = build_records(1)[0]
    first = pledge.history.earliest()
    change(staff_client, "commitments.pledge", pledge, description="Changed.")
    monkeypatch.setattr(PledgeAdmin, "update_service", refusing_after_writing("sources"))
    url = admin_url("commitments.pledge", "simple_history", pledge.pk, first.history_id)
    response = staff_client.post(url, posted_form(staff_client.get(url).text))
    assert response.status_code == 200
    assert "Refused by the service." in response.text
    pledge.refresh_from_db()
    assert pledge.description == "Changed."


def test_an_editor_ticks_the_values_they_supplied_and_the_api_shows_them(staff_client, api_client):
    organization = OrganizationFactory(slug="rusi", kind="think_tank")
    response = change(staff_client, "commitments.organization", organization, editor_supplied=["kind", "description"])
    assert response.status_code == 302, response.content
    assert Organization.objects.get(pk=organization.pk).editor_supplied == ["kind", "description"]
    read = api_client.get(reverse("v1:organization-detail", args=["rusi"])).json()
    assert read["editor_supplied"] == ["kind", "description"]
    page = staff_client.get(admin_url("commitments.organization", "change", organization.pk)).text
    assert page.count('name="editor_supplied"') == len(Organization.editor_suppliable)
    assert organization.history.latest().history_change_reason == REASON["change_reason"]


def test_an_unchanged_form_with_ticked_values_leaves_no_version(staff_client):
    group = CountryGroupFactory(editor_supplied=["name", "members"])
    versions = group.history.count()
    assert change(staff_client, "countries.countrygroup", group).status_code == 302
    assert group.history.count() == versions
    assert CountryGroup.objects.get(pk=group.pk).editor_supplied == ["name", "members"]
