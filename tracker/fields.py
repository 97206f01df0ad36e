"""Field selection: `fields=a,b` keeps only those fields of each row, `omit=c` leaves those out.

The names are a resource's top-level fields (those of its read serializer); in a CSV export a nested field brings
all its flat columns (`fields=party` gives `party_type`, `party_key`, `party_name`). The resource's `Rows` hears
which fields are wanted, so that it skips the link queries of fields nobody asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

if TYPE_CHECKING:
    from rest_framework.request import Request

    from .shapes import Shaped

SELECTION_PARAMS = ("fields", "omit")

FIELDS_DESCRIPTION = (
    "Only these fields of each row, comma-separated (top-level names; in CSV a nested field brings all its "
    "columns). The rows then hold just these fields, whatever the schema marks as required. Not with `omit`."
)
OMIT_DESCRIPTION = "Every field of each row but these, comma-separated. Not with `fields`."


class FieldSelection:
    """The fields a request asks for, out of `allowed` (in their order); `wanted` is None when it names none."""

    def __init__(self, allowed: Sequence[str], wanted: Sequence[str] | None = None) -> None:
        self.allowed = tuple(allowed)
        self.wanted = None if wanted is None else frozenset(wanted)

    @classmethod
    def from_request(cls, request: Request, allowed: Sequence[str]) -> FieldSelection:
        """The selection of `fields` or `omit`; a 400 naming the parameter for an unknown name, or for both."""
        given = {name: request.query_params.get(name, "").strip() for name in SELECTION_PARAMS}
        given = {name: value for name, value in given.items() if value}
        if len(given) > 1:
            raise ValidationError({"omit": [_("Pass either fields or omit, not both.")]})
        if not given:
            return cls(allowed)
        ((param, value),) = given.items()
        names = parse_names(param, value, allowed)
        wanted = names if param == "fields" else [name for name in allowed if name not in names]
        return cls(allowed, wanted)

    @property
    def active(self) -> bool:
        return self.wanted is not None

    def wants(self, name: str) -> bool:
        return self.wanted is None or name in self.wanted

    def names(self) -> list[str]:
        """The selected fields, in the resource's order."""
        return [name for name in self.allowed if self.wants(name)]

    def apply(self, rows: Iterable[Shaped]) -> list[Shaped]:
        if self.wanted is None:
            return list(rows)
        return [self.apply_one(row) for row in rows]

    def apply_one(self, row: Shaped) -> Shaped:
        if self.wanted is None:
            return row
        return {name: value for name, value in row.items() if name in self.wanted}

    def digest_part(self) -> str:
        """What an ETag adds for this selection: nothing for whole rows, the selected names otherwise."""
        return "" if self.wanted is None else "|fields=" + ",".join(sorted(self.wanted))


def parse_names(param: str, value: str, allowed: Sequence[str]) -> list[str]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    if len(names) > settings.API_MAX_LIST_ITEMS:
        raise ValidationError({param: [_("At most %(limit)d values.") % {"limit": settings.API_MAX_LIST_ITEMS}]})
    unknown = [name for name in names if name not in allowed]
    if unknown:
        message = _("Unknown field: %(names)s. The fields are: %(allowed)s.") % {
            "names": ", ".join(unknown),
            "allowed": ", ".join(allowed),
        }
        raise ValidationError({param: [message]})
    return names


def selection_parameters(allowed: Sequence[str]) -> list[dict[str, Any]]:
    """The OpenAPI query parameters `fields` and `omit`, enumerating the resource's fields."""
    names = {"type": "array", "items": {"type": "string", "enum": list(allowed)}}
    return [
        {
            "name": name,
            "in": "query",
            "required": False,
            "style": "form",
            "explode": False,
            "description": description,
            "schema": names,
        }
        for name, description in (("fields", FIELDS_DESCRIPTION), ("omit", OMIT_DESCRIPTION))
    ]
