"""The flat columns of a resource's rows, as CSV exports show them and the schema lists them.

They come from the resource's read serializer: a plain field is its own column; a nested object becomes a column
per member, `<field>_<member>` (`party_type`, `quantity_low`), without the nested `url`; a list of objects
becomes one column of each item's key (`Rows.item_key`) joined by `|`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _
from rest_framework import serializers

from .renderers import IDENTIFIERS

if TYPE_CHECKING:
    from .rows import Rows
    from .shapes import Shaped

JOIN = "|"
# The timestamps, declared by a base serializer and so first among its fields, close a row as in the JSON.
TIMESTAMPS = ("created", "updated")


def output_order(fields: Mapping[str, Any]) -> list[str]:
    """A read shape's field names in the order its rows and their columns show them: the timestamps last."""
    return sorted(fields, key=lambda name: name in TIMESTAMPS)


@dataclass(frozen=True)
class Column:
    """One CSV column: the value at `path` in a shaped row; of a list field (`items`), each item's key, joined."""

    name: str
    path: tuple[str, ...]
    description: str = ""
    items: bool = False
    # The Table Schema type of the cells (https://specs.frictionlessdata.io/table-schema/#types-and-formats).
    type: str = "string"

    @property
    def field(self) -> str:
        return self.path[0]

    def value(self, row: Shaped, rows: Rows) -> Any:
        value: Any = row
        for part in self.path:
            value = value.get(part) if isinstance(value, dict) else None
        if self.items:
            return JOIN.join(rows.item_key(self.field, item) for item in value or () if item is not None)
        return value


def columns_of(serializer: serializers.Serializer[Any], rows: type[Rows]) -> list[Column]:
    """The flat columns of the rows that `serializer` documents."""
    columns: list[Column] = []
    fields = serializer.fields
    for name in output_order(fields):
        columns += field_columns((name,), fields[name], rows)
    return columns


def field_columns(
    path: tuple[str, ...], field: serializers.Field[Any, Any, Any, Any], rows: type[Rows]
) -> list[Column]:
    name = "_".join(path)
    if isinstance(field, serializers.ListSerializer):
        return [Column(name, path, rows.item_key_description(path[0], field.child), items=True)]
    if isinstance(field, serializers.Serializer):
        members = [(member, child) for member, child in field.fields.items() if member != "url"]
        return [column for member, child in members for column in field_columns((*path, member), child, rows)]
    description = str(field.help_text or "")
    if isinstance(field, serializers.ListField):
        description = " ".join(filter(None, [description, _("Values joined by `|`.")]))
    return [Column(name, path, description, type=cell_type(field))]


def cell_type(field: serializers.Field[Any, Any, Any, Any]) -> str:
    """The Table Schema type of a plain field's cells: text for anything that is not a number, date or flag."""
    for field_class, name in CELL_TYPES:
        if isinstance(field, field_class):
            return name
    return "string"


# In this order: a DateTimeField is no DateField, but a BooleanField comes before any number.
CELL_TYPES: tuple[tuple[type[serializers.Field[Any, Any, Any, Any]], str], ...] = (
    (serializers.BooleanField, "boolean"),
    (serializers.IntegerField, "integer"),
    (serializers.FloatField, "number"),
    (serializers.DecimalField, "number"),
    (serializers.DateTimeField, "datetime"),
    (serializers.DateField, "date"),
)


def item_identifier(item: Any) -> str:
    """A list item's key: its first identifier (iso3, slug, key, id), else that of the first record it links."""
    if not isinstance(item, dict):
        return "" if item is None else str(item)
    for name in IDENTIFIERS:
        if item.get(name) is not None:
            return str(item[name])
    linked = next((value for value in item.values() if isinstance(value, dict)), None)
    return item_identifier(linked) if linked is not None else ""


def identifier_description(child: Any) -> str:
    fields = getattr(child, "fields", {})
    name = next((name for name in IDENTIFIERS if name in fields), None)
    if name is not None:
        return _("Each item's `%(name)s`, joined by `|`.") % {"name": name}
    return _("Each item's key (that of the record it names), joined by `|`.")
