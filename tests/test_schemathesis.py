"""A bounded property-based run of the v1 schema: schemathesis generates requests from /api/v1/schema/, valid and
invalid, sends them through the WSGI application anonymously and as an editor, and checks that no answer is a 5xx
or strays from the schema, that what the schema allows is accepted and that what it forbids is refused.

One exclusion: a request the schema allows may name a record that does not exist (`country=ZZ`, `initiative=x`),
and the contract makes that a 400 naming the parameter. `accepts_valid_data` lets a 400 pass when every message
in it is one of those "unknown" messages (REFERENCE_MESSAGES, in either language the API answers in), and holds
every other 400 to the schema.

Writes are held to every check but the acceptance of valid data: a body the schema allows may still break a
rule between its fields (one party, a quantity's bounds, an end after the start) that the schema cannot state.

Each test is a single pytest item whose operations run as subtests, so the seed data is loaded once per test, in
that test's transaction. The requests go through Django's WSGI handler in this thread, on the test's connection;
the handler's `close_old_connections` is disconnected for the run, as Django's own test client does, so that a
request never closes the connection the test transaction lives on.
"""

import re
from urllib.parse import parse_qsl, urlsplit

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

SCHEMA_URL = "/api/v1/schema/?format=json"
MODES = [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]
# Each in English and, for the requests that ask for it (`lang=id`, `Accept-Language: id`), in Indonesian.
REFERENCE_MESSAGES = re.compile(
    r"^Unknown( country code)?: |is not a known ISO 639 language|does not exist"
    r"|^No (country has the code|record has the slug|record has the id or key|source has the id)"
    r"|^(Kode negara t|T)idak dikenal: |bukan bahasa ISO 639 yang dikenal|^Objek dengan primary key .* tidak ditemukan"
    r"|^Tidak ada (objek dengan|negara dengan kode|entri dengan slug|entri dengan id atau kunci|sumber dengan id)"
    r"|^No release has this version|^Tidak ada rilis dengan versi ini"
)
# OpenAPI cannot tie one parameter's values to another's: `ordering` other than id with a cursor, a `page`
# whose `page_size` takes it beyond the depth that pages by number reach, paging in an export, or `fields` with
# `omit`, or `release` with `as_of`.
CROSS_PARAMETER_MESSAGES = re.compile(
    r"^With a cursor, ordering may only be|^Pages by number reach the first|^An export holds every row"
    r"|^Pass either fields or omit|^Pass either release or as_of"
    r"|^Dengan kursor, pengurutan hanya boleh|^Halaman menurut nomor mencapai|^Ekspor memuat semua baris"
    r"|^Berikan fields atau omit|^Berikan release atau as_of"
)


def bound(examples):
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


@schemathesis.hook
def filter_path_parameters(context, path_parameters):
    """A generated lookup that spells a route of its own beside the record's (`summary` in `/pledges/{id}/`) reaches
    that route, not a record: such a value is not generated. (Schemathesis draws values from the service's own string
    constants, so which ones it tries changes with the code.)"""
    operation = context.operation
    if operation is None or not path_parameters:
        return True
    path = operation.path
    for name, value in path_parameters.items():
        path = path.replace(f"{{{name}}}", str(value))
    return path == operation.path or path not in operation.schema.raw_schema["paths"]


@schemathesis.check
def accepts_valid_data(ctx, response, case):
    """positive_data_acceptance, except for a 400 that only says a named record does not exist (or that
    `ordering` other than id or -id was sent with a cursor)."""
    if response.status_code == 400 and names_only_unknown_records(response):
        return None
    return positive_data_acceptance(ctx, response, case)


def names_only_unknown_records(response):
    messages = [message for field in response.json().get("errors", {}).values() for message in field]
    excused = [REFERENCE_MESSAGES, CROSS_PARAMETER_MESSAGES]
    return bool(messages) and all(any(kind.search(message) for kind in excused) for message in messages)


@schemathesis.check
def rejects_invalid_data(ctx, response, case):
    """negative_data_rejection, for requests that send only the query parameters the operation names; a 412 (a
    stale If-Match, refused before the body is read), 413 or 414 is a refusal too."""
    sent = {name for name, _value in parse_qsl(urlsplit(response.request.url).query, keep_blank_values=True)}
    if sent - query_names(case.operation) or response.status_code in REFUSALS:
        return None
    return negative_data_rejection(ctx, response, case)


def query_names(operation):
    """The query parameters of an operation as they appear on the wire: `paging` stands for its properties."""
    names = set()
    for parameter in operation.definition.raw.get("parameters", []):
        branches = parameter["schema"].get("oneOf", [])
        if parameter["in"] == "query" and parameter.get("explode") and branches:
            names |= {name for branch in branches for name in branch.get("properties", {})}
        elif parameter["in"] == "query":
            names.add(parameter["name"])
    return names


REFUSALS = {412, 413, 414}
CONFORMANCE = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    rejects_invalid_data,
]


@pytest.fixture
def wsgi_app(db, settings):
    """Django's WSGI handler over the test transaction, with the seed data loaded. Addresses may be longer than the
    service's limit, which generated lists of 100 values pass and which tests/tracker/test_limits.py covers."""
    settings.API_MAX_URI_LENGTH = 64 * 1024
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        call_command("load_seed_data", verbosity=0)
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(wsgi_app):
    """The schema, generating valid and invalid requests. A query parameter the operation does not name (which
    includes `paging` sent as such rather than as its properties) is not counted as invalid data: refusing those is
    a rule of its own, with tests of its own."""
    schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, wsgi_app)
    schema.config.generation.update(modes=MODES, allow_x00=False, allow_extra_parameters=False)
    schema.config.phases.update(phases=["examples", "fuzzing"])
    return schema


@pytest.fixture
def editor_headers(editor):
    return {"Authorization": f"Token {Token.objects.create(user=editor).key}"}


reads = schemathesis.pytest.from_fixture("api_schema").include(method="GET")
writes = schemathesis.pytest.from_fixture("api_schema").exclude(method="GET")


@pytest.mark.schemathesis
@reads.parametrize()
@bound(4)
def test_reads_answer_within_the_schema_anonymously_and_as_an_editor(case, editor_headers):
    checks = [*CONFORMANCE, accepts_valid_data]
    case.call_and_validate(checks=checks)
    case.call_and_validate(headers=editor_headers, checks=checks)


@pytest.mark.schemathesis
@writes.parametrize()
@bound(3)
def test_writes_answer_within_the_schema_anonymously_and_as_an_editor(case, editor_headers):
    case.call_and_validate(checks=CONFORMANCE)
    case.call_and_validate(headers=editor_headers, checks=CONFORMANCE)
