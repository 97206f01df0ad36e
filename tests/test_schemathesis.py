"""A bounded property-based run of the v1 schema: schemathesis generates requests from /api/v1/schema/, sends them
through the WSGI application and checks that no answer is a 5xx or strays from the schema.

Each test is a single pytest item whose operations run as subtests, so the seed data is loaded once per test, in
that test's transaction. The requests go through Django's WSGI handler in this thread, on the test's connection;
the handler's `close_old_connections` is disconnected for the run, as Django's own test client does, so that a
request never closes the connection the test transaction lives on.
"""

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
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

SCHEMA_URL = "/api/v1/schema/?format=json"
BOUND = settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture],
)
# What a write must never do, whatever it is sent: fail with a 5xx, or answer outside its documented responses.
CONFORMANCE = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def wsgi_app(db):
    """Django's WSGI handler over the test transaction, with the seed data loaded."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        call_command("load_seed_data", verbosity=0)
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def read_schema(wsgi_app):
    return schemathesis.openapi.from_wsgi(SCHEMA_URL, wsgi_app)


@pytest.fixture
def write_schema(wsgi_app):
    """The schema, generating only requests it says are valid: a write is judged on what it answers to those."""
    schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, wsgi_app)
    schema.config.generation.update(modes=[schemathesis.GenerationMode.POSITIVE])
    return schema


@pytest.fixture
def editor_headers(editor):
    return {"Authorization": f"Token {Token.objects.create(user=editor).key}"}


reads = schemathesis.pytest.from_fixture("read_schema").include(method="GET")
writes = schemathesis.pytest.from_fixture("write_schema").exclude(method="GET")


@pytest.mark.schemathesis
@reads.parametrize()
@BOUND
def test_reads_answer_within_the_schema(case):
    # positive_data_acceptance is left out: a request the schema allows may still name a key that does not
    # exist (`country=ZZZ`) or a cursor the API never gave out, and the contract makes those a 400.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])


@pytest.mark.schemathesis
@writes.parametrize()
@BOUND
def test_editor_writes_answer_within_the_schema(case, editor_headers):
    case.call_and_validate(headers=editor_headers, checks=CONFORMANCE)
