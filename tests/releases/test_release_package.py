import csv
import hashlib
import io
import json
import zipfile

import pytest
from django.urls import reverse
from frictionless import Package, validate

from commitments.services.pledges import pledge_update
from countries.models import Country
from countries.services import country_update
from releases.collections import packaged_collections
from releases.services import release_cut
from tests.factories import ConditionFactory, PledgeFactory, StatementFactory, add_event
from tests.helpers import assert_problem, csv_rows

pytestmark = pytest.mark.django_db


def package_of(client, version):
    response = client.get(reverse("v1:release-package", args=[version]))
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == f'attachment; filename="diplomatic-commitment-tracker-{version}.zip"'
    return response.content


def some_records():
    pledge = PledgeFactory(description="=HYPERLINK(1)")
    add_event(pledge, "offered")
    ConditionFactory()
    StatementFactory()
    return pledge


def test_the_package_is_a_valid_data_package(api_client, tmp_path):
    some_records()
    release_cut("1.0.0", "The first release.")
    zipfile.ZipFile(io.BytesIO(package_of(api_client, "1.0.0"))).extractall(tmp_path)
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = Package(str(tmp_path / "datapackage.json"))
    assert package.version == "1.0.0" and package.licenses[0]["name"] == "CC-BY-4.0"
    assert [resource.name for resource in package.resources] == sorted(packaged_collections())


def test_the_descriptor_names_the_release_its_licence_sources_and_citation(api_client):
    some_records()
    release = release_cut("1.0.0", "The first release.")
    archive = zipfile.ZipFile(io.BytesIO(package_of(api_client, "1.0.0")))
    descriptor = json.loads(archive.read("datapackage.json"))
    assert descriptor["created"] == release.released_at.isoformat().replace("+00:00", "Z")
    assert descriptor["description"] == "The first release."
    assert "Reuters" in descriptor["sources"][0]["title"]
    assert "release 1.0.0" in descriptor["citation"]
    pledges = next(resource for resource in descriptor["resources"] if resource["name"] == "pledges")
    fields = {field["name"]: field["type"] for field in pledges["schema"]["fields"]}
    assert fields["id"] == "integer" and fields["quantity_low"] == "integer" and fields["created"] == "datetime"
    assert fields["party_key"] == "string" and "url" not in fields
    assert [info.filename for info in archive.infolist()] == ["datapackage.json", *path_of(descriptor)]
    *day, second = release.released_at.timetuple()[:6]
    assert {info.date_time for info in archive.infolist()} == {(*day, second - second % 2)}


def path_of(descriptor):
    return [resource["path"] for resource in descriptor["resources"]]


def test_the_package_is_the_same_bytes_after_later_edits(api_client):
    pledge = some_records()
    release = release_cut("1.0.0")
    first = package_of(api_client, "1.0.0")
    assert hashlib.sha256(first).hexdigest() == release.checksum
    pledge_update(pledge, description="Changed after the release.")
    country_update(Country.objects.get(iso3="IDN"), name="Indonesia, renamed")
    PledgeFactory()
    again = package_of(api_client, "1.0.0")
    assert again == first
    assert (
        hashlib.sha256(again).hexdigest()
        == api_client.get(reverse("v1:release-detail", args=["1.0.0"])).json()["checksum"]
    )


def test_each_csv_holds_the_export_as_of_the_release(api_client):
    pledge = some_records()
    release = release_cut("1.0.0")
    pledge_update(pledge, description="Changed after the release.")
    PledgeFactory()
    archive = zipfile.ZipFile(io.BytesIO(package_of(api_client, "1.0.0")))
    for name in packaged_collections():
        packaged = list(csv.DictReader(io.StringIO(archive.read(f"data/{name}.csv").decode())))
        params = {"as_of": release.released_at.isoformat(), "ordering": "id", "format": "csv"}
        exported, _header = csv_rows(api_client.get(f"/api/v1/{name}/", params))
        assert packaged == [without_addresses(row) for row in exported], name
        assert len(packaged) == release.counts[name]
    pledges = list(csv.DictReader(io.StringIO(archive.read("data/pledges.csv").decode())))
    assert pledges[0]["description"] == "'=HYPERLINK(1)" and len(pledges) == 1


def without_addresses(row):
    return {name: value for name, value in row.items() if not name.endswith("url")}


def test_an_unknown_release_has_no_package(api_client):
    assert_problem(api_client.get(reverse("v1:release-package", args=["1.0.0"])), 404)
