"""The admin keeps who, when and why of every change, shows each version's changes, reverts and restores."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db.models import F

from commitments.models import EventEvidence, Organization, Party, Pledge, PledgeSource, Source, StatusEvent
from commitments.services.events import status_event_create
from commitments.services.parties import organization_create, party_for
from commitments.services.pledges import pledge_create
from countries.models import Country, CountryGroup, CountryGroupMembership
from tests.test_admin import DAY, REGISTERED, admin_url, build_records, posted_form
from tracker.history import change_context

pytestmark = pytest.mark.django_db

WHY = "The ministry's statement of 24 October says so."


def lone_pledge():
    """A pledge with a source and a sourced event, that no statement or condition points to (which would
    protect it from deletion)."""
    first = build_records(1)[0]
    source = Source.objects.get(title="Report 0")
    party = party_for(country=Country.objects.get(iso3="IDN"))
    pledge = pledge_create(party=party, initiative=first.initiative, kind="troops", sources=[(source, "p. 2")])
    status_event_create(pledge, status="committed", date=DAY, sources=[source])
    return pledge


def change(client, label, record, **values):
    url = admin_url(label, "change", record.pk)
    form = {**posted_form(client.get(url).text), **values}
    return client.post(url, form)


def delete(client, label, record, reason=WHY):
    return client.post(admin_url(label, "delete", record.pk), {"post": "yes", "change_reason": reason})


def deleted_version(model, pk):
    return model.history.filter(id=pk, history_type="-").latest()


def test_a_change_and_its_inline_rows_carry_the_reason_and_the_editor(staff_client, editor):
    pledge = build_records(1)[0]
    other = Source.objects.get(title="Laporan 0")
    response = change(
        staff_client,
        "commitments.pledge",
        pledge,
        description="About 200 troops.",
        change_reason=WHY,
        **{"source_links-TOTAL_FORMS": "2", "source_links-1-source": other.pk, "source_links-1-locator": "p. 3"},
    )
    assert response.status_code == 302
    version = pledge.history.latest()
    assert (version.description, version.history_change_reason, version.history_user) == (
        "About 200 troops.",
        WHY,
        editor,
    )
    link = PledgeSource.history.get(source=other, history_type="+")
    assert (link.history_change_reason, link.history_user) == (WHY, editor)


def test_a_change_without_a_reason_is_refused(staff_client):
    pledge = build_records(1)[0]
    response = change(staff_client, "commitments.pledge", pledge, description="Changed.", change_reason="  ")
    assert response.status_code == 200
    assert "Reason for this change" in response.text and "This field is required." in response.text
    pledge.refresh_from_db()
    assert pledge.description == ""


def test_a_delete_needs_a_reason_and_keeps_it(staff_client, editor):
    pledge = lone_pledge()
    response = delete(staff_client, "commitments.pledge", pledge, reason="")
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert Pledge.objects.filter(pk=pledge.pk).exists()
    assert delete(staff_client, "commitments.pledge", pledge).status_code == 302
    version = deleted_version(Pledge, pledge.pk)
    assert (version.history_change_reason, version.history_user) == (WHY, editor)
    event = StatusEvent.history.get(pledge_id=pledge.pk, history_type="-")
    assert event.history_change_reason == WHY


def test_a_bulk_delete_needs_a_reason(staff_client):
    pledge = lone_pledge()
    form = {"action": "delete_selected", "_selected_action": [pledge.pk], "post": "yes"}
    url = admin_url("commitments.pledge", "changelist")
    response = staff_client.post(url, form)
    assert response.status_code == 200 and "Reason for this change" in response.text
    assert Pledge.objects.filter(pk=pledge.pk).exists()
    assert staff_client.post(url, {**form, "change_reason": WHY}).status_code == 302
    assert deleted_version(Pledge, pledge.pk).history_change_reason == WHY


def test_the_history_page_shows_each_change_with_its_reason_and_editor(staff_client):
    pledge = build_records(1)[0]
    change(staff_client, "commitments.pledge", pledge, quantity_text="sekitar 200 tentara", change_reason=WHY)
    page = staff_client.get(admin_url("commitments.pledge", "history", pledge.pk)).text
    assert "Quantity in the source&#x27;s words:</strong>" in page
    assert "sekitar 200 tentara" in page
    assert "Description:</strong>" not in page  # unchanged fields are left out
    assert "The ministry&#x27;s statement of 24 October says so." in page
    assert "editor" in page
    assert "Status:</strong>" in page  # set by the pledge's event, which editors cannot edit on the pledge
    assert "Changes to its linked rows" in page and "Pledge source" in page


def test_a_revert_brings_back_the_old_values_and_is_recorded(staff_client, editor):
    pledge = build_records(1)[0]
    first = pledge.history.earliest()
    change(staff_client, "commitments.pledge", pledge, description="Wrong figure.", change_reason=WHY)
    url = admin_url("commitments.pledge", "simple_history", pledge.pk, first.history_id)
    page = staff_client.get(url).text
    assert "Reason for this change" in page
    versions = pledge.history.count()
    response = staff_client.post(url, {**posted_form(page), "change_reason": "The figure was a typo."})
    assert response.status_code == 302
    pledge.refresh_from_db()
    assert (pledge.description, pledge.status) == ("", "possible")
    assert pledge.history.count() > versions
    revert = pledge.history.latest()
    assert revert.history_change_reason.startswith("Reverted to the version of")
    assert revert.history_change_reason.endswith(": The figure was a typo.")
    assert revert.history_user == editor


# A field of each registered model that an editor changes, and a revert brings back.
EDITED_FIELDS = {
    "countries.region": "name",
    "countries.country": "name",
    "countries.countrygroup": "description",
    "commitments.organization": "description",
    "commitments.person": "description",
    "commitments.source": "notes",
    "commitments.initiative": "description",
    "commitments.pledge": "description",
    "commitments.condition": "description",
    "commitments.statement": "text",
    "commitments.statusevent": "note",
}


@pytest.mark.parametrize(("label", "field"), EDITED_FIELDS.items())
def test_every_registered_model_reverts_to_its_first_version(staff_client, label, field):
    build_records(1)
    record = apps.get_model(label).objects.order_by("pk").first()
    first = record.history.earliest()
    assert change(staff_client, label, record, **{field: "Changed by mistake."}).status_code == 302
    url = admin_url(label, "simple_history", record.pk, first.history_id)
    response = staff_client.post(url, posted_form(staff_client.get(url).text))
    assert response.status_code == 302
    record.refresh_from_db()
    assert getattr(record, field) == getattr(first, field)
    assert record.history.latest().history_change_reason.startswith("Reverted to the version of")


def test_a_revert_that_changes_nothing_leaves_no_version(staff_client):
    build_records(1)
    party = Party.objects.order_by("pk").first()
    versions = party.history.count()
    url = admin_url("commitments.party", "simple_history", party.pk, party.history.earliest().history_id)
    assert staff_client.post(url, posted_form(staff_client.get(url).text)).status_code == 302
    assert party.history.count() == versions


def test_a_deleted_pledge_is_found_and_restored_with_its_sources_and_events(staff_client, editor):
    pledge = lone_pledge()
    links = {
        "sources": list(pledge.source_links.values_list("source", "locator")),
        "events": list(pledge.events.values_list("status", "date")),
        "evidence": EventEvidence.objects.filter(event__pledge=pledge).count(),
    }
    created = pledge.created
    delete(staff_client, "commitments.pledge", pledge)
    listing = staff_client.get(admin_url("commitments.pledge", "deleted"), {"q": "idn-"}).text
    assert pledge.key in listing and WHY.replace("'", "&#x27;") in listing
    assert pledge.key not in staff_client.get(admin_url("commitments.pledge", "deleted"), {"q": "nothing"}).text
    url = admin_url("commitments.pledge", "restore", deleted_version(Pledge, pledge.pk).history_id)
    page = staff_client.get(url).text
    assert "Pledge source" in page and "Status event" in page and "Event evidence" in page
    response = staff_client.post(url, {"change_reason": "Deleted by mistake."})
    assert response.status_code == 302
    restored = Pledge.objects.get(pk=pledge.pk)
    assert (restored.key, restored.status, restored.created) == (pledge.key, "committed", created)
    assert list(restored.source_links.values_list("source", "locator")) == links["sources"]
    assert list(restored.events.values_list("status", "date")) == links["events"]
    assert EventEvidence.objects.filter(event__pledge=restored).count() == links["evidence"]
    version = restored.history.latest()
    assert version.history_type == "+" and version.history_user == editor
    assert version.history_change_reason.startswith("Restored as deleted on")
    assert version.history_change_reason.endswith(": Deleted by mistake.")
    link = PledgeSource.history.filter(pledge_id=pledge.pk).latest()
    assert link.history_change_reason == version.history_change_reason
    listed = staff_client.get(admin_url("commitments.pledge", "deleted")).context["rows"]
    assert [description for _version, description in listed] == []


def test_a_restore_needs_a_reason_and_leaves_out_the_rows_deleted_before(staff_client, editor):
    pledge = lone_pledge()
    earlier = PledgeSource.objects.create(pledge=pledge, source=Source.objects.get(title="Laporan 0"))
    with change_context(reason="Not a source of this pledge.", user=editor):
        earlier.delete()
    PledgeSource.history.filter(history_type="-").update(history_date=F("history_date") - datetime.timedelta(hours=1))
    delete(staff_client, "commitments.pledge", pledge)
    url = admin_url("commitments.pledge", "restore", deleted_version(Pledge, pledge.pk).history_id)
    response = staff_client.post(url, {"change_reason": ""})
    assert response.status_code == 200 and "This field is required." in response.text
    assert not Pledge.objects.filter(pk=pledge.pk).exists()
    assert staff_client.post(url, {"change_reason": WHY}).status_code == 302
    assert list(pledge.source_links.values_list("source__title", flat=True)) == ["Report 0"]


def test_a_deleted_country_group_is_restored_with_its_memberships(staff_client):
    group = CountryGroup.objects.create(slug="quad", name="Quad")
    CountryGroupMembership.objects.create(group=group, country=Country.objects.get(iso3="IDN"))
    party = party_for(country_group=group)
    delete(staff_client, "countries.countrygroup", group)
    version = deleted_version(CountryGroup, group.pk)
    staff_client.post(admin_url("countries.countrygroup", "restore", version.history_id), {"change_reason": WHY})
    assert list(CountryGroup.objects.get(pk=group.pk).memberships.values_list("country__iso3", flat=True)) == ["IDN"]
    assert Party.objects.get(pk=party.pk).country_group_id == group.pk


def test_a_restored_event_sets_its_pledge_status_again(staff_client):
    pledge = lone_pledge()
    event = pledge.events.get()
    delete(staff_client, "commitments.statusevent", event)
    pledge.refresh_from_db()
    assert pledge.status is None
    version = deleted_version(StatusEvent, event.pk)
    staff_client.post(admin_url("commitments.statusevent", "restore", version.history_id), {"change_reason": WHY})
    pledge.refresh_from_db()
    assert (pledge.status, pledge.events.get().evidence.count()) == ("committed", 1)


def test_a_deleted_organization_is_restored_with_its_party(staff_client):
    organization = organization_create(slug="aseanapol", name="ASEANAPOL", kind="multilateral")
    party = party_for(organization=organization)
    delete(staff_client, "commitments.organization", organization)
    assert not Party.objects.filter(pk=party.pk).exists()
    assert "ASEANAPOL" in staff_client.get(admin_url("commitments.organization", "deleted")).text
    version = deleted_version(Organization, organization.pk)
    response = staff_client.post(
        admin_url("commitments.organization", "restore", version.history_id), {"change_reason": WHY}
    )
    assert response.status_code == 302
    assert Organization.objects.get(pk=organization.pk).slug == "aseanapol"
    assert Party.objects.get(pk=party.pk).organization_id == organization.pk


def test_a_restore_whose_slug_is_taken_says_why(staff_client):
    organization = organization_create(slug="aseanapol", name="ASEANAPOL", kind="multilateral")
    delete(staff_client, "commitments.organization", organization)
    organization_create(slug="aseanapol", name="ASEAN Police", kind="multilateral")
    version = deleted_version(Organization, organization.pk)
    url = admin_url("commitments.organization", "restore", version.history_id)
    response = staff_client.post(url, {"change_reason": WHY})
    assert response.status_code == 200
    assert "This record cannot be restored" in response.text
    assert "Organization with this Slug already exists." in response.text
    assert not Organization.objects.filter(pk=organization.pk).exists()


def history_pages(label):
    """Every history page of one record of `label`, and its deleted list and restore page."""
    model = apps.get_model(label)
    record = model.objects.order_by("pk").first()
    version = model.history.filter(id=record.pk).earliest()
    return [
        admin_url(label, "history", record.pk),
        admin_url(label, "simple_history", record.pk, version.history_id),
        admin_url(label, "deleted"),
        admin_url(label, "delete", record.pk),
    ]


@pytest.mark.parametrize("label", REGISTERED)
def test_every_page_renders_for_an_editor(staff_client, label):
    build_records(1)
    for url in history_pages(label):
        assert staff_client.get(url).status_code == 200, url


def test_a_deleted_event_whose_pledge_is_gone_is_listed(staff_client):
    pledge = lone_pledge()
    delete(staff_client, "commitments.pledge", pledge)
    version = deleted_version(StatusEvent, StatusEvent.history.get(pledge_id=pledge.pk, history_type="-").id)
    assert f"pledge #{pledge.pk}" in staff_client.get(admin_url("commitments.statusevent", "deleted")).text
    assert staff_client.get(admin_url("commitments.statusevent", "history", version.id)).status_code == 200
    response = staff_client.get(admin_url("commitments.statusevent", "restore", version.history_id))
    assert response.status_code == 200


@pytest.mark.parametrize("label", REGISTERED)
def test_every_page_is_refused_to_anonymous_and_non_staff_users(client, label):
    pledge = lone_pledge()
    urls = history_pages(label)
    if label == "commitments.pledge":
        pk = pledge.pk
        pledge.delete()
        urls.append(admin_url(label, "restore", deleted_version(Pledge, pk).history_id))
    for url in urls:
        assert client.get(url).status_code == 302, url
        assert client.post(url, {"change_reason": WHY, "post": "yes"}).status_code == 302, url
    client.force_login(User.objects.create_user("reader", password="reader-password-1"))
    assert all(client.get(url).status_code == 302 for url in urls)


def test_a_staff_user_without_permissions_is_refused(client):
    build_records(1)
    client.force_login(User.objects.create_user("staff", password="staff-password-1", is_staff=True))
    assert client.get(admin_url("commitments.pledge", "deleted")).status_code == 403
