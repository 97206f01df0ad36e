import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from commitments.services.editors import EDITORS
from releases.models import Release
from releases.services import release_cut
from tests.factories import PledgeFactory, StatementFactory
from tests.helpers import assert_problem, queries_for, results

pytestmark = pytest.mark.django_db

RELEASES = reverse("v1:release-list")


def detail(version, route="detail"):
    return reverse(f"v1:release-{route}", args=[version])


def test_editor_cuts_a_release_with_its_instant_position_and_counts(editor_client):
    PledgeFactory.create_batch(2)
    response = editor_client.post(RELEASES, {"version": "1.0.0", "notes": "First."}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert response["Location"] == body["url"]
    assert body["version"] == "1.0.0" and body["notes"] == "First." and body["previous"] is None
    assert body["counts"]["pledges"] == 2 and body["counts"]["statements"] == 0
    assert body["feed_position"] > 0 and len(body["checksum"]) == 64
    assert body["changes"]["since_position"] == 0
    assert body["changes"]["counts"]["pledges"]["create"] == 2
    assert body["changes"]["url"].endswith("/api/v1/changes/?since=0")


def test_the_editors_group_may_cut_releases_and_change_none():
    codenames = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))
    assert {"add_release", "view_release"} <= codenames
    assert not {"change_release", "delete_release"} & codenames


def test_changes_since_the_previous_release_come_from_the_feed(editor_client):
    first = release_cut("1.0.0")
    pledge = PledgeFactory()
    StatementFactory()
    from commitments.services.pledges import pledge_delete

    pledge_delete(pledge)
    body = editor_client.post(RELEASES, {"version": "1.1.0"}, format="json").json()
    assert body["previous"] == "1.0.0"
    assert body["changes"]["since_position"] == first.feed_position
    assert body["changes"]["counts"]["pledges"]["create"] == 1
    assert body["changes"]["counts"]["pledges"]["delete"] == 1
    assert body["changes"]["counts"]["statements"]["create"] == 1
    assert body["changes"]["url"].endswith(f"?since={first.feed_position}")


def test_anyone_reads_the_releases_oldest_first(api_client):
    release_cut("1.0.0")
    release_cut("1.0.1")
    assert [row["version"] for row in results(api_client.get(RELEASES))] == ["1.0.0", "1.0.1"]
    body = api_client.get(detail("1.0.1")).json()
    assert body["previous"] == "1.0.0"
    assert body["package_url"].endswith("/api/v1/releases/1.0.1/package/")
    assert body["citation_url"].endswith("/api/v1/releases/1.0.1/citation/")


def test_an_unknown_version_is_a_404(api_client):
    assert_problem(api_client.get(detail("9.9.9")), 404)


def test_anonymous_user_cannot_cut_a_release(api_client):
    response = api_client.post(RELEASES, {"version": "1.0.0"}, format="json")
    assert_problem(response, 401)
    assert not Release.objects.exists()


def test_reader_cannot_cut_a_release(reader_client):
    assert_problem(reader_client.post(RELEASES, {"version": "1.0.0"}, format="json"), 403)
    assert not Release.objects.exists()


@pytest.mark.parametrize("version", ["1.0", "v1.0.0", "01.0.0", "1.0.0+build", ""])
def test_a_version_that_is_not_semantic_is_a_400_naming_version(editor_client, version):
    assert_problem(editor_client.post(RELEASES, {"version": version}, format="json"), 400, "version")


def test_a_version_taken_or_not_after_the_last_is_a_400_naming_version(editor_client):
    release_cut("1.1.0")
    for version in ("1.1.0", "1.0.9", "1.1.0-rc.1"):
        assert_problem(editor_client.post(RELEASES, {"version": version}, format="json"), 400, "version")
    assert editor_client.post(RELEASES, {"version": "1.2.0-rc.1"}, format="json").status_code == 201
    assert editor_client.post(RELEASES, {"version": "1.2.0"}, format="json").status_code == 201


def test_an_unknown_body_field_is_a_400_naming_it(editor_client):
    response = editor_client.post(RELEASES, {"version": "1.0.0", "checksum": "x"}, format="json")
    assert_problem(response, 400, "checksum")


def test_the_list_takes_the_same_queries_however_many_releases(api_client):
    release_cut("1.0.0")
    before = queries_for(api_client, RELEASES)
    for minor in range(1, 6):
        release_cut(f"1.{minor}.0")
    assert queries_for(api_client, RELEASES) == before


def test_cut_release_command_cuts_one(capsys):
    call_command("cut_release", "2.0.0", notes="From the command line.")
    release = Release.objects.get()
    assert release.notes == "From the command line."
    assert release.released_at <= datetime.datetime.now(datetime.UTC)
    assert "2.0.0" in capsys.readouterr().out
