"""OpenAPI: every operation documents its error responses as problem details, and reads need no credentials.

drf-spectacular reads viewsets, serializers and filtersets; this adds only what it cannot see.
"""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.permissions import SAFE_METHODS

from .exceptions import PROBLEM_CONTENT_TYPE

ERROR_DESCRIPTIONS = {
    400: "Invalid input or query parameter; `errors` maps each field or parameter to its messages.",
    401: "No credentials: send `Authorization: Token <key>` or a session with CSRF.",
    403: "Authenticated, but without the model permission this operation needs.",
    404: "No record at this address, or a page past the end.",
    405: "Method not allowed here.",
    406: "No representation in the requested media type.",
    409: "The record cannot be deleted while others point to it; `detail` names them.",
    415: "Unsupported request media type; send JSON.",
    429: "Too many requests; retry after `Retry-After` seconds.",
}


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="For invalid input: each field or query parameter with its messages.",
    )


class TrackerAutoSchema(AutoSchema):
    """Adds the problem-details error responses of each operation and marks reads as open to anyone."""

    def _get_parameters(self):
        """An optional query parameter sent empty means not given (HTML forms send every field), so say so."""
        parameters = super()._get_parameters()
        for parameter in parameters:
            if parameter["in"] == "query" and not parameter.get("required"):
                parameter["allowEmptyValue"] = True
        return parameters

    def get_auth(self):
        auths = super().get_auth()
        if self.method in SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in self.error_codes():
            response = self._get_response_for_code(ProblemSerializer, str(code), media_types=[PROBLEM_CONTENT_TYPE])
            response["description"] = ERROR_DESCRIPTIONS[code]
            responses.setdefault(str(code), response)
        return responses

    def error_codes(self):
        codes = {406, 429}
        if self.method in SAFE_METHODS:
            codes |= {400} if self._is_list_view() else set()
        else:
            codes |= {400, 401, 403, 415} if self.method != "DELETE" else {401, 403, 409}
        if self.path.rstrip("/").endswith("}") or "{" in self.path:
            codes.add(404)
        if self._is_list_view() and self.method == "GET":
            codes.add(404)
        return sorted(codes)


def document_record_viewset(read_serializer, write_serializer, noun, lookup_description):
    """The schema of a RecordViewSet: reads in the read shape, writes in the write shape."""
    return extend_schema_view(
        list=extend_schema(summary=f"List {noun} records", responses=read_serializer(many=True)),
        retrieve=extend_schema(summary=f"Read one {noun} ({lookup_description})", responses=read_serializer),
        create=extend_schema(summary=f"Create a {noun}", request=write_serializer, responses={201: read_serializer}),
        update=extend_schema(summary=f"Replace a {noun}", request=write_serializer, responses=read_serializer),
        partial_update=extend_schema(summary=f"Change a {noun}", request=write_serializer, responses=read_serializer),
        destroy=extend_schema(summary=f"Delete a {noun}", responses={204: None}),
    )
