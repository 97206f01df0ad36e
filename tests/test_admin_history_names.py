"""The admin's history reads as names, not ids, and a revert is refused without a reason."""

import pytest

from commitments.models import Initiative, Organization
from commitments.services.initiatives import initiative_delete
from tests.helpers import assert_queries_flat
from tests.test_admin import admin_url, build_records, posted_form
from tests.test_admin_history import WHY, change

pytestmark = pytest.mark.django_db


def history_page(client, pledge):
    return client.get(admin_url("commitments.pledge", "history", pledge.pk)).text


def changes_of(page):
    """The diff lines of a history page, each `Field: old → new` on one line."""
    start = page.index('id="change-history"')
    body = page[start : page.index("</table>", start)]
    lines = [" ".join(item.split()) for item in body.split("<li>")[1:]]
    return [line.split("</li>")[0].replace("<strong>", "").replace("</strong>", "").strip() for line in lines]


def test_a_changed_initiative_reads_by_name_even_once_deleted(staff_client):
    first, second = build_records(2)
    old = first.initiative
    change(staff_client, "commitments.pledge", first, initiative=second.initiative.pk, change_reason=WHY)
    initiative_delete(Initiative.objects.get(pk=old.pk))
    page = history_page(staff_client, first)
    assert "Initiative: Force 0 &nbsp;&rarr;&nbsp;&nbsp;Force 1" in changes_of(page)


def test_a_changed_party_reads_as_its_country_or_organization(staff_client):
    first = build_records(1)[0]
    publisher = Organization.objects.get(slug="publisher-0")
    country = first.party.country.name
    change(staff_client, "commitments.pledge", first, country="", organization=publisher.pk, change_reason=WHY)
    assert f"Party: {country} &nbsp;&rarr;&nbsp;&nbsp;Publisher 0" in changes_of(history_page(staff_client, first))


def test_a_changed_choice_reads_as_its_label(staff_client):
    first = build_records(1)[0]
    change(staff_client, "commitments.pledge", first, kind="personnel", change_reason=WHY)
    lines = changes_of(history_page(staff_client, first))
    assert "Kind of contribution: troops &nbsp;&rarr;&nbsp;&nbsp;military personnel (type not given)" in lines


def test_the_history_page_names_related_records_in_a_query_per_model(staff_client):
    first, second = build_records(2)
    initiatives = [first.initiative, second.initiative]

    def swap(more):
        for _number in range(more):
            first.refresh_from_db()
            target = initiatives[0] if first.initiative_id == initiatives[1].pk else initiatives[1]
            change(staff_client, "commitments.pledge", first, initiative=target.pk, change_reason=WHY)

    swap(1)
    assert_queries_flat(staff_client, admin_url("commitments.pledge", "history", first.pk), swap, more=4)


def test_a_revert_without_a_reason_is_refused_and_says_why(staff_client):
    pledge = build_records(1)[0]
    first = pledge.history.earliest()
    change(staff_client, "commitments.pledge", pledge, description="Wrong figure.", change_reason=WHY)
    versions = pledge.history.count()
    url = admin_url("commitments.pledge", "simple_history", pledge.pk, first.history_id)
    response = staff_client.post(url, {**posted_form(staff_client.get(url).text), "change_reason": " "})
    assert response.status_code == 200
    assert "Give the reason for this revert below" in response.text
    assert 'id="id_change_reason_error"' in response.text
    pledge.refresh_from_db()
    assert pledge.description == "Wrong figure."
    assert pledge.history.count() == versions
