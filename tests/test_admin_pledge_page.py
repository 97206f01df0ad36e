"""A pledge's page shows its status timeline with the evidence of each event, and the conditions that hold it up
(directly, through its initiative, through its party's participation), as the API reads them."""

import datetime
import re

import pytest

from commitments.models import ConditionLink, Source
from commitments.services.conditions import condition_create
from commitments.services.events import status_event_create
from tests.helpers import assert_queries_flat
from tests.test_admin import admin_url, build_records

pytestmark = pytest.mark.django_db


def page_of(client, pledge):
    return client.get(admin_url("commitments.pledge", "change", pledge.pk)).text


def held_up_by(page):
    """The conditions list of a pledge's page, as text."""
    block = re.search(r'<ul class="held-up-by">(.*?)</ul>', page, re.S)
    return re.sub(r"<[^>]+>", "", block.group(1)).replace("</li>", "\n") if block else ""


def test_the_timeline_shows_each_event_dated_with_its_status_and_sources(staff_client):
    pledge = build_records(1)[0]
    source = Source.objects.get(title="Laporan 0")
    status_event_create(
        pledge, status="committed", date=datetime.date(2025, 11, 3), sources=[(source, "hlm. 4")], note="Announced."
    )
    page = page_of(staff_client, pledge)
    assert "Status timeline" in page
    possible, committed = page.index("possible (named by others"), page.index("<p>committed</p>")
    assert possible < committed  # in date order
    assert "Nov. 3, 2025" in page and "Announced." in page
    assert f'<a href="{admin_url("commitments.source", "change", source.pk)}">Laporan 0</a> (hlm. 4)' in page
    first_source = Source.objects.get(title="Report 0")
    assert f'<a href="{admin_url("commitments.source", "change", first_source.pk)}">Report 0</a>' in page


def test_the_conditions_that_hold_a_pledge_up_are_shown_with_how_they_do(staff_client):
    first, second = build_records(2)
    source = Source.objects.get(title="Report 0")
    condition_create(
        slug="mandate", name="A mandate", links=[ConditionLink(initiative=first.initiative, source=source)]
    )
    condition_create(
        slug="funding",
        name="Funding first",
        links=[ConditionLink(initiative=first.initiative, party=first.party, source=source)],
    )
    condition_create(
        slug="elsewhere", name="Elsewhere", links=[ConditionLink(initiative=second.initiative, source=source)]
    )
    shown = held_up_by(page_of(staff_client, first))
    assert "A mandate: no event yet, through its initiative" in shown
    assert "Condition 0: unresolved, directly" in shown
    assert "Funding first: no event yet, through its party&#x27;s participation in the initiative" in shown
    assert "Elsewhere" not in shown and "Condition 1" not in shown


def test_a_pledge_no_condition_holds_up_says_so(staff_client):
    pledge = build_records(1)[0]
    pledge.condition_links.get().condition.delete()
    assert "No condition holds this pledge up." in page_of(staff_client, pledge)


def test_the_pledge_page_queries_do_not_grow_with_events_and_conditions(staff_client):
    pledge = build_records(1)[0]
    source = Source.objects.get(title="Report 0")

    def add(more):
        for number in range(more):
            status_event_create(pledge, status="committed", date=datetime.date(2025, 11, 1 + number), sources=[source])
            links = [ConditionLink(initiative=pledge.initiative, source=source)]
            condition_create(slug=f"more-{number}", name=f"More {number}", links=links)

    assert_queries_flat(staff_client, admin_url("commitments.pledge", "change", pledge.pk), add, more=3)


def test_the_add_page_asks_for_the_pledge_first(staff_client):
    build_records(1)
    assert "Save this pledge first." in staff_client.get(admin_url("commitments.pledge", "add")).text


def test_the_pledge_page_and_its_filters_speak_indonesian_to_an_editor_who_asks(staff_client):
    pledge = build_records(1)[0]
    indonesian = {"HTTP_ACCEPT_LANGUAGE": "id"}
    page = staff_client.get(admin_url("commitments.pledge", "change", pledge.pk), **indonesian).text
    assert "Syarat yang menahannya" in page and "secara langsung" in page
    assert "Linimasa status" in page and "Di API" in page
    changelist = staff_client.get(admin_url("commitments.pledge", "changelist"), **indonesian).text
    assert "ditahan oleh syarat" in changelist
