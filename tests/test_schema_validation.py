"""The check that holds every answer of the suite to the schema (tests/schema_validation.py) catches a drift."""

import pytest
from django.http import HttpResponse, JsonResponse

from tests.schema_validation import SchemaDrift, check_response, to_json_schema

pytestmark = pytest.mark.django_db

COUNTRY = "/api/v1/countries/USA/"


def country_answer(api_client):
    return api_client.get(COUNTRY).json()


def test_a_documented_answer_passes(api_client):
    check_response("GET", COUNTRY, JsonResponse(country_answer(api_client)))


def test_a_field_of_the_wrong_type_is_a_drift(api_client):
    body = {**country_answer(api_client), "iso3": 840}
    with pytest.raises(SchemaDrift, match=r"GET /api/v1/countries/USA/ answered 200.*at /iso3: 840 is not of type"):
        check_response("GET", COUNTRY, JsonResponse(body))


def test_a_missing_field_is_a_drift(api_client):
    body = country_answer(api_client)
    del body["name"]
    with pytest.raises(SchemaDrift, match=r"\"name\" is a required property"):
        check_response("GET", COUNTRY, JsonResponse(body))


def test_a_field_the_schema_does_not_list_is_a_drift(api_client):
    body = {**country_answer(api_client), "capital": "Washington"}
    with pytest.raises(SchemaDrift, match="capital"):
        check_response("GET", COUNTRY, JsonResponse(body))


def test_an_undocumented_status_is_a_drift():
    with pytest.raises(SchemaDrift, match=r"answered 418.*status 418 is not documented"):
        check_response("GET", COUNTRY, HttpResponse(status=418))


def test_an_undocumented_media_type_is_a_drift():
    answer = JsonResponse({"detail": "gone"}, status=404, content_type="application/json")
    with pytest.raises(SchemaDrift, match="media type application/json is not documented"):
        check_response("GET", COUNTRY, answer)


def test_an_undocumented_address_is_not_checked():
    check_response("GET", "/api/", HttpResponse(status=418))


def test_the_test_client_checks_what_it_receives(api_client, monkeypatch):
    monkeypatch.setattr("tests.schema_validation.body_mismatches", lambda validator, body: ["planted"])
    with pytest.raises(SchemaDrift, match="planted"):
        api_client.get(COUNTRY)


def test_nullable_becomes_or_null_and_listed_properties_close_an_object():
    schema = to_json_schema({"type": "object", "properties": {"a": {"type": "string", "nullable": True}}})
    assert schema == {
        "type": "object",
        "properties": {"a": {"anyOf": [{"type": "string"}, {"type": "null"}]}},
        "additionalProperties": False,
    }
