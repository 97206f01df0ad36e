from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import orjson
from django.utils.http import parse_header_parameters
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer, BrowsableAPIRenderer

if TYPE_CHECKING:
    from rest_framework.request import Request
    from rest_framework.views import APIView


class FastJSONRenderer(BaseRenderer):
    """JSON through orjson: UTC timestamps end in `Z`, dates are ISO 8601, decimals and UUIDs as strings."""

    media_type = "application/json"
    format = "json"
    charset = None
    options = orjson.OPT_UTC_Z | orjson.OPT_NON_STR_KEYS

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Mapping[str, Any] | None = None
    ) -> bytes:
        if data is None:
            return b""
        indent = self.get_indent(accepted_media_type, renderer_context or {})
        return orjson.dumps(data, default=_fallback, option=self.options | (orjson.OPT_INDENT_2 if indent else 0))

    def get_indent(self, accepted_media_type: str | None, renderer_context: Mapping[str, Any]) -> bool:
        """Indented when asked (`application/json; indent=2`, or the browsable API); orjson indents by two."""
        _media_type, params = parse_header_parameters(accepted_media_type or "")
        return params.get("indent", "0") not in ("", "0") or bool(renderer_context.get("indent"))


class ProblemJSONRenderer(FastJSONRenderer):
    media_type = "application/problem+json"
    format = "problem+json"


def _fallback(value: object) -> str:
    # Lazy translation strings, Decimals and DRF's ErrorDetail all print as their text.
    return str(value)


# Fields of a related record's read object that identify nothing: a write leaves them out.
DISPLAY_ONLY = ("name", "title", "url")
IDENTIFIERS = ("iso3", "slug", "key", "id")


class TrackerBrowsableAPIRenderer(BrowsableAPIRenderer):
    """The browsable API with the tracker's favicon, whose PUT and PATCH forms start from the record as it
    would be written (its write shape), not from an empty serializer's nulls."""

    template = "tracker/api.html"

    def get_raw_data_form(self, data: Any, view: APIView, method: str, request: Request) -> Any:
        form = super().get_raw_data_form(data, view, method, request)
        if form is not None and method in ("PUT", "PATCH") and isinstance(data, dict) and "url" in data:
            shape = write_shape(view.get_serializer(), data)  # type: ignore[attr-defined]  # only generic views PUT
            form.fields["_content"].initial = FastJSONRenderer().render(shape, "application/json; indent=2").decode()
        return form


def write_shape(field: serializers.Field[Any, Any, Any, Any] | None, value: Any) -> Any:
    """What the write serializer `field` accepts for `value`, as the record's read representation shows it:
    related records by the key they are written with, nested objects without their read-only fields."""
    if value is None:
        return None
    if isinstance(field, serializers.ListSerializer | serializers.ListField):
        return [write_shape(field.child, item) for item in value]
    if isinstance(field, serializers.Serializer):
        writable = {name: child for name, child in field.fields.items() if not child.read_only}
        return {name: write_shape(child, value[name]) for name, child in writable.items() if name in value}
    if not isinstance(value, dict):
        return value
    if isinstance(field, serializers.PrimaryKeyRelatedField):
        return value.get("id")
    if isinstance(field, serializers.RelatedField):
        return next((value[name] for name in IDENTIFIERS if name in value), None)
    return {name: item for name, item in value.items() if name not in DISPLAY_ONLY}


class TrackerContentNegotiation(DefaultContentNegotiation):
    """DRF's negotiation, but a `format` no renderer of the operation offers is a 400 that names `format` and
    lists the formats it does offer (DRF answers a 404)."""

    def select_renderer(self, request: Request, renderers: Any, format_suffix: str | None = None) -> Any:
        wanted = format_suffix or request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        if wanted and not any(renderer.format == wanted for renderer in renderers):
            offered = ", ".join(renderer.format for renderer in renderers)
            message = _("Unknown format %(format)s. This operation answers in: %(offered)s.")
            raise ValidationError({"format": [message % {"format": wanted, "offered": offered}]})
        return super().select_renderer(request, renderers, format_suffix)
