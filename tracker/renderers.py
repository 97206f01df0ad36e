import orjson
from rest_framework.renderers import BaseRenderer


class FastJSONRenderer(BaseRenderer):
    """JSON through orjson: UTC timestamps end in `Z`, dates are ISO 8601, decimals and UUIDs as strings."""

    media_type = "application/json"
    format = "json"
    charset = None
    options = orjson.OPT_UTC_Z | orjson.OPT_NON_STR_KEYS

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        return orjson.dumps(data, default=_fallback, option=self.options)


class ProblemJSONRenderer(FastJSONRenderer):
    media_type = "application/problem+json"
    format = "problem+json"


def _fallback(value):
    # Lazy translation strings, Decimals and DRF's ErrorDetail all print as their text.
    return str(value)
