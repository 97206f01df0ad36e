"""A front-end developer's first look, in Chromium: Swagger UI lists the pledges' operations and runs one with
"Try it out", ReDoc renders the schema, and the browsable API shows the JSON indented. Every script and stylesheet
comes from the app (the page fixture refuses any other address)."""

import datetime
import json

import pytest
from playwright.sync_api import expect

from commitments.services.initiatives import initiative_create
from commitments.services.parties import party_for
from commitments.services.pledges import pledge_create
from commitments.services.sources import source_create
from countries.models import Country

# ReDoc shows nothing before it has read the whole schema, which the server generates on the first request.
SCHEMA_TIMEOUT_MS = 30_000

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def pledge(transactional_db):
    initiative = initiative_create(slug="gaza-isf", name="International Stabilization Force")
    source = source_create(
        title="US troops begin monitoring Gaza ceasefire",
        language="en",
        kind="news_report",
        published=datetime.date(2025, 10, 24),
    )
    party = party_for(country=Country.objects.get(iso3="IDN"))
    return pledge_create(party=party, initiative=initiative, kind="troops", sources=[source])


def test_swagger_ui_lists_the_pledge_operations_and_runs_try_it_out(page, pledge):
    page.goto("/api/v1/docs/")

    expect(page.locator("#operations-tag-pledges")).to_be_visible()
    operations = page.locator("[id^=operations-pledges-]")
    for operation in ("pledges_list", "pledges_create", "pledges_retrieve", "pledges_partial_update"):
        expect(page.locator(f"#operations-pledges-{operation}")).to_be_visible()
    assert operations.count() >= 6

    listing = page.locator("#operations-pledges-pledges_list")
    listing.locator(".opblock-summary-control").click()
    listing.locator(".try-out__btn").click()
    listing.locator(".execute").click()

    response = listing.locator(".live-responses-table .response")
    expect(response.locator(".response-col_status")).to_have_text("200")
    body = json.loads(response.locator(".response-col_description pre").first.inner_text())
    assert body["count"] == 1 and body["results"][0]["key"] == pledge.key


def test_redoc_renders_the_pledge_operations(page, pledge):
    page.goto("/api/v1/redoc/")

    expect(page.locator("h1")).to_contain_text("Diplomatic Commitment Tracker API", timeout=SCHEMA_TIMEOUT_MS)
    page.get_by_role("menuitem", name="pledges", exact=True).click()
    page.get_by_role("menuitem", name="List pledge records").click()

    operation = page.locator("[id='tag/pledges/operation/pledges_list']")
    expect(operation.locator("h2")).to_have_text("List pledge records")
    expect(operation).to_contain_text("/api/v1/pledges/")


def test_the_browsable_api_shows_readable_indented_json(page, pledge):
    page.goto("/api/v1/pledges/")

    shown = page.locator(".response-info pre.prettyprint")
    expect(shown).to_contain_text(f'"key": "{pledge.key}"')
    text = shown.inner_text()
    answer = text[text.index("{") :]
    assert json.loads(answer)["results"][0]["key"] == pledge.key
    assert '\n    "count": 1,' in answer or '\n  "count": 1,' in answer  # one field a line, indented
    expect(shown.locator("span.str").first).to_be_visible()  # coloured by prettify, a script the app serves
