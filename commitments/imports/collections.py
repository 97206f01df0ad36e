"""What an import needs to know of each collection it takes: the API's viewset (its read shape, write serializer,
services and rows), how a row finds its record by natural key, and how a list item is written.

A row is read as the API reads the record (a CSV row unflattened into that shape, a JSON Lines row as it is), then
turned into the API's write shape: a related record by its key, a list item as the write serializer takes it.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext as _
from rest_framework import serializers

from countries.models import Country, CountryGroup
from tracker.columns import Column, columns_of, item_identifier
from tracker.imports import FileRefused, RowError
from tracker.rows import Rows, UrlBuilder
from tracker.views import RecordViewSet

from ..api import views
from ..choices import PartyType
from ..models import Organization, Person, Source

# A record's read shape, as parsed JSON.
Shape = dict[str, Any]
# Fields of every read shape that no import writes nor checks: addresses and timestamps.
UNCHECKED_FIELDS = frozenset({"url", "events_url", "created", "updated"})
# The members of a related record's reference that name it; its other members (`name`, `title`) describe it.
NAMING_MEMBERS = frozenset({"iso3", "slug", "key", "id", "type"})
PARTY_FIELDS = ("country", "country_group", "organization")


class ImportCollection:
    """One collection an import takes. Subclasses name the viewset and how a row finds its record."""

    name: ClassVar[str]
    viewset: ClassVar[type[RecordViewSet]]
    # The columns whose values find the record, for the message of a record named twice in one file.
    key_columns: ClassVar[tuple[str, ...]]

    def __init__(self) -> None:
        read_serializer = self.viewset.read_serializer_class
        write_serializer = self.viewset.write_serializer_class
        assert read_serializer is not None and write_serializer is not None, "a documented RecordViewSet"
        self.read_fields = read_serializer().fields
        written = write_serializer().fields  # type: ignore[attr-defined]  # every write serializer is a Serializer
        self.write_fields = {name: field for name, field in written.items() if not field.read_only}
        # The written fields that are objects of their own (a pledge's quantity), not related records.
        self.nested_fields = {
            name
            for name, field in self.write_fields.items()
            if isinstance(field, serializers.Serializer) and not isinstance(field, serializers.ListSerializer)
        }
        self.columns = {column.name: column for column in columns_of(read_serializer(), self.rows_class)}
        self.rows = self.rows_class(UrlBuilder(None))

    @property
    def rows_class(self) -> type[Rows]:
        assert self.viewset.rows_class is not None, "a RecordViewSet sets rows_class"
        return self.viewset.rows_class

    @property
    def model(self) -> type[models.Model]:
        return self.viewset.queryset.model  # type: ignore[union-attr]  # every RecordViewSet sets a queryset

    def write_serializer(self, **kwargs: Any) -> serializers.BaseSerializer[Any]:
        assert self.viewset.write_serializer_class is not None, "a RecordViewSet sets write_serializer_class"
        return self.viewset.write_serializer_class(**kwargs)

    def read_view(self) -> RecordViewSet:
        """The viewset as a list reads today's records, outside any request."""
        return self.viewset(action="list", request=None, kwargs={})

    # What a row names.

    def field_names(self) -> set[str]:
        return set(self.read_fields)

    def is_checked(self, column: Column) -> bool:
        """Whether an import writes or checks this column: not an address, a timestamp, or a related record's
        name beside its key."""
        if column.field in UNCHECKED_FIELDS:
            return False
        if len(column.path) == 2 and column.field not in self.nested_fields:
            return column.path[1] in NAMING_MEMBERS
        return True

    def is_writable(self, field: str) -> bool:
        return field in self.write_fields

    def natural_key(self, values: Shape) -> Hashable | None:
        """What finds the row's record, or None for a record that the tracker names (a new pledge without a key)."""
        key = tuple(values.get(name) for name in self.key_columns)
        return key if any(part not in (None, "") for part in key) else None

    def find(self, values: Shape) -> models.Model | None:
        raise NotImplementedError

    def lookup(self, record: models.Model) -> str:
        return str(record.pk)

    # What a row writes.

    def prepare(self, values: Shape) -> Shape:
        """The row's values before they are written: a subclass may derive what a file left out."""
        return values

    def create(self, values: Shape, validated: dict[str, Any]) -> models.Model:
        create = self.viewset.create_service
        assert create is not None, "an imported collection has a create service"
        return create(**validated)

    def update(self, record: models.Model, validated: dict[str, Any]) -> models.Model:
        update = self.viewset.update_service
        assert update is not None, "an imported collection has an update service"
        return update(record, **validated)

    def write_data(self, values: Shape, before: Shape | None) -> dict[str, Any]:
        """The row as the write serializer takes it: the writable fields it gives, related records by key."""
        return {name: self.write_value(name, value, before) for name, value in values.items() if self.is_writable(name)}

    def write_value(self, name: str, value: Any, before: Shape | None) -> Any:
        read = self.read_fields.get(name)
        if isinstance(read, serializers.ListSerializer) and isinstance(value, list):
            current = (before or {}).get(name) or []
            return [self.list_item(name, item, current) for item in value]
        if isinstance(value, dict):
            if name in self.nested_fields:
                return {member: item for member, item in value.items() if member != "url"}
            return reference(value)
        return value

    def list_item(self, name: str, item: Any, current: list[Any]) -> Any:
        """A list item as written: from its read shape (JSON Lines), or from its key (a CSV cell), where the
        record already holds an item of that key with what CSV leaves out (a locator, a role)."""
        if isinstance(item, str):
            held = next((each for each in current if self.rows.item_key(name, each) == item), None)
            return item_written(name, held) if held is not None else item_from_key(name, item)
        return item_written(name, item) if isinstance(item, dict) else item


def reference(value: dict[str, Any] | None) -> Any:
    """A related record as written: a party as `{type, key}`, any other by its key."""
    if value is None:
        return None
    if "type" in value and "key" in value:
        return {"type": value["type"], "key": value["key"]}
    return item_identifier(value)


def key_of(value: Any) -> Any:
    return item_identifier(value) if isinstance(value, dict) else value


def item_written(name: str, item: dict[str, Any]) -> Any:
    """A list item in its read shape, as the write serializer takes it."""
    if name == "sources":
        return {"id": item.get("id"), "locator": item.get("locator") or ""}
    if name == "speakers":
        written = {"person": key_of(item.get("person")), "organization": key_of(item.get("organization"))}
        return {**written, **{member: item[member] for member in ("role", "count") if member in item}}
    if name == "according_to":
        return {"party": reference(item.get("party")), "words": item.get("words") or ""}
    if name == "targets":
        kind = item.get("type")
        return {kind: key_of(item.get(kind)), "stance": item.get("stance")} if isinstance(kind, str) else item
    return item


def item_from_key(name: str, key: str) -> Any:
    """A list item that a CSV cell names by its key alone, as the write serializer takes it."""
    if name == "sources":
        return int(key) if key.isdigit() else key
    if name == "speakers":
        is_person = Person.objects.filter(slug=key).exists() or not Organization.objects.filter(slug=key).exists()
        return {"person": key} if is_person else {"organization": key}
    if name == "according_to":
        return {"party": {"type": party_type_of(key), "key": key}}
    if name == "targets":
        kind, _separator, rest = key.partition(":")
        target, _separator, stance = rest.partition(":")
        return {kind: target, "stance": stance or None}
    return key


def party_type_of(key: str) -> str:
    """The kind of party a key names: an ISO code names a country, a slug a country group or an organization."""
    if Country.objects.by_code(key).exists():
        return PartyType.COUNTRY
    if CountryGroup.objects.filter(slug=key).exists():
        return PartyType.COUNTRY_GROUP
    return PartyType.ORGANIZATION


class KeyedCollection(ImportCollection):
    """Pledges and statements: found by their key; a row without one is a new record, keyed by the tracker."""

    key_columns = ("key",)

    def find(self, values: Shape) -> models.Model | None:
        key = values.get("key")
        return self.model._default_manager.filter(key=key).first() if key else None

    def lookup(self, record: models.Model) -> str:
        return str(record.key)  # type: ignore[attr-defined]  # pledges and statements have keys

    def create(self, values: Shape, validated: dict[str, Any]) -> models.Model:
        return super().create(values, {**validated, "key": values.get("key") or None})


class PledgeCollection(KeyedCollection):
    name = "pledges"
    viewset = views.PledgeViewSet

    def prepare(self, values: Shape) -> Shape:
        """A pledge's party, from `party` when the row gives none of country, country_group and organization."""
        party = values.get("party")
        if any(name in values for name in PARTY_FIELDS) or not isinstance(party, dict):
            return values
        given = {name: {"key": party.get("key")} if party.get("type") == name else None for name in PARTY_FIELDS}
        return {**values, **given}


class StatementCollection(KeyedCollection):
    name = "statements"
    viewset = views.StatementViewSet


class SluggedCollection(ImportCollection):
    """Organizations and people: found by their slug."""

    key_columns = ("slug",)

    def find(self, values: Shape) -> models.Model | None:
        slug = values.get("slug")
        return self.model._default_manager.filter(slug=slug).first() if slug else None

    def lookup(self, record: models.Model) -> str:
        return str(record.slug)  # type: ignore[attr-defined]  # organizations and people have slugs


class OrganizationCollection(SluggedCollection):
    name = "organizations"
    viewset = views.OrganizationViewSet


class PersonCollection(SluggedCollection):
    name = "people"
    viewset = views.PersonViewSet


class SourceCollection(ImportCollection):
    """Sources: found by their id (as every record cites them), else by the document's URL, else by title and
    publisher."""

    name = "sources"
    viewset = views.SourceViewSet
    key_columns = ("id", "document_url", "title", "publisher")

    def natural_key(self, values: Shape) -> Hashable | None:
        if values.get("id") not in (None, ""):
            return ("id", values["id"])
        if values.get("document_url"):
            return ("document_url", values["document_url"])
        return ("title", values.get("title"), key_of(values.get("publisher")))

    def find(self, values: Shape) -> models.Model | None:
        if values.get("id") not in (None, ""):
            source = Source.objects.filter(pk=values["id"]).first() if str(values["id"]).isdigit() else None
            if source is None:
                message = _("No source has the id %(id)s.") % {"id": values["id"]}
                raise FileRefused([RowError(message, column="id")])
            return source
        if values.get("document_url"):
            return Source.objects.filter(url=values["document_url"]).first()
        publisher = key_of(values.get("publisher"))
        found = Source.objects.filter(title=values.get("title") or "", publisher__slug=publisher)
        if publisher is None:
            found = Source.objects.filter(title=values.get("title") or "", publisher__isnull=True)
        matches = list(found[:2])
        if len(matches) > 1:
            message = _("Several sources have this title and publisher: give the source's id.")
            raise FileRefused([RowError(message, column="title")])
        return matches[0] if matches else None


COLLECTIONS: dict[str, type[ImportCollection]] = {
    collection.name: collection
    for collection in (
        PledgeCollection,
        StatementCollection,
        SourceCollection,
        OrganizationCollection,
        PersonCollection,
    )
}
