import csv
import io
import zipfile

import pytest
from django.urls import reverse

from commitments.services.pledges import pledge_update
from releases.services import release_cut
from tests.factories import PledgeFactory
from tests.helpers import assert_problem, csv_rows, results

pytestmark = pytest.mark.django_db

PLEDGES = reverse("v1:pledge-list")


def utc(instant):
    return instant.isoformat().replace("+00:00", "Z")


def test_release_reads_the_list_as_of_the_releases_instant(api_client):
    kept = PledgeFactory(description="Before the release.")
    release = release_cut("1.0.0")
    pledge_update(kept, description="After the release.")
    PledgeFactory()
    pinned = results(api_client.get(PLEDGES, {"release": "1.0.0"}))
    assert [row["description"] for row in pinned] == ["Before the release."]
    assert pinned == results(api_client.get(PLEDGES, {"as_of": utc(release.released_at)}))


def test_release_reads_a_detail_and_a_summary_as_the_release_holds_them(api_client):
    pledge = PledgeFactory(description="Before the release.")
    release_cut("1.0.0")
    pledge_update(pledge, description="After the release.")
    PledgeFactory()
    detail = api_client.get(reverse("v1:pledge-detail", args=[pledge.pk]), {"release": "1.0.0"})
    assert detail.json()["description"] == "Before the release."
    summary = api_client.get(reverse("v1:pledge-summary"), {"release": "1.0.0"}).json()
    assert sum(group["count"] for group in summary) == 1


def test_release_answers_what_the_package_holds(api_client):
    PledgeFactory()
    release_cut("1.0.0")
    PledgeFactory()
    archive = zipfile.ZipFile(io.BytesIO(api_client.get(reverse("v1:release-package", args=["1.0.0"])).content))
    packaged = list(csv.DictReader(io.StringIO(archive.read("data/pledges.csv").decode())))
    exported, _header = csv_rows(api_client.get(PLEDGES, {"release": "1.0.0", "format": "csv", "omit": "url"}))
    assert [row["key"] for row in packaged] == [row["key"] for row in exported]
    assert packaged == [{name: value for name, value in row.items() if not name.endswith("url")} for row in exported]


def test_an_unknown_release_is_a_400_naming_release(api_client):
    assert_problem(api_client.get(PLEDGES, {"release": "9.0.0"}), 400, "release")


def test_release_with_as_of_is_a_400_naming_release(api_client):
    release_cut("1.0.0")
    assert_problem(api_client.get(PLEDGES, {"release": "1.0.0", "as_of": "2025-01-01"}), 400, "release")


def test_a_live_read_names_now_and_the_latest_feed_position(api_client):
    PledgeFactory()
    release = release_cut("1.0.0")
    response = api_client.get(PLEDGES)
    assert int(response["Tracker-Feed-Position"]) == release.feed_position
    assert response["Tracker-As-Of"] > utc(release.released_at)
    PledgeFactory()
    assert int(api_client.get(PLEDGES)["Tracker-Feed-Position"]) > release.feed_position


def test_a_read_of_a_release_names_its_instant_and_position(api_client):
    pledge = PledgeFactory()
    release = release_cut("1.0.0")
    PledgeFactory()
    for url in (PLEDGES, reverse("v1:pledge-detail", args=[pledge.pk]), reverse("v1:pledge-summary")):
        response = api_client.get(url, {"release": "1.0.0"})
        assert response["Tracker-As-Of"] == utc(release.released_at), url
        assert int(response["Tracker-Feed-Position"]) == release.feed_position, url


def test_a_read_as_of_an_instant_names_it_and_the_position_at_it(api_client):
    PledgeFactory()
    release = release_cut("1.0.0")
    PledgeFactory()
    response = api_client.get(PLEDGES, {"as_of": utc(release.released_at), "format": "csv"})
    assert response["Tracker-As-Of"] == utc(release.released_at)
    assert int(response["Tracker-Feed-Position"]) == release.feed_position
    future = api_client.get(PLEDGES, {"as_of": "2999-01-01"})
    assert future["Tracker-As-Of"] < "2999" and int(future["Tracker-Feed-Position"]) > release.feed_position


def test_a_refused_read_names_no_instant(api_client):
    response = api_client.get(PLEDGES, {"as_of": "yesterday"})
    assert response.status_code == 400 and "Tracker-As-Of" not in response
