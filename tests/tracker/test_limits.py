"""Hostile input is refused with a 4xx problem naming what is wrong, before the service does the work it asks for:
no query touches a record's table on the way to the refusal."""

import re
from dataclasses import dataclass, field

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.helpers import assert_problem

pytestmark = pytest.mark.django_db

RECORD_TABLE = re.compile(r"\b(commitments|countries|tracker)_\w+")
# What an anonymous read looks up first, the key of its cached answer: the feed's latest entry, not a record.
FEED_POSITION = re.compile(
    r'^SELECT "tracker_change"\."id"[^,]*, "tracker_change"\."history_date"[^,]* FROM "tracker_change" '
    r"ORDER BY [^,]+ DESC LIMIT 1$"
)
MEBIBYTE = 1024 * 1024


def nested(levels):
    return "[" * levels + "]" * levels


def organization(description):
    return '{"slug": "deep", "name": "Deep", "kind": "other", "description": ' + description + "}"


def terms(count, length=1):
    return " ".join(f"{index:0{length}d}"[-length:] for index in range(count))


@dataclass
class Case:
    url: str
    status: int
    field: str
    query: dict = field(default_factory=dict)
    body: str | None = None
    editor: bool = False


CATALOGUE = {
    "ordering with a doubled minus": Case("/api/v1/pledges/", 400, "ordering", {"ordering": "--id"}),
    "ordering with a doubled minus after a field": Case("/api/v1/pledges/", 400, "ordering", {"ordering": "id,--id"}),
    "ordering with a space": Case("/api/v1/countries/", 400, "ordering", {"ordering": " name"}),
    "ordering with an empty term": Case("/api/v1/countries/", 400, "ordering", {"ordering": "name,"}),
    "since as a superscript two": Case("/api/v1/changes/", 400, "since", {"since": "²"}),
    "since as a superscript three": Case("/api/v1/changes/", 400, "since", {"since": "³"}),
    "since as a circled five": Case("/api/v1/changes/", 400, "since", {"since": "⑤"}),
    "a body nested 950 levels deep": Case(
        "/api/v1/organizations/", 400, "description", body=organization(nested(950)), editor=True
    ),
    "a body nested one level past the limit": Case(
        "/api/v1/organizations/", 400, "description", body=organization(nested(32)), editor=True
    ),
    "a body nested past what JSON can decode": Case(
        "/api/v1/organizations/", 400, "description", body=organization(nested(5000)), editor=True
    ),
    "a bare list nested too deep": Case(
        "/api/v1/organizations/", 400, "non_field_errors", body=nested(40), editor=True
    ),
    "a 10 MB body": Case(
        "/api/v1/organizations/", 413, "body", body=organization('"' + "x" * 10 * MEBIBYTE + '"'), editor=True
    ),
    "5,000 targets": Case(
        "/api/v1/statements/",
        400,
        "targets",
        body='{"kind": "quote", "text": "t", "targets": [' + ",".join(['{"stance": "supports"}'] * 5000) + "]}",
        editor=True,
    ),
    "101 comma-separated countries": Case("/api/v1/pledges/", 400, "country", {"country": ",".join(["IDN"] * 101)}),
    "11 search terms": Case("/api/v1/statements/", 400, "search", {"search": terms(11)}),
    "a search term of 201 characters": Case("/api/v1/pledges/", 400, "search", {"search": "x" * 201}),
    "2,000 search terms": Case("/api/v1/statements/", 414, "search", {"search": terms(2000, 2)}),
    "an 8 KB address": Case("/api/v1/pledges/", 414, "initiative", {"initiative": "x" * 8192}),
    "an 8 KB path": Case("/api/v1/organizations/" + "x" * 8192 + "/", 414, "path"),
}


def send(case, api_client, editor_client):
    if case.body is None:
        return api_client.get(case.url, case.query)
    return editor_client.post(case.url, case.body, content_type="application/json")


def assert_names(body, name):
    named = [key for key in body["errors"] if key == name or key.startswith(f"{name}.")]
    assert named, body


@pytest.mark.parametrize("name", CATALOGUE)
def test_hostile_input_is_refused_before_any_record_is_read(api_client, editor_client, name):
    case = CATALOGUE[name]
    with CaptureQueriesContext(connection) as captured:
        response = send(case, api_client, editor_client)

    body = assert_problem(response, case.status)
    assert_names(body, case.field)
    reads = [query["sql"] for query in captured if not FEED_POSITION.match(query["sql"])]
    assert [sql for sql in reads if RECORD_TABLE.search(sql)] == []


COLLECTIONS = [
    "countries",
    "country-groups",
    "organizations",
    "people",
    "sources",
    "initiatives",
    "pledges",
    "conditions",
    "statements",
]


@pytest.mark.parametrize("collection", COLLECTIONS)
@pytest.mark.parametrize("ordering", ["--id", "id,--id", "-"])
def test_a_malformed_ordering_is_a_400_on_every_collection(api_client, collection, ordering):
    assert_problem(api_client.get(f"/api/v1/{collection}/", {"ordering": ordering}), 400, "ordering")


def test_a_position_beyond_64_bits_reads_as_the_end_of_the_feed(api_client):
    response = api_client.get("/api/v1/changes/", {"since": "9" * 19})

    assert response.status_code == 200
    assert response.json()["results"] == []


def test_a_list_at_the_limit_is_read(api_client):
    assert api_client.get("/api/v1/pledges/", {"kind": ",".join(["troops"] * 100)}).status_code == 200


def test_search_at_the_limits_is_read(api_client):
    assert api_client.get("/api/v1/statements/", {"search": terms(10, 200)}).status_code == 200


def test_a_body_too_large_for_django_is_a_413_problem_even_before_a_view_reads_it():
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "x" * 32

    response = client.post("/api/", "a=" + "x" * 2 * MEBIBYTE, content_type="application/x-www-form-urlencoded")

    assert_problem(response, 413, "body")


def test_a_long_address_outside_the_api_is_a_plain_414(api_client):
    response = api_client.get("/admin/", {"q": "x" * 8192})

    assert response.status_code == 414
