"""An editor imports a colleague's spreadsheet in Chromium: a file with one bad row is previewed as its errors and
writes nothing; the corrected file is previewed row by row, confirmed and written once; the same file again
changes nothing."""

import pytest
from playwright.sync_api import expect

from commitments.models import Organization
from tests.browser.admin_pages import success_message
from tracker.models import Change

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HEADER = "slug,name,kind,country_iso3"
GOOD_ROWS = [
    "un-dpo,UN Department of Peace Operations,multilateral,",
    "kemlu,Kementerian Luar Negeri,government_body,IDN",
]
REASON = "The ministry's list of 20 October 2025."


def spreadsheet(*rows: str) -> dict:
    content = "\r\n".join([HEADER, *rows]) + "\r\n"
    return {"name": "organizations.csv", "mimeType": "text/csv", "buffer": content.encode()}


def preview(page, *rows: str) -> None:
    """From the organizations' list, its Import link: the file and the reason, then the preview."""
    page.goto("/admin/commitments/organization/")
    page.click("a.import_link")
    page.set_input_files("#id_import_file", files=[spreadsheet(*rows)])
    page.fill("#id_change_reason", REASON)
    page.click("#import-form [type=submit]")


def test_an_import_with_a_bad_row_writes_nothing_and_its_correction_is_written_once(logged_in_editor):
    page = logged_in_editor
    before = Change.objects.count()

    preview(page, GOOD_ROWS[0], GOOD_ROWS[1].replace(",IDN", ",XYZ"))
    errors = page.locator("#import-errors")
    expect(errors).to_contain_text("row 3, column country_iso3")
    expect(errors).to_contain_text("No country has the code XYZ.")
    expect(page.locator("#confirm-import")).to_have_count(0)
    assert not Organization.objects.exists()
    assert Change.objects.count() == before

    preview(page, *GOOD_ROWS)
    expect(page.locator("#import-summary")).to_have_text("2 to create, 0 to change, 0 left unchanged.")
    expect(page.locator("#import-preview tr.import-created")).to_have_count(2)
    assert not Organization.objects.exists()
    page.click("#confirm-import [name=confirm]")
    expect(success_message(page)).to_contain_text("Imported: 2 created, 0 changed, 0 unchanged.")
    expect(page.locator("#result_list")).to_contain_text("Kementerian Luar Negeri")
    assert set(Organization.objects.values_list("slug", flat=True)) == {"un-dpo", "kemlu"}
    written = list(Change.objects.order_by("id")[before:].values_list("lookup", "reason"))
    assert written == [("un-dpo", REASON), ("kemlu", REASON)]

    preview(page, *GOOD_ROWS)
    expect(page.locator("#import-summary")).to_have_text("0 to create, 0 to change, 2 left unchanged.")
    page.click("#confirm-import [name=confirm]")
    expect(success_message(page)).to_contain_text("Imported: 0 created, 0 changed, 2 unchanged.")
    assert Change.objects.count() == before + 2
