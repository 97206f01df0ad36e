"""The API's one parser: JSON within the limits of settings, checked before any view reads the body."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping
from typing import IO, Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser

NOT_BRACKET_OR_QUOTE = bytes(byte for byte in range(256) if byte not in b'[]{}"')
QUOTED = re.compile(rb'"[^"]*"')
EMPTY_PAIR = re.compile(rb"\[\]|\{\}")
TOKEN = re.compile(rb'(?P<string>"(?:[^"\\]|\\.)*")\s*(?P<colon>:)?|[\[\]{}]')


def may_nest_deeper(raw: bytes, limit: int) -> bool:
    """False when the JSON text `raw` surely nests at most `limit` levels: each pass drops the innermost level."""
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return False
    unescaped = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    brackets = QUOTED.sub(b"", unescaped.translate(None, NOT_BRACKET_OR_QUOTE))
    for _level in range(limit):
        brackets = EMPTY_PAIR.sub(b"", brackets)
    return bool(brackets)


def too_deep(raw: bytes, limit: int) -> str | None:
    """The top-level key under which the JSON text `raw` nests deeper than `limit` levels (the body itself is
    level 1), `non_field_errors` when no key holds it, None when it does not. Scanned before decoding, which
    would recurse once per level."""
    if not may_nest_deeper(raw, limit):
        return None
    depth, key = 0, "non_field_errors"
    for token in TOKEN.finditer(raw):
        if token["string"] is not None:
            key = json.loads(token["string"]) if depth == 1 and token["colon"] else key
        elif token[0] in (b"[", b"{"):
            depth += 1
            if depth > limit:
                return key
        else:
            depth -= 1
    return None


def children(value: dict[Any, Any] | list[Any], path: str) -> list[tuple[Any, str]]:
    items = value.items() if isinstance(value, dict) else enumerate(value)
    return [(item, f"{path}.{key}" if path else str(key)) for key, item in items]


def long_lists(data: object, limit: int) -> list[str]:
    """The paths of the lists in `data` (decoded JSON) longer than `limit`."""
    found: list[str] = []
    pending: list[tuple[object, str]] = [(data, "")]
    while pending:
        value, path = pending.pop()
        if isinstance(value, list) and len(value) > limit:
            found.append(path or "non_field_errors")
        elif isinstance(value, (dict, list)):
            pending += children(value, path)
    return found


class LimitedJSONParser(JSONParser):
    """JSON nested at most API_MAX_BODY_DEPTH levels, with lists of at most API_MAX_LIST_ITEMS items; beyond
    either, a 400 naming the field. (The size of a body is Django's DATA_UPLOAD_MAX_MEMORY_SIZE: a 413.)"""

    def parse(
        self, stream: IO[Any], media_type: str | None = None, parser_context: Mapping[str, Any] | None = None
    ) -> Any:
        raw = stream.read()
        depth = settings.API_MAX_BODY_DEPTH
        if (key := too_deep(raw, depth)) is not None:
            raise ValidationError({key: [_("Nested deeper than %(limit)d levels.") % {"limit": depth}]})
        data = super().parse(io.BytesIO(raw), media_type, parser_context)
        items = settings.API_MAX_LIST_ITEMS
        if paths := long_lists(data, items):
            raise ValidationError({path: [_("At most %(limit)d items.") % {"limit": items}] for path in paths})
        return data
