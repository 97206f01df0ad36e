"""A pledge or a statement is cited by its key: its address, its filters and the writes that name it take the
key as well as the id."""

import pytest
from django.urls import reverse

from commitments.models import StatementTarget
from tests.factories import PledgeFactory, SourceFactory, StatementFactory, add_event
from tests.helpers import assert_problem, results

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name, factory", [("pledge", PledgeFactory), ("statement", StatementFactory)])
def test_a_record_reads_the_same_at_its_key_and_at_its_id(api_client, name, factory):
    record = factory()
    by_key = api_client.get(reverse(f"v1:{name}-detail", args=[record.key]))
    by_id = api_client.get(reverse(f"v1:{name}-detail", args=[record.pk]))
    assert by_key.status_code == 200, by_key.content
    assert by_key.json() == by_id.json()
    assert by_key["ETag"] == by_id["ETag"]


def test_an_unknown_key_is_a_404(api_client):
    PledgeFactory()
    assert_problem(api_client.get(reverse("v1:pledge-detail", args=["no-such-pledge"])), 404)


def test_a_pledge_is_changed_history_read_and_events_added_at_its_key(editor_client):
    pledge = PledgeFactory()
    response = editor_client.patch(reverse("v1:pledge-detail", args=[pledge.key]), {"description": "By key"})
    assert response.status_code == 200 and response.json()["description"] == "By key"
    history = editor_client.get(reverse("v1:pledge-history", args=[pledge.key]))
    assert results(history)[0]["changes"][0]["field"] == "description"
    event = {"status": "offered", "date": "2025-10-24", "sources": [SourceFactory().pk]}
    assert editor_client.post(reverse("v1:pledge-events", args=[pledge.key]), event).status_code == 201


def test_a_pledge_deleted_since_is_found_by_key_as_of_before(api_client, editor_client):
    pledge = PledgeFactory()
    address = reverse("v1:pledge-detail", args=[pledge.key])
    before = pledge.history.latest().history_date.isoformat().replace("+00:00", "Z")
    assert editor_client.delete(address).status_code == 204
    assert api_client.get(address).status_code == 404
    assert api_client.get(address, {"as_of": before}).json()["key"] == pledge.key


def test_the_statement_filter_on_pledges_takes_keys_and_ids_alike(api_client):
    pledge = PledgeFactory()
    statement = StatementFactory(targets=[StatementTarget(pledge=pledge, stance="supports")])
    StatementFactory()
    by_key = api_client.get(reverse("v1:statement-list"), {"pledge": pledge.key})
    by_id = api_client.get(reverse("v1:statement-list"), {"pledge": str(pledge.pk)})
    assert [row["key"] for row in results(by_key)] == [statement.key]
    assert results(by_key) == results(by_id)


def test_a_condition_filter_on_pledges_takes_a_key(api_client):
    pledge = PledgeFactory()
    response = api_client.get(reverse("v1:condition-list"), {"pledge": f"{pledge.key},{pledge.pk}"})
    assert response.status_code == 200


def test_an_unknown_pledge_key_in_a_filter_is_named(api_client):
    body = assert_problem(api_client.get(reverse("v1:statement-list"), {"pledge": "no-such-pledge"}), 400, "pledge")
    assert "no-such-pledge" in body["errors"]["pledge"][0]


def test_an_event_cites_a_statement_by_key(editor_client):
    pledge, statement = PledgeFactory(), StatementFactory()
    event = {"status": "offered", "date": "2025-10-24", "statements": [statement.key]}
    response = editor_client.post(reverse("v1:pledge-events", args=[pledge.pk]), event)
    assert response.status_code == 201, response.content
    assert [cited["key"] for cited in response.json()["statements"]] == [statement.key]


def test_a_statement_targets_a_pledge_by_key(editor_client):
    pledge = PledgeFactory()
    add_event(pledge, "offered")
    body = {
        "kind": "quote",
        "text": "Kami mendukung.",
        "language": "id",
        "targets": [{"pledge": pledge.key, "stance": "supports"}],
        "sources": [SourceFactory().pk],
    }
    response = editor_client.post(reverse("v1:statement-list"), body)
    assert response.status_code == 201, response.content
    assert response.json()["targets"][0]["pledge"]["key"] == pledge.key
