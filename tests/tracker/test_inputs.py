import pytest

from commitments.models import Organization
from tests.helpers import assert_problem

pytestmark = pytest.mark.django_db


def test_a_null_character_in_a_query_parameter_is_a_400_naming_it(api_client):
    assert_problem(api_client.get("/api/v1/pledges/", {"initiative": "isf\x00"}), 400, "initiative")


def test_a_null_character_in_an_address_is_a_400(api_client):
    assert_problem(api_client.get("/api/v1/organizations/ha%00mas/"), 400, "slug")


def test_a_null_character_in_a_nested_body_field_is_a_400_naming_its_path_and_writes_nothing(editor_client):
    body = {"slug": "x", "name": "X", "kind": "other", "country": "TU\x00"}
    assert_problem(editor_client.post("/api/v1/organizations/", body, format="json"), 400, "country")
    assert not Organization.objects.filter(slug="x").exists()


def test_a_null_character_deep_in_a_list_is_named_by_its_path(editor_client):
    body = {"slug": "c", "name": "C", "links": [{"note": "a\x00"}]}
    assert_problem(editor_client.post("/api/v1/conditions/", body, format="json"), 400, "links.0.note")
