import pytest
from django.urls import reverse

from releases.services import release_cut
from tests.helpers import assert_problem

pytestmark = pytest.mark.django_db


def citation_url(version="1.0.0"):
    return reverse("v1:release-citation", args=[version])


@pytest.fixture
def release():
    return release_cut("1.0.0", "The first release.")


def test_the_citation_is_text_by_default(api_client, release):
    response = api_client.get(citation_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Diplomatic Commitment Tracker, release 1.0.0" in text
    assert f"({release.released_at.year})" in text
    assert text.endswith("http://testserver/api/v1/releases/1.0.0/")


def test_the_citation_in_bibtex(api_client, release):
    response = api_client.get(citation_url(), {"style": "bibtex"})
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    entry = response.content.decode()
    assert entry.startswith("@misc{diplomatic-commitment-tracker-1.0.0,\n")
    assert "  version = {1.0.0}" in entry and "  url = {http://testserver/api/v1/releases/1.0.0/}" in entry


def test_the_citation_in_csl_json(api_client, release):
    response = api_client.get(citation_url(), {"style": "csl-json"})
    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json"
    (item,) = response.json()
    assert item["type"] == "dataset" and item["version"] == "1.0.0"
    day = release.released_at
    assert item["issued"] == {"date-parts": [[day.year, day.month, day.day]]}
    assert item["URL"] == "http://testserver/api/v1/releases/1.0.0/"


def test_the_accept_type_chooses_the_style(api_client, release):
    response = api_client.get(citation_url(), HTTP_ACCEPT="application/x-bibtex")
    assert response.content.startswith(b"@misc{")
    response = api_client.get(citation_url(), HTTP_ACCEPT="application/vnd.citationstyles.csl+json")
    assert response.json()[0]["id"] == "diplomatic-commitment-tracker-1.0.0"


def test_an_unknown_style_is_a_400_naming_style(api_client, release):
    assert_problem(api_client.get(citation_url(), {"style": "apa"}), 400, "style")


def test_an_unknown_release_has_no_citation(api_client):
    assert_problem(api_client.get(citation_url("2.0.0")), 404)


def test_the_citation_takes_no_other_parameter(api_client, release):
    assert_problem(api_client.get(citation_url(), {"as_of": "2025-01-01"}), 400, "as_of")
