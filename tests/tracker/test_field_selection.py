"""Field selection where it is not a collection's list or detail: the change feed, status timelines, and the ETag
of a selection, which names no version of the whole record to write against."""

import pytest
from django.urls import reverse

from tests.factories import PledgeFactory, add_event
from tests.helpers import assert_problem, results

pytestmark = pytest.mark.django_db


def test_the_change_feed_selects_fields(api_client):
    PledgeFactory()
    rows = results(api_client.get(reverse("v1:change-list"), {"fields": "position,action"}))
    assert rows and all(set(row) == {"position", "action"} for row in rows)
    assert_problem(api_client.get(reverse("v1:change-list"), {"omit": "user,nonsense"}), 400, "omit")


def test_a_status_timeline_selects_fields(api_client):
    pledge = PledgeFactory()
    add_event(pledge, "possible")
    url = reverse("v1:pledge-events", args=[pledge.pk])
    assert [set(row) for row in results(api_client.get(url, {"omit": "sources,statements,note"}))] == [
        {"id", "status", "date", "date_precision", "created"}
    ]
    assert_problem(api_client.get(url, {"fields": "quantity"}), 400, "fields")


def test_the_etag_of_a_selection_does_not_match_a_write(editor_client):
    pledge = PledgeFactory()
    url = reverse("v1:pledge-detail", args=[pledge.pk])
    selected = editor_client.get(url, {"fields": "key,description"})["ETag"]
    response = editor_client.patch(url, {"description": "changed"}, format="json", HTTP_IF_MATCH=selected)
    assert_problem(response, 412)
    whole = editor_client.get(url)["ETag"]
    assert editor_client.patch(url, {"description": "changed"}, format="json", HTTP_IF_MATCH=whole).status_code == 200


def test_more_names_than_a_list_may_hold_are_a_400(api_client, settings):
    settings.API_MAX_LIST_ITEMS = 3
    assert_problem(api_client.get(reverse("v1:pledge-list"), {"fields": "id,key,kind,status"}), 400, "fields")


def test_an_empty_selection_is_as_if_none_were_given(api_client):
    PledgeFactory()
    whole = results(api_client.get(reverse("v1:pledge-list")))
    assert results(api_client.get(reverse("v1:pledge-list"), {"fields": "", "omit": ""})) == whole
