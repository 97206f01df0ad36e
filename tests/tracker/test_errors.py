"""Every error of the API is RFC 9457 problem details, served as application/problem+json."""

import pytest
from rest_framework.test import APIClient

from countries.api.views import CountryViewSet
from tests.factories import InitiativeFactory, PledgeFactory
from tests.helpers import assert_problem
from tracker.exceptions import flatten_errors

COUNTRIES = "/api/v1/countries/"
ORGANIZATIONS = "/api/v1/organizations/"


def problem(response, status, field=None):
    """The body of a problem+json response of `status`, checked for every member RFC 9457 asks of us."""
    body = assert_problem(response, status, field)
    assert body["type"]
    return body


@pytest.mark.django_db
def test_invalid_body_is_400_mapping_each_field_to_its_messages(editor_client):
    response = editor_client.post(ORGANIZATIONS, {"slug": "un", "name": "", "kind": "other"}, format="json")

    body = problem(response, 400, field="name")
    assert body["errors"]["name"] and all(isinstance(message, str) for message in body["errors"]["name"])
    assert "name" in body["detail"]


@pytest.mark.django_db
def test_invalid_query_parameter_is_400_naming_it(api_client):
    problem(api_client.get(COUNTRIES, {"region": "not-a-region"}), 400, field="region")


@pytest.mark.django_db
def test_unknown_id_in_an_id_filter_is_400_naming_the_parameter(api_client):
    body = problem(api_client.get("/api/v1/pledges/", {"source": "987654"}), 400, field="source")

    assert "987654" in body["errors"]["source"][0]


@pytest.mark.django_db
def test_id_filter_value_that_is_not_an_id_is_400_naming_the_parameter(api_client):
    problem(api_client.get("/api/v1/pledges/", {"source": "abc"}), 400, field="source")


def test_nested_errors_are_flattened_to_dotted_field_names():
    detail = {"targets": [{}, {"stance": ["Not a stance."]}], "name": ["Required."]}

    assert flatten_errors(detail) == {"targets.1.stance": ["Not a stance."], "name": ["Required."]}


@pytest.mark.django_db
def test_write_without_credentials_is_401_with_token_challenge(api_client):
    response = api_client.post(ORGANIZATIONS, {"slug": "un", "name": "UN", "kind": "other"}, format="json")

    problem(response, 401)
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.django_db
def test_write_without_model_permission_is_403(reader_client):
    response = reader_client.post(ORGANIZATIONS, {"slug": "un", "name": "UN", "kind": "other"}, format="json")

    problem(response, 403)


@pytest.mark.django_db
def test_unknown_record_is_404(api_client):
    body = problem(api_client.get(f"{COUNTRIES}ZZZ/"), 404)

    assert "errors" not in body


@pytest.mark.django_db
def test_unknown_path_under_v1_is_404_problem(api_client):
    body = problem(api_client.get("/api/v1/no-such-collection/"), 404)

    assert "/api/v1/no-such-collection/" in body["detail"]


@pytest.mark.django_db
def test_delete_on_a_list_is_405_naming_allowed_methods(editor_client):
    response = editor_client.delete(COUNTRIES)

    problem(response, 405)
    assert "DELETE" not in response["Allow"] and "GET" in response["Allow"]


@pytest.mark.django_db
def test_deleting_a_record_others_point_to_is_409_naming_them(editor_client):
    pledge = PledgeFactory()

    body = problem(editor_client.delete(f"/api/v1/initiatives/{pledge.initiative.slug}/"), 409)

    assert pledge.key in body["detail"]


@pytest.mark.django_db
def test_post_with_unsupported_content_type_is_415(editor_client):
    response = editor_client.post(ORGANIZATIONS, data="slug=un", content_type="text/plain")

    problem(response, 415)


@pytest.mark.django_db
def test_unacceptable_accept_header_is_406_problem(api_client):
    problem(api_client.get(COUNTRIES, HTTP_ACCEPT="application/xml"), 406)


@pytest.fixture
def strict_throttle(throttle_rates):
    """Anonymous clients may make two requests a minute."""
    throttle_rates(anon="2/min", user="2/min")


@pytest.mark.django_db
@pytest.mark.usefixtures("strict_throttle")
def test_third_request_over_the_rate_is_429_with_retry_after(api_client):
    statuses = [api_client.get(COUNTRIES, {"page_size": 1}).status_code for _ in range(2)]
    response = api_client.get(COUNTRIES, {"page_size": 1})

    assert statuses == [200, 200]
    problem(response, 429)
    assert int(response["Retry-After"]) > 0


@pytest.fixture
def failing_country_list(monkeypatch, api_client):
    def fail(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(CountryViewSet, "list", fail)
    api_client.raise_request_exception = False
    return api_client


@pytest.mark.django_db
def test_unhandled_exception_is_500_problem(failing_country_list):
    problem(failing_country_list.get(COUNTRIES), 500)


@pytest.mark.django_db
def test_500_does_not_reveal_the_exception(failing_country_list):
    response = failing_country_list.get(COUNTRIES)

    assert response.status_code == 500
    assert b"secret internals" not in response.content and b"Traceback" not in response.content


@pytest.mark.django_db
def test_boolean_filter_value_other_than_true_or_false_is_400_naming_it(api_client):
    problem(api_client.get("/api/v1/people/", {"anonymous": "maybe"}), 400, field="anonymous")


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["true", "false", "TRUE", "1", "0", ""])
def test_boolean_filter_accepts_true_false_one_zero_and_empty(api_client, value):
    assert api_client.get("/api/v1/people/", {"anonymous": value}).status_code == 200


@pytest.mark.django_db
def test_enumeration_filter_with_an_empty_item_is_400_naming_it(api_client):
    problem(api_client.get(ORGANIZATIONS, {"kind": ","}), 400, field="kind")


@pytest.mark.django_db
def test_write_to_unknown_path_under_v1_is_404_problem_not_csrf_page():
    client = APIClient(enforce_csrf_checks=True)

    problem(client.post("/api/v1/no-such-collection/", {}, format="json"), 404)


@pytest.mark.django_db
def test_form_encoded_write_is_415(editor_client):
    response = editor_client.post(ORGANIZATIONS, {"slug": "un", "name": "UN", "kind": "other"}, format="multipart")

    problem(response, 415)


@pytest.mark.django_db
def test_party_that_is_not_an_object_is_400_naming_it(editor_client):
    response = editor_client.post("/api/v1/initiatives/", {"slug": "x", "name": "X", "lead": "TUR"}, format="json")

    problem(response, 400, field="lead")


@pytest.mark.django_db
def test_source_citation_that_is_neither_id_nor_object_is_400_naming_sources(editor_client):
    InitiativeFactory(slug="isf")
    body = {"country": "IDN", "initiative": "isf", "kind": "troops", "sources": ["abc"]}

    body = problem(editor_client.post("/api/v1/pledges/", body, format="json"), 400)

    assert any(name.split(".")[0] == "sources" for name in body["errors"]), body
