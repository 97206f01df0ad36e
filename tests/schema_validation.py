"""Every answer the test suite receives from a documented v1 operation is held to the OpenAPI schema.

An autouse fixture wraps Django's test client (and so DRF's APIClient, a subclass): each response to a path and
method the schema documents must have a documented status code, and a JSON body must be of a documented media
type and match that status code's schema. A mismatch fails the test that received the answer, naming the method,
the path, the status and what does not match. Requests to undocumented addresses (`/api/`, `/admin/`, the schema
itself) and methods (a 405) pass unchecked: there is no promise to hold them to.

The schema is generated once per run by drf-spectacular, as `/api/v1/schema/` serves it. OpenAPI 3.0 is not quite
JSON Schema, so each schema is translated first: `nullable: true` becomes "or null", and an object that lists its
properties admits no others, so that a field the output has and the schema lacks is a drift too. A validator is
compiled once for each operation and status code, on first use.
"""

import functools
import json
import re

import jsonschema_rs
import pytest
from django.test.client import Client
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer

SCHEMA_URLCONF = "config.api_urls"
PATH_PARAMETER = re.compile(r"\{[^}/]+\}")
BODILESS_STATUSES = {204, 304}


class SchemaDrift(AssertionError):
    """An answer the schema does not document."""


@functools.cache
def openapi_schema():
    """The v1 schema as its view serves it, as plain JSON."""
    generator = SchemaGenerator(urlconf=SCHEMA_URLCONF, api_version="v1")
    return json.loads(OpenApiJsonRenderer().render(generator.get_schema(request=None, public=True)))


def to_json_schema(node):
    """An OpenAPI 3.0 schema object as JSON Schema, with every object closed to properties it does not list."""
    if isinstance(node, list):
        return [to_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: to_json_schema(value) for key, value in node.items() if key != "nullable"}
    if "properties" in converted and "additionalProperties" not in converted:
        converted["additionalProperties"] = False
    if node.get("nullable"):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


@functools.cache
def components():
    return to_json_schema(openapi_schema().get("components", {}))


def path_pattern(template):
    """`/api/v1/pledges/{id}/` as a pattern that matches `/api/v1/pledges/3/` and nothing longer."""
    return re.compile("^" + "[^/]+".join(re.escape(part) for part in PATH_PARAMETER.split(template)) + "$")


@functools.cache
def path_templates():
    """Each documented path as a pattern, with its template and its operations by lower-case method; those with
    fewer parameters first, so that `/pledges/summary/` is not read as `/pledges/{id}/`."""
    paths = sorted(openapi_schema()["paths"].items(), key=lambda item: len(PATH_PARAMETER.findall(item[0])))
    return [(path_pattern(path), path, operations) for path, operations in paths]


def documented_operation(method, path):
    """(template, operation) of the schema for this request, or None when the schema documents none."""
    for pattern, template, operations in path_templates():
        if pattern.match(path):
            operation = operations.get(method.lower())
            return (template, operation) if isinstance(operation, dict) else None
    return None


@functools.cache
def body_validator(template, method, status, media_type, selected=False):
    """The compiled validator of one operation's body for one status code and media type; for a read of selected
    fields (`fields`, `omit`), one that requires no field of a row."""
    operation = openapi_schema()["paths"][template][method]
    schema = operation["responses"][status]["content"][media_type].get("schema", {})
    found = components()
    if selected:
        found = without_required(found)
    return jsonschema_rs.validator_for({**to_json_schema(schema), "components": found}, validate_formats=True)


def without_required(node):
    if isinstance(node, list):
        return [without_required(item) for item in node]
    if not isinstance(node, dict):
        return node
    return {key: without_required(value) for key, value in node.items() if key != "required"}


def documented_response(operation, status_code):
    responses = operation["responses"]
    for key in (str(status_code), f"{str(status_code)[0]}XX", "default"):
        if key in responses:
            return key, responses[key]
    return None, None


def media_type_of(response):
    return response.get("Content-Type", "").split(";")[0].strip().lower()


def body_mismatches(validator, body):
    """One line per place where the body differs from the schema, at most five."""
    errors = list(validator.iter_errors(body))[:5]
    return [f"at /{'/'.join(str(part) for part in error.instance_path)}: {error.message}" for error in errors]


def schema_mismatch(method, path, response):
    """What in this answer the schema does not document, or None when it matches (or nothing is promised)."""
    found = documented_operation(method, path)
    if found is None:
        return None
    template, operation = found
    status_key, documented = documented_response(operation, response.status_code)
    if documented is None:
        return f"status {response.status_code} is not documented (documented: {', '.join(operation['responses'])})"
    media_type = media_type_of(response)
    if response.status_code in BODILESS_STATUSES:
        return None
    content = documented.get("content", {})
    if media_type not in content and (media_type.endswith("json") or response.streaming):
        return f"media type {media_type} is not documented for this status (documented: {', '.join(content) or 'none'})"
    if not media_type.endswith("json"):
        return None
    validator = body_validator(template, method.lower(), status_key, media_type, selected(response))
    mismatches = [mismatch for body in bodies(response, media_type) for mismatch in body_mismatches(validator, body)]
    return "; ".join(mismatches[:5]) or None


def selected(response):
    """Whether the request selected fields, whose rows then lack what the schema requires of whole rows."""
    query = getattr(response, "request", {}).get("QUERY_STRING", "")
    return any(f"{name}=" in query for name in ("fields", "omit"))


def bodies(response, media_type):
    """The JSON bodies of an answer: one, or each line of JSON Lines but a final error line. A streamed body is
    read whole and put back, so that the test still reads it."""
    if not response.streaming:
        return [json.loads(response.content)]
    content = b"".join(response.streaming_content)
    response.streaming_content = [content]
    if media_type != "application/x-ndjson":
        return [json.loads(content)]
    lines = [json.loads(line) for line in content.splitlines() if line]
    return [line for line in lines if set(line) != {"error"}]


def check_response(method, path, response):
    """Raise SchemaDrift, naming the request, status and mismatch, when the schema does not document this answer."""
    mismatch = schema_mismatch(method, path, response)
    if mismatch:
        raise SchemaDrift(f"{method} {path} answered {response.status_code}, which strays from the schema: {mismatch}")


@pytest.fixture(autouse=True)
def validate_api_responses(monkeypatch):
    """Every response a test client receives is checked against the schema as it arrives."""
    send = Client.request

    def request_and_check(client, **request):
        response = send(client, **request)
        check_response(response.request["REQUEST_METHOD"], response.request["PATH_INFO"], response)
        return response

    monkeypatch.setattr(Client, "request", request_and_check)
