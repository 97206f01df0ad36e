import importlib

import pytest
from django.db.migrations.loader import MigrationLoader

from countries.models import Country, Region
from tracker.models import Change

pytestmark = pytest.mark.django_db

reference_data = importlib.import_module("countries.migrations.0002_load_countries")


@pytest.fixture(scope="module")
def historical_apps():
    """The models as the migrations describe them (no history manager, no feed signal), as a migration sees them."""
    return MigrationLoader(None, ignore_no_migrations=True).project_state().apps


@pytest.fixture
def load_table(historical_apps):
    """Run the data migration's loader again on these rows of the table (the shipped ones by default)."""

    def load(rows=None):
        reference_data.ReferenceLoader(historical_apps).load_countries(rows or reference_data.read_m49())

    return load


def version_counts():
    return Country.history.count(), Region.history.count(), Change.objects.count()


def table_with(changes, **where):
    """The shipped rows, with `changes` made to those whose columns hold the `where` values."""
    rows = reference_data.read_m49()
    for row in rows:
        if all(row[column] == value for column, value in where.items()):
            row.update(changes)
    return rows


def test_every_country_loaded_by_the_migration_has_its_create_version_with_the_reason():
    versions = Country.history.filter(history_type="+")
    assert versions.count() == Country.objects.count() == 249
    assert set(versions.values_list("history_change_reason", flat=True)) == {reference_data.REASON}


def test_every_region_has_its_create_version():
    assert Region.history.filter(history_type="+").count() == Region.objects.count()


def test_the_change_feed_lists_each_country_once_as_created():
    created = Change.objects.filter(collection="countries", action="create")
    assert sorted(created.values_list("lookup", flat=True)) == sorted(Country.objects.values_list("iso3", flat=True))


def test_palestine_is_in_western_asia():
    palestine = Country.objects.get(iso3="PSE")
    assert (palestine.iso2, palestine.region.code, palestine.subregion.code) == ("PS", "142", "145")


def test_loading_the_unchanged_table_again_adds_no_version_and_no_feed_entry(load_table):
    before = version_counts()
    load_table()
    assert version_counts() == before


def test_a_country_changed_in_the_table_gets_one_update_version_and_one_feed_entry(load_table):
    countries, regions, changes = version_counts()
    load_table(table_with({"name": "State of Palestine"}, iso3="PSE"))
    assert Country.objects.get(iso3="PSE").name == "State of Palestine"
    version = Country.history.filter(iso3="PSE").latest()
    assert (version.history_type, version.name, version.history_change_reason) == (
        "~",
        "State of Palestine",
        reference_data.REASON,
    )
    assert version_counts() == (countries + 1, regions, changes + 1)
    entry = Change.objects.latest("id")
    assert (entry.collection, entry.lookup, entry.action, entry.history_id) == (
        "countries",
        "PSE",
        "update",
        version.history_id,
    )


def test_a_country_changed_since_the_load_is_put_back_with_an_update_version(load_table):
    Country.objects.filter(iso3="PSE").update(m49="000")  # a write that leaves no version of its own
    load_table()
    assert Country.objects.get(iso3="PSE").m49 == "275"
    assert list(Country.history.filter(iso3="PSE").values_list("history_type", "m49")) == [("~", "275"), ("+", "275")]


def test_a_region_changed_in_the_table_gets_one_update_version_and_no_feed_entry(load_table):
    countries, regions, changes = version_counts()
    load_table(table_with({"subregion_name": "West Asia"}, subregion_code="145"))
    version = Region.history.filter(code="145").latest()
    assert (version.history_type, version.name) == ("~", "West Asia")
    assert version_counts() == (countries, regions + 1, changes)


def test_loading_a_changed_table_twice_versions_the_change_once(load_table):
    rows = table_with({"name": "State of Palestine"}, iso3="PSE")
    load_table(rows)
    after_first = version_counts()
    load_table(rows)
    assert version_counts() == after_first
