"""Checks every request's input before a view looks anything up with it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

if TYPE_CHECKING:
    from rest_framework.request import Request


NULL = "\x00"
# Ids and page numbers are ASCII digits: str.isdigit() also accepts "²" or "⑤", which int() refuses.
ASCII_DIGITS = re.compile(r"[0-9]+")


def null_character_paths(value: object, path: str) -> list[str]:
    """The paths of the strings in `value` (parsed JSON) that hold a NUL character."""
    if isinstance(value, str):
        return [path] if NULL in value else []
    items: Iterable[tuple[object, object]]
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return []
    found: list[str] = []
    for key, item in items:
        found += null_character_paths(item, f"{path}.{key}" if path else str(key))
    return found


def reject_null_characters(request: Request, url_kwargs: Mapping[str, Any]) -> None:
    """A 400 naming each query parameter, address part or body field that holds a NUL character, which no
    database text column can store and PostgreSQL refuses even in a lookup."""
    paths = [name for name, values in request.query_params.lists() if any(NULL in value for value in values)]
    paths += [name for name, value in url_kwargs.items() if isinstance(value, str) and NULL in value]
    if request.method in ("POST", "PUT", "PATCH"):
        paths += null_character_paths(request.data, "")
    if paths:
        raise ValidationError({path or "non_field_errors": [_("Null characters are not allowed.")] for path in paths})
