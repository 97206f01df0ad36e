"""Nothing a client sends is silently ignored: read-only and unknown body fields and unknown query parameters
are 400s naming them, and a write that changes nothing leaves no version and no feed entry."""

import pytest
from django.urls import reverse

from commitments.models import Pledge
from tests.factories import PledgeFactory, SourceFactory, add_event
from tracker.models import Change

pytestmark = pytest.mark.django_db


def detail(pledge):
    return reverse("v1:pledge-detail", args=[pledge.pk])


def versions(pledge):
    return pledge.history.count(), Change.objects.count()


def errors(response, status=400):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    return response.json()["errors"]


def test_patching_status_is_refused_with_the_way_to_change_it(editor_client):
    pledge = PledgeFactory()
    add_event(pledge, "offered")
    before = versions(pledge)

    messages = errors(editor_client.patch(detail(pledge), {"status": "withdrawn"}))

    assert list(messages) == ["status"]
    assert f"POST /api/v1/pledges/{pledge.pk}/events/" in messages["status"][0]
    pledge.refresh_from_db()
    assert pledge.status == "offered"
    assert versions(pledge) == before


@pytest.mark.parametrize("field", ["id", "created", "url", "events_url", "conditions"])
def test_each_read_only_field_in_a_create_is_named(editor_client, field):
    body = {"country": "IDN", "initiative": PledgeFactory().initiative.slug, "kind": "troops"}
    response = editor_client.post(reverse("v1:pledge-list"), {**body, "sources": [SourceFactory().pk], field: 1})
    assert errors(response) == {field: ["This field is read-only."]}
    assert Pledge.objects.count() == 1


def test_an_unknown_field_is_named_with_the_fields_that_can_be_written(editor_client):
    pledge = PledgeFactory()
    messages = errors(editor_client.patch(detail(pledge), {"descripton": "typo", "description": "kept out"}))
    assert list(messages) == ["descripton"]
    assert "description" in messages["descripton"][0] and "sources" in messages["descripton"][0]
    pledge.refresh_from_db()
    assert pledge.description != "kept out"


def test_an_unknown_field_inside_a_nested_object_is_named_by_its_path(editor_client):
    pledge = PledgeFactory()
    response = editor_client.patch(detail(pledge), {"quantity": {"qualifier": "exact", "low": 5, "hgih": 5}})
    assert list(errors(response)) == ["quantity.hgih"]


def test_a_read_only_field_sent_back_with_its_current_value_is_accepted(editor_client):
    pledge = PledgeFactory()
    add_event(pledge, "offered")
    response = editor_client.patch(detail(pledge), {"status": "offered", "description": "Changed"})
    assert response.status_code == 200, response.content
    assert response.json()["description"] == "Changed"


def test_a_patch_that_changes_nothing_answers_the_record_and_writes_no_version(editor_client):
    pledge = PledgeFactory(description="Same")
    read = editor_client.get(detail(pledge)).json()
    before = versions(pledge)

    response = editor_client.patch(detail(pledge), {"description": "Same", "kind": read["kind"]})

    assert response.status_code == 200
    assert response.json()["description"] == "Same"
    assert versions(pledge) == before


def test_a_put_of_what_was_read_writes_no_version(editor_client):
    pledge = PledgeFactory()
    read = editor_client.get(detail(pledge)).json()
    written = {
        **read,
        "country": read["country"]["iso3"],
        "initiative": read["initiative"]["slug"],
        "sources": [{"id": source["id"], "locator": source["locator"]} for source in read["sources"]],
    }
    before = versions(pledge)
    assert editor_client.put(detail(pledge), written).status_code == 200
    assert versions(pledge) == before


def test_an_event_post_refuses_unknown_fields(editor_client):
    pledge = PledgeFactory()
    body = {"status": "offered", "date": "2025-10-24", "sources": [SourceFactory().pk], "dte": "2025-10-25"}
    response = editor_client.post(reverse("v1:pledge-events", args=[pledge.pk]), body)
    assert list(errors(response)) == ["dte"]
    assert not pledge.events.exists()


def test_a_misspelled_filter_is_refused_and_the_accepted_ones_are_listed(api_client):
    PledgeFactory()
    messages = errors(api_client.get(reverse("v1:pledge-list"), {"contry": "IDN"}))
    assert list(messages) == ["contry"]
    for accepted in ("country", "page", "cursor", "ordering", "search", "as_of", "valid_at"):
        assert accepted in messages["contry"][0]


@pytest.mark.parametrize(
    "url, param",
    [
        (lambda: reverse("v1:pledge-detail", args=[PledgeFactory().pk]), "country"),
        (lambda: reverse("v1:pledge-history", args=[PledgeFactory().pk]), "as_of"),
        (lambda: reverse("v1:pledge-events", args=[PledgeFactory().pk]), "status"),
        (lambda: reverse("v1:statement-list"), "valid_at"),
        (lambda: reverse("v1:change-list"), "after"),
        (lambda: reverse("v1:country-list"), "key"),
    ],
)
def test_every_operation_refuses_parameters_it_does_not_define(api_client, url, param):
    assert list(errors(api_client.get(url(), {param: "x"}))) == [param]


def test_the_parameters_an_operation_defines_are_accepted(api_client):
    pledge = PledgeFactory()
    params = {"page": 1, "page_size": 5, "ordering": "-id", "search": pledge.key, "format": "json"}
    assert api_client.get(reverse("v1:pledge-list"), params).status_code == 200
    assert api_client.get(reverse("v1:change-list"), {"since": 0, "collection": "pledges"}).status_code == 200


def test_a_write_refuses_query_parameters(editor_client):
    pledge = PledgeFactory(description="Before")
    response = editor_client.patch(f"{detail(pledge)}?dry_run=1", {"description": "After"})
    assert list(errors(response)) == ["dry_run"]
    pledge.refresh_from_db()
    assert pledge.description == "Before"
