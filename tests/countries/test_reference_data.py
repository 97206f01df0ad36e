import pytest

from countries.models import Country, Region
from countries.reference_data import REASON
from tracker.models import Change

pytestmark = pytest.mark.django_db


def test_every_country_loaded_by_the_migration_has_its_create_version_with_the_reason():
    versions = Country.history.filter(history_type="+")
    assert versions.count() == Country.objects.count() == 249
    assert set(versions.values_list("history_change_reason", flat=True)) == {REASON}


def test_every_region_has_its_create_version():
    assert Region.history.filter(history_type="+").count() == Region.objects.count()


def test_the_change_feed_lists_each_country_once_as_created():
    created = Change.objects.filter(collection="countries", action="create")
    assert sorted(created.values_list("lookup", flat=True)) == sorted(Country.objects.values_list("iso3", flat=True))


def test_palestine_is_in_western_asia():
    palestine = Country.objects.get(iso3="PSE")
    assert (palestine.iso2, palestine.region.code, palestine.subregion.code) == ("PS", "142", "145")
