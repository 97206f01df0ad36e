"""Releases in the admin: an editor reads them as they were cut, and nobody adds, changes or deletes one there."""

import pytest

from releases.models import Release
from releases.services import release_cut
from tests.factories import PledgeFactory
from tests.test_admin import admin_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def release():
    PledgeFactory()
    return release_cut("1.0.0", notes="First data set")


def test_an_editor_reads_the_releases_and_each_release_as_cut(staff_client, release):
    listing = staff_client.get(admin_url("releases.release", "changelist"))
    assert listing.status_code == 200 and "1.0.0" in listing.text
    page = staff_client.get(admin_url("releases.release", "change", release.pk))
    assert page.status_code == 200 and release.checksum in page.text and "First data set" in page.text


def test_the_admin_neither_adds_changes_nor_deletes_a_release(staff_client, release):
    assert staff_client.get(admin_url("releases.release", "add")).status_code == 403
    changed = staff_client.post(admin_url("releases.release", "change", release.pk), {"notes": "rewritten"})
    assert changed.status_code == 403
    assert staff_client.post(admin_url("releases.release", "delete", release.pk), {"post": "yes"}).status_code == 403
    assert Release.objects.get(pk=release.pk).notes == "First data set"
