"""Inputs at the edges of their types answer 400s that name them, never 500s."""

import pytest

from commitments.models import Statement
from tests.factories import PersonFactory, SourceFactory
from tests.helpers import assert_problem

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("param", ["announced_after", "announced_before"])
def test_the_first_days_of_the_calendar_are_valid_pledge_dates(api_client, param):
    response = api_client.get("/api/v1/pledges/", {param: "0001-01-01"})
    assert response.status_code == 200


@pytest.mark.parametrize("url", ["/api/v1/statements/", "/api/v1/sources/"])
def test_period_after_filters_accept_the_first_day_of_the_calendar(api_client, url):
    param = "stated_after" if "statements" in url else "published_after"
    assert api_client.get(url, {param: "0001-01-01"}).status_code == 200


@pytest.mark.parametrize(
    ("url", "param"),
    [("/api/v1/pledges/", "source"), ("/api/v1/conditions/", "pledge"), ("/api/v1/statements/", "pledge")],
)
def test_an_id_beyond_64_bits_is_unknown(api_client, url, param):
    assert_problem(api_client.get(url, {param: "99999999999999999999"}), 400, param)


@pytest.mark.parametrize("param", ["country", "group", "source"])
def test_a_list_of_only_empty_keys_is_400(api_client, param):
    assert_problem(api_client.get("/api/v1/pledges/", {param: ","}), 400, param)


def statement(**fields):
    return {"kind": "quote", "text": "Kata-kata", "language": "id", "sources": [SourceFactory().pk], **fields}


@pytest.mark.parametrize("speaker", [{}, {"role": "spokesperson"}])
def test_a_speaker_that_is_neither_person_nor_organization_is_400(editor_client, speaker):
    response = editor_client.post("/api/v1/statements/", statement(speakers=[speaker]), format="json")
    assert_problem(response, 400)
    assert any(field.startswith("speakers") for field in response.json()["errors"])
    assert not Statement.objects.exists()


def test_a_speaker_that_is_both_person_and_organization_is_400(editor_client):
    speaker = {"person": PersonFactory().slug, "organization": "reuters"}
    response = editor_client.post("/api/v1/statements/", statement(speakers=[speaker]), format="json")
    assert_problem(response, 400)


def test_a_locator_longer_than_its_column_is_400_naming_sources(editor_client):
    body = statement(sources=[{"id": SourceFactory().pk, "locator": "x" * 500}])
    response = editor_client.post("/api/v1/statements/", body, format="json")
    assert_problem(response, 400)
    assert any(field.startswith("sources") for field in response.json()["errors"])
