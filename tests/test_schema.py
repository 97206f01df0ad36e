"""The OpenAPI schema of v1: it builds and validates, and it documents what docs/api.md promises."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
import yaml
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import Client

from tests.factories import PledgeFactory, StatementFactory

PROBLEM = "application/problem+json"
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}

CONTRACT_PATHS = [
    "/api/v1/countries/",
    "/api/v1/countries/{iso3}/",
    "/api/v1/country-groups/",
    "/api/v1/country-groups/{slug}/",
    "/api/v1/organizations/",
    "/api/v1/organizations/{slug}/",
    "/api/v1/people/",
    "/api/v1/people/{slug}/",
    "/api/v1/initiatives/",
    "/api/v1/initiatives/{slug}/",
    "/api/v1/initiatives/{slug}/events/",
    "/api/v1/pledges/",
    "/api/v1/pledges/{id}/",
    "/api/v1/pledges/{id}/events/",
    "/api/v1/conditions/",
    "/api/v1/conditions/{slug}/",
    "/api/v1/conditions/{slug}/events/",
    "/api/v1/statements/",
    "/api/v1/statements/{id}/",
    "/api/v1/sources/",
    "/api/v1/sources/{id}/",
]
PLEDGE_PARAMETERS = {
    "country",
    "group",
    "organization",
    "initiative",
    "kind",
    "status",
    "condition",
    "unit",
    "quantity_min",
    "quantity_max",
    "announced_after",
    "announced_before",
    "updated_since",
    "source",
    "search",
    "ordering",
    "page",
    "page_size",
    "cursor",
}
# The error responses each kind of operation must document, beyond 406.
ERRORS = {
    "list": {400, 404, 429},
    "get": {404, 429},
    "post": {400, 401, 403, 415, 429},
    "put": {400, 401, 403, 404, 415, 429},
    "patch": {400, 401, 403, 404, 415, 429},
    "delete": {401, 403, 404, 409, 429},
}
ENUMS = {
    "PledgeStatusEnum": [
        "possible",
        "considering",
        "offered",
        "committed",
        "deployed",
        "fulfilled",
        "withdrawn",
        "ruled_out",
    ],
    "PledgeKindEnum": [
        "troops",
        "personnel",
        "police",
        "staff_officers",
        "observers",
        "trainers",
        "funding",
        "equipment",
        "logistics",
        "other",
    ],
    "QuantityQualifierEnum": ["exact", "approximate", "range", "at_least", "up_to", "unspecified"],
    "ConditionStatusEnum": ["unresolved", "under_negotiation", "met", "abandoned"],
    "InitiativeStatusEnum": ["proposed", "planned", "active", "suspended", "ended"],
    "StatementKindEnum": ["quote", "paraphrase", "announcement", "report", "declined_to_comment", "no_response"],
    "StanceEnum": ["supports", "opposes", "conditional", "skeptical", "undecided", "neutral"],
    "DatePrecisionEnum": ["day", "week", "month", "year"],
    "SourceKindEnum": ["news_report", "official_statement", "press_release", "interview", "document"],
    "OrganizationKindEnum": [
        "armed_group",
        "government_body",
        "military",
        "multilateral",
        "think_tank",
        "media",
        "ngo",
        "other",
    ],
    "PartyTypeEnum": ["country", "country_group", "organization"],
}


@pytest.fixture(scope="module")
def schema():
    """The schema as /api/v1/schema/ serves it (building it touches no database)."""
    response = Client().get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def operations(schema):
    """(path, method, operation) for every operation of the schema."""
    return [(path, method, op) for path, ops in schema["paths"].items() for method, op in ops.items()]


def query_names(parameter):
    """The query parameters a parameter stands for: an exploded object stands for its properties."""
    branches = parameter["schema"].get("oneOf", [parameter["schema"]])
    if parameter.get("explode") and all(branch.get("type") == "object" for branch in branches):
        return {name for branch in branches for name in branch["properties"]}
    return {parameter["name"]}


def parameter_names(op):
    return {name for parameter in op.get("parameters", []) for name in query_names(parameter)}


def is_list(schema, path, method):
    if method != "get":
        return False
    # A download (a release's package, its citation) answers in a media type of its own, never as a paged list.
    ok = schema["paths"][path]["get"]["responses"]["200"]["content"].get("application/json", {}).get("schema", {})
    return ok.get("$ref", "").startswith("#/components/schemas/Paginated")


def list_operations(schema):
    return [(path, op) for path, method, op in operations(schema) if is_list(schema, path, method)]


def test_schema_builds_and_validates_without_warnings(tmp_path):
    target = tmp_path / "schema.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))

    assert yaml.safe_load(target.read_text())["openapi"].startswith("3.")


def test_schema_endpoint_serves_yaml_by_default():
    response = Client().get("/api/v1/schema/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi")
    assert yaml.safe_load(response.content)["info"]["version"].startswith("v1")


def test_schema_endpoint_serves_json_with_format_json(schema):
    response = Client().get("/api/v1/schema/", {"format": "json"})

    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    assert response.json() == schema


def test_every_path_of_the_contract_is_in_the_schema(schema):
    assert set(CONTRACT_PATHS) <= set(schema["paths"])


def test_every_collection_has_a_list_operation(schema):
    listed = {path for path, _op in list_operations(schema)}

    assert {path for path in CONTRACT_PATHS if not path.endswith("}/")} <= listed


def test_pledge_list_documents_every_filter_of_the_contract(schema):
    assert parameter_names(schema["paths"]["/api/v1/pledges/"]["get"]) >= PLEDGE_PARAMETERS


def test_every_query_parameter_of_every_list_has_a_description(schema):
    undescribed = [
        (path, parameter["name"])
        for path, op in list_operations(schema)
        for parameter in op.get("parameters", [])
        if parameter["in"] == "query" and not parameter.get("description", "").strip()
    ]

    assert undescribed == []


def test_every_list_documents_paging_search_and_ordering(schema):
    missing = [
        (path, name)
        for path, op in list_operations(schema)
        for name in ("page", "page_size", "cursor", "search", "ordering")
        if name not in parameter_names(op)
        # timelines, histories, the change feed and the releases page, but keep their own order and are not searched
        and not path.endswith(("/events/", "/changes/", "/history/", "/releases/"))
    ]

    assert missing == []


def test_page_and_cursor_are_documented_as_alternatives(schema):
    (paging,) = [p for p in schema["paths"]["/api/v1/pledges/"]["get"]["parameters"] if p["name"] == "paging"]

    by_number, by_cursor = paging["schema"]["oneOf"]
    assert set(by_number["properties"]) == {"page", "page_size"} and by_number["additionalProperties"] is False
    assert set(by_cursor["properties"]) == {"cursor", "page_size"} and by_cursor["required"] == ["cursor"]


def test_ordering_parameter_names_the_fields_a_list_sorts_by(schema):
    (ordering,) = [p for p in schema["paths"]["/api/v1/countries/"]["get"]["parameters"] if p["name"] == "ordering"]

    choices = ordering["schema"]["items"]["enum"]
    assert {"name", "-name", "id", "-id", "iso3", "-iso3"} <= set(choices)


def test_every_optional_query_parameter_may_be_sent_empty(schema):
    """Except an exploded object parameter (paging), which is sent as its properties, never by its own name."""
    strict = [
        (path, method, p["name"])
        for path, method, op in operations(schema)
        for p in op.get("parameters", [])
        if p["in"] == "query" and not p.get("required") and not p.get("allowEmptyValue") and not p.get("explode")
    ]

    assert strict == []


def error_kind(schema, path, method):
    if is_list(schema, path, method):
        return "list"
    return method


def test_every_operation_documents_its_error_responses(schema):
    missing = {
        (method, path): sorted(ERRORS[error_kind(schema, path, method)] - {int(code) for code in op["responses"]})
        for path, method, op in operations(schema)
    }

    assert {key: codes for key, codes in missing.items() if codes} == {}


def test_every_error_response_is_problem_json(schema):
    wrong = [
        (method, path, code)
        for path, method, op in operations(schema)
        for code, response in op["responses"].items()
        if int(code) >= 400 and response.get("content") != {PROBLEM: {"schema": PROBLEM_REF}}
    ]

    assert wrong == []


def test_problem_requires_type_title_status_and_detail(schema):
    problem = schema["components"]["schemas"]["Problem"]

    assert set(problem["required"]) == {"type", "title", "status", "detail"}
    assert "errors" in problem["properties"]


def test_every_read_allows_anonymous_access(schema):
    closed = [path for path, method, op in operations(schema) if method == "get" and {} not in op.get("security", [])]

    assert closed == []


def test_every_write_requires_credentials(schema):
    open_writes = [
        (method, path)
        for path, method, op in operations(schema)
        if method != "get" and (not op.get("security") or {} in op["security"])
    ]

    assert open_writes == []


def test_every_write_takes_json_only(schema):
    media_types = {
        media_type
        for _path, method, op in operations(schema)
        if method in ("post", "put", "patch")
        for media_type in op["requestBody"]["content"]
    }

    assert media_types == {"application/json"}


@pytest.mark.parametrize("name", ENUMS)
def test_enumeration_has_a_stable_name_and_the_contract_values(schema, name):
    assert schema["components"]["schemas"][name]["enum"] == ENUMS[name]


def test_pledge_status_and_kind_refer_to_the_named_enumerations(schema):
    properties = schema["components"]["schemas"]["Pledge"]["properties"]

    assert "PledgeKindEnum" in str(properties["kind"])
    assert "PledgeStatusEnum" in str(properties["status"])


class AssetLinks(HTMLParser):
    """The URLs a page loads: script `src` and link `href`."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.urls.append(attrs["href"])


def asset_urls(html):
    parser = AssetLinks()
    parser.feed(html)
    return parser.urls


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_documentation_page_renders_as_html(url):
    response = Client().get(url)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert asset_urls(response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_documentation_page_loads_nothing_from_another_host(url):
    urls = asset_urls(Client().get(url).content.decode())

    assert [u for u in urls if urlsplit(u).netloc not in ("", "testserver")] == []


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_documentation_page_assets_are_served_by_the_app(url):
    urls = asset_urls(Client().get(url).content.decode())

    assert [u for u in urls if not served_by_the_app(u)] == []


def served_by_the_app(url):
    """A static file of the app's, or an address of its own that answers (the favicon, ReDoc's bundle)."""
    if url.startswith("/static/"):
        return finders.find(url.removeprefix("/static/")) is not None
    return url.startswith("/") and Client().get(url).status_code == 200


@pytest.mark.django_db
def test_every_documented_ordering_is_accepted(schema, api_client):
    refused = [
        (path, term, response.status_code)
        for path, op in list_operations(schema)
        for parameter in op.get("parameters", [])
        if parameter["name"] == "ordering"
        for term in parameter["schema"]["items"]["enum"]
        if (response := api_client.get(path, ordering_params(term))).status_code != 200
    ]

    assert refused == []


def ordering_params(term):
    """The term, with the search that `relevance` orders (the schema says it needs one)."""
    return {"ordering": term, "page_size": 1, **({"search": "a"} if term.endswith("relevance") else {})}


def page_of(response):
    body = response.json()
    return body["count"], body["results"]


@pytest.mark.django_db
def test_empty_query_parameter_means_not_given(schema, api_client):
    PledgeFactory()
    StatementFactory()
    changed = [
        (path, name)
        for path, op in list_operations(schema)
        for p in op.get("parameters", [])
        if p["in"] == "query" and "{" not in path
        for name in query_names(p) - {"cursor"}  # an empty cursor asks for keyset paging
        if page_of(api_client.get(path, {name: ""})) != page_of(api_client.get(path))
    ]

    assert changed == []


def test_every_operation_documents_lang_and_accept_language(schema):
    undocumented = [
        (method, path)
        for path, method, op in operations(schema)
        if not {("lang", "query"), ("Accept-Language", "header")}
        <= {(parameter["name"], parameter["in"]) for parameter in op.get("parameters", [])}
    ]

    assert undocumented == []


def test_lang_lists_the_languages_and_every_operation_documents_the_400_it_may_give(schema):
    pledges = schema["paths"]["/api/v1/pledges/{id}/"]
    lang = next(parameter for parameter in pledges["get"]["parameters"] if parameter["name"] == "lang")

    assert lang["schema"]["enum"] == ["en", "id"]
    assert [(method, path) for path, method, op in operations(schema) if "400" not in op["responses"]] == []


def test_the_schema_gives_enum_labels_in_the_language_asked_for():
    """Values are the contract; the labels beside them in each enum's description follow the language."""
    english = Client().get("/api/v1/schema/", {"format": "json"}).json()
    indonesian = Client().get("/api/v1/schema/", {"format": "json"}, HTTP_ACCEPT_LANGUAGE="id").json()

    def kind(schema):
        return schema["components"]["schemas"]["PledgeKindEnum"]

    assert kind(indonesian)["enum"] == kind(english)["enum"]
    assert "`troops` - troops" in kind(english)["description"]
    assert "`troops` - pasukan" in kind(indonesian)["description"]
