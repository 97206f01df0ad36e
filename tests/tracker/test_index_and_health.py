"""The addresses outside the collections: the API index, unknown versions, the v1 root and the health check."""

import pytest
from django.db import OperationalError

from tracker import views

COLLECTIONS = {
    "countries",
    "country-groups",
    "organizations",
    "people",
    "initiatives",
    "pledges",
    "conditions",
    "statements",
    "sources",
}


@pytest.mark.django_db
def test_api_index_lists_v1_with_its_root_schema_and_docs(api_client):
    response = api_client.get("/api/")

    assert response.status_code == 200
    assert response.json()["versions"] == [
        {
            "version": "v1",
            "url": "http://testserver/api/v1/",
            "schema": "http://testserver/api/v1/schema/",
            "docs": "http://testserver/api/v1/docs/",
            "redoc": "http://testserver/api/v1/redoc/",
        }
    ]


@pytest.mark.django_db
def test_every_link_of_the_api_index_answers(api_client):
    (version,) = api_client.get("/api/").json()["versions"]

    for name in ("url", "schema", "docs", "redoc"):
        assert api_client.get(version[name]).status_code == 200, name


@pytest.mark.django_db
def test_unknown_version_is_404_problem_naming_supported_versions(api_client):
    response = api_client.get("/api/v9/anything")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["supported_versions"] == ["v1"]
    assert "v9" in body["detail"] and "v1" in body["detail"]


@pytest.mark.django_db
def test_unknown_version_without_a_path_is_404_problem(api_client):
    response = api_client.get("/api/v2/")

    assert response.status_code == 404
    assert response.json()["supported_versions"] == ["v1"]


@pytest.mark.django_db
def test_v1_root_links_every_collection_of_the_contract(api_client):
    response = api_client.get("/api/v1/")

    assert response.status_code == 200
    expected = {name: f"http://testserver/api/v1/{name}/" for name in (*COLLECTIONS, "changes", "releases")}
    assert response.json() == expected


@pytest.mark.django_db
def test_every_collection_linked_from_the_v1_root_answers_with_a_page(api_client):
    for name, url in api_client.get("/api/v1/").json().items():
        response = api_client.get(url)
        assert response.status_code == 200, name
        assert set(response.json()) == {"count", "count_exact", "next", "previous", "results"}, name


@pytest.mark.django_db
def test_healthz_is_200_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


class UnreachableDatabase:
    """Stands in for `django.db.connection` when the database does not answer."""

    def cursor(self):
        raise OperationalError("could not connect to server")


def test_healthz_is_503_when_the_database_does_not_answer(client, monkeypatch):
    monkeypatch.setattr(views, "connection", UnreachableDatabase())

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "The database does not answer."
    assert int(response["Retry-After"]) > 0
