import pytest
from django.urls import reverse

from commitments.models import Organization
from commitments.services.parties import organization_delete
from tests.factories import OrganizationFactory, PledgeFactory, SourceFactory
from tests.helpers import assert_problem, assert_queries_flat, results

pytestmark = pytest.mark.django_db
FEED = "/api/v1/changes/"


def changes(client, **params):
    return results(client.get(FEED, {"page_size": 500, **params}))


def test_a_create_update_and_delete_are_listed_in_order(api_client, editor_client):
    organization = OrganizationFactory()
    url = reverse("v1:organization-detail", args=[organization.slug])
    editor_client.patch(url, {"name": "Renamed"}, format="json")
    editor_client.delete(url)
    mine = [row for row in changes(api_client, collection="organizations") if row["lookup"] == organization.slug]
    assert [row["action"] for row in mine] == ["create", "update", "delete"]
    assert mine[-1]["url"] is None and mine[0]["url"].endswith(url)
    assert [row["position"] for row in mine] == sorted(row["position"] for row in mine)


def test_a_link_change_is_an_update_of_its_record(api_client, editor_client):
    pledge = PledgeFactory()
    last = changes(api_client)[-1]["position"]
    sources = [link.source_id for link in pledge.source_links.all()] + [SourceFactory().pk]
    editor_client.patch(reverse("v1:pledge-detail", args=[pledge.pk]), {"sources": sources}, format="json")
    new = changes(api_client, since=last, collection="pledges")
    assert new and {(row["lookup"], row["action"]) for row in new} == {(str(pledge.pk), "update")}


def test_since_a_position_lists_only_later_changes(api_client):
    OrganizationFactory()
    last = changes(api_client)[-1]["position"]
    created = OrganizationFactory()
    assert [row["lookup"] for row in changes(api_client, since=last)] == [created.slug]


def test_since_a_timestamp_lists_changes_at_or_after_it(api_client):
    OrganizationFactory()
    instant = Organization.history.latest("history_date").history_date
    later = OrganizationFactory()
    lookups = [row["lookup"] for row in changes(api_client, since=instant.isoformat())]
    assert later.slug in lookups and lookups[0] != later.slug


def test_the_reason_header_is_kept_in_the_feed(api_client, editor_client):
    body = {"slug": "rusi", "name": "RUSI", "kind": "think_tank"}
    editor_client.post("/api/v1/organizations/", body, format="json", HTTP_X_CHANGE_REASON="from the report")
    assert changes(api_client, collection="organizations")[-1]["reason"] == "from the report"


def test_the_user_is_shown_to_staff_only(api_client, editor_client, editor):
    OrganizationFactory()
    assert "user" not in changes(api_client)[-1]
    assert "user" not in changes(editor_client)[-1]
    editor.is_staff = True
    editor.save()
    assert "user" in changes(editor_client)[-1]


def test_a_deletion_through_a_service_is_listed(api_client):
    organization = OrganizationFactory()
    organization_delete(organization)
    assert changes(api_client)[-1]["action"] == "delete"


@pytest.mark.parametrize("params", [{"since": "yesterday"}, {"collection": "planets"}, {"collection": ","}])
def test_bad_parameters_are_400_naming_them(api_client, params):
    assert_problem(api_client.get(FEED, params), 400, next(iter(params)))


def test_the_feed_query_count_is_flat(api_client):
    assert_queries_flat(api_client, FEED, lambda count: [OrganizationFactory() for _ in range(count)])


def test_a_deleted_pledge_has_no_update_entries_after_its_delete(api_client, editor_client):
    pledge = PledgeFactory()
    editor_client.post(
        reverse("v1:pledge-events", args=[pledge.pk]),
        {"status": "possible", "date": "2025-10-20", "sources": [SourceFactory().pk]},
        format="json",
    )
    last = changes(api_client)[-1]["position"]
    editor_client.delete(reverse("v1:pledge-detail", args=[pledge.pk]))
    actions = [row["action"] for row in changes(api_client, since=last, collection="pledges")]
    assert actions[-1] == "delete" and "delete" not in actions[:-1]
