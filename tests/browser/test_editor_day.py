"""An editor's day in the admin, in Chromium: sign in, meet the message when a new pledge's source is missing, add
the pledge with its source, quantity and first event, attach a condition, switch to Indonesian and revert a change
from the history. Each test asserts what the editor sees and what the database then holds.

Each test costs a flush and a reload of the migrated data (it is transactional, so that the live server sees its
records): the steps of one task share a test."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from commitments.models import ConditionLink, Pledge, StatusEvent
from commitments.services.conditions import condition_create
from commitments.services.initiatives import initiative_create
from commitments.services.parties import party_for
from commitments.services.pledges import pledge_create, pledge_update
from commitments.services.sources import source_create
from countries.models import Country
from tests.browser.admin_pages import pick, save_with_reason, success_message
from tracker.history import change_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DAY = datetime.date(2025, 10, 24)
REASON = "Reuters, 24 October 2025, paragraph 4."
SOURCE_TITLE = "US troops begin monitoring Gaza ceasefire"


@pytest.fixture
def records(transactional_db):
    """What an editor finds already written: the force, the report that names the pledges, a condition."""
    initiative = initiative_create(slug="gaza-isf", name="International Stabilization Force")
    source = source_create(title=SOURCE_TITLE, language="en", kind="news_report", published=DAY)
    condition = condition_create(slug="hamas-disarmament", name="Hamas disarmament")
    return {"initiative": initiative, "source": source, "condition": condition}


@pytest.fixture
def written_pledge(records):
    party = party_for(country=Country.objects.get(iso3="IDN"))
    return pledge_create(party=party, initiative=records["initiative"], kind="troops", sources=[records["source"]])


def fill_pledge(page) -> None:
    """The add form of a pledge: Indonesia's troops to the force, about 200 persons, but not yet its source."""
    page.goto("/admin/commitments/pledge/add/")
    pick(page, "id_initiative", "Stabil", "International Stabilization Force")
    page.select_option("#id_kind", "troops")
    pick(page, "id_country", "Indon", "Indonesia")
    page.select_option("#id_quantity_qualifier", "approximate")
    page.fill("#id_quantity_low", "200")
    page.fill("#id_quantity_high", "200")
    page.fill("#id_quantity_unit", "persons")
    page.fill("#id_quantity_text", "sekitar 200 tentara")


def test_the_editor_signs_in_and_adds_a_pledge_with_a_source_a_quantity_and_a_first_event(logged_in_editor, records):
    page = logged_in_editor
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("#site-name")).to_contain_text("Diplomatic Commitment Tracker")

    fill_pledge(page)
    save_with_reason(page, REASON)

    expect(page.locator(".errornote")).to_contain_text("Please correct the error below.")
    expect(page.locator("#source_links-group")).to_contain_text("Cite at least one source.")
    expect(page.locator("#id_quantity_text")).to_have_value("sekitar 200 tentara")  # what was typed is kept
    assert not Pledge.objects.exists()

    pick(page, "id_source_links-0-source", "monitoring", SOURCE_TITLE)
    page.fill("#id_source_links-0-locator", "paragraph 4")
    page.evaluate("window.scrollTo(0, 0)")
    expect(page.locator(".save-with-reason")).to_be_in_viewport()  # the reason and the buttons stay in view
    save_with_reason(page, REASON, "_continue")

    expect(success_message(page)).to_contain_text("was added successfully")
    pledge = Pledge.objects.get()
    assert (pledge.party.country.iso3, pledge.quantity_low, pledge.quantity_unit) == ("IDN", 200, "persons")
    assert [(link.source, link.locator) for link in pledge.source_links.all()] == [(records["source"], "paragraph 4")]
    assert pledge.history.latest().history_change_reason == REASON

    page.click("text=Add an event")
    page.select_option("#id_status", "offered")
    page.fill("#id_date", "2025-10-24")
    page.select_option("#id_date_precision", "day")
    pick(page, "id_evidence-0-source", "monitoring", SOURCE_TITLE)
    save_with_reason(page, "Offered, as the report says.")

    expect(page).to_have_url(re.compile(rf"/admin/commitments/pledge/{pledge.pk}/change/$"))  # back on the pledge
    timeline = page.locator(".inline-group", has_text="status timeline")
    expect(timeline).to_contain_text("offered")
    expect(timeline).to_contain_text(SOURCE_TITLE)
    assert StatusEvent.objects.get().pledge == pledge
    pledge.refresh_from_db()
    assert pledge.status == "offered"

    page.goto("/admin/commitments/pledge/")
    row = page.locator("#result_list tbody tr", has_text=pledge.key)
    expect(row).to_contain_text("sekitar 200 tentara")
    expect(row).to_contain_text("offered")


def test_the_editor_attaches_a_condition_to_a_pledge(logged_in_editor, written_pledge):
    page = logged_in_editor
    page.goto(f"/admin/commitments/pledge/{written_pledge.pk}/change/")

    page.locator("#condition_links-group .add-row a").click()
    pick(page, "id_condition_links-0-condition", "disarm", "Hamas disarmament")
    pick(page, "id_condition_links-0-source", "monitoring", SOURCE_TITLE)  # the evidence a link cites
    save_with_reason(page, "The condition is stated in the report.", "_continue")

    expect(success_message(page)).to_contain_text("was changed successfully")
    expect(page.locator(".held-up-by")).to_contain_text("Hamas disarmament")
    expect(page.locator(".held-up-by")).to_contain_text("directly")
    link = ConditionLink.objects.get()
    assert (link.pledge, link.condition.slug) == (written_pledge, "hamas-disarmament")


def test_the_admin_speaks_indonesian_to_a_browser_set_to_it_and_to_an_editor_who_switches(
    indonesian_page, logged_in_editor, written_pledge
):
    indonesian_page.goto("/admin/")
    expect(indonesian_page.locator("html")).to_have_attribute("lang", "id")
    expect(indonesian_page.locator("label[for=id_username]")).to_contain_text("Nama pengguna")
    expect(indonesian_page.locator("#login-form [type=submit]")).to_have_value("Masuk")

    page = logged_in_editor  # a browser in English
    page.select_option("#language-switcher", "id")
    page.click(".language-switcher [type=submit]")

    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.locator("#site-name")).to_contain_text("Pelacak Komitmen Diplomatik")  # the tracker's words
    expect(page.locator("#content h1")).to_have_text("Entri")
    expect(page.locator("#user-tools")).to_contain_text("Selamat datang")  # Django's own
    expect(page.locator("#recent-actions-module")).to_contain_text("Tindakan terbaru")
    page.goto("/admin/commitments/pledge/")  # the choice holds on the next page
    expect(page.locator("#content h1")).to_have_text("Pilih janji untuk diubah")
    expect(page.locator("#result_list")).to_contain_text("pasukan")  # the pledge's kind, by its label


def test_the_editor_reverts_a_change_from_the_history_with_a_reason(logged_in_editor, written_pledge, editor_account):
    with change_context(reason="A typo.", user=editor_account):
        pledge_update(written_pledge, description="About 2,000 troops.")
    page = logged_in_editor
    page.goto(f"/admin/commitments/pledge/{written_pledge.pk}/change/")

    page.click("a.historylink")
    versions = page.locator("#change-history tbody tr")
    expect(versions).to_have_count(2)
    expect(versions.first).to_contain_text("A typo.")
    versions.last.locator("a").first.click()
    page.locator("[type=submit]", has_text="Revert").click()

    expect(page.locator(".reason-missing")).to_contain_text("Give the reason for this revert")
    written_pledge.refresh_from_db()
    assert written_pledge.description == "About 2,000 troops."

    page.fill("#id_change_reason", "The report says 200.")
    page.locator("[type=submit]", has_text="Revert").click()

    expect(success_message(page)).to_contain_text("was changed successfully")
    written_pledge.refresh_from_db()
    assert written_pledge.description == ""
    reason = written_pledge.history.latest().history_change_reason
    assert reason.startswith("Reverted to the version of ") and reason.endswith(": The report says 200.")
