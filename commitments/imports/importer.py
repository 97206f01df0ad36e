"""Importing a file of records through the API's write serializers and the services, whole or not at all.

Each row finds its record by natural key (collections.py), is written as the API writes it (the collection's write
serializer, then its create or update service, so every rule, the history, the reason and the change feed are
kept as for any write) and is then read back as the API reads it. A row that changes nothing writes nothing. What
it changed is the difference between the two reads, column by column. A column that no import writes (a `status`,
which follows the events; a derived `reported`) must read in the file as the record reads, or be left empty.

The whole file is one transaction: any error anywhere rolls every row back, and a dry run rolls back a file that
would apply, after reporting what it would have done. The command (`manage.py import_records`) and the admin's
import both call `import_content` or `import_records`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DatabaseError, models, transaction
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from tracker.columns import JOIN, Column
from tracker.exceptions import api_validation_error, flatten_errors
from tracker.exports import cell
from tracker.history import change_context
from tracker.imports import CSV, JSONL, FileRefused, FileRow, ImportFile, RowError, inert_cell_read, read_import_file
from tracker.renderers import FastJSONRenderer
from tracker.services import write_transaction

from .collections import COLLECTIONS, ImportCollection, Shape

CREATED = "created"
CHANGED = "changed"
UNCHANGED = "unchanged"
ACTIONS = (CREATED, CHANGED, UNCHANGED)
# Records read back at a time, so that a large file reads its records in a few queries.
READ_BATCH = 500
# What a list item's details show of it: not the names and addresses of the records it links.
DESCRIPTIVE_MEMBERS = frozenset({"url", "name", "title"})
INTEGER = re.compile(r"-?\d+")


@dataclass(frozen=True)
class FieldChange:
    column: str
    old: str
    new: str


@dataclass
class RowOutcome:
    number: int
    action: str
    lookup: str
    record: models.Model
    changes: list[FieldChange]


@dataclass
class ImportReport:
    """What an import did, or would do (a dry run), row by row; with errors, it wrote nothing."""

    collection: str | None
    format: str
    dry_run: bool
    rows: list[RowOutcome] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def written(self) -> bool:
        return not self.dry_run and not self.errors

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {action: self.count(action) for action in ACTIONS}


def import_content(
    content: bytes,
    name: str = "",
    *,
    collection: str | None = None,
    file_format: str | None = None,
    reason: str,
    user: Any = None,
    dry_run: bool = False,
) -> ImportReport:
    """Read the file `content` (named `name`, whose extension may tell its format) and import it."""
    try:
        imported = read_import_file(content, name, file_format)
    except FileRefused as refused:
        return ImportReport(collection, file_format or CSV, dry_run, errors=refused.errors)
    return import_records(imported, collection, reason=reason, user=user, dry_run=dry_run)


def import_records(
    imported: ImportFile, collection: str | None = None, *, reason: str, user: Any = None, dry_run: bool = False
) -> ImportReport:
    """Import the rows of `imported` into `collection` (or the one its columns fit) in one transaction, with
    `reason` and `user` in every version it writes; with any error, or in a dry run, nothing is kept."""
    try:
        chosen = collection_for(imported, collection)
    except FileRefused as refused:
        return ImportReport(collection, imported.format, dry_run, errors=refused.errors)
    with write_transaction(), change_context(reason=reason, user=user):
        report = Importer(chosen, imported, dry_run).run()
        if report.errors or dry_run:
            transaction.set_rollback(True)
    return report


def collection_for(imported: ImportFile, name: str | None) -> ImportCollection:
    """The collection named, whose columns must hold the file's; or, unnamed, the only one whose columns do."""
    if name is not None:
        collection = COLLECTIONS[name]()
        unknown = unknown_columns(imported, collection)
        if unknown:
            raise FileRefused(unknown)
        return collection
    fitting = [collection() for collection in COLLECTIONS.values()]
    fitting = [collection for collection in fitting if not unknown_columns(imported, collection)]
    if len(fitting) == 1:
        return fitting[0]
    names = ", ".join(fitting_name.name for fitting_name in fitting) if fitting else ", ".join(COLLECTIONS)
    if fitting:
        message = _("These columns fit several collections (%(collections)s): name the collection.")
    else:
        message = _("These columns fit none of the collections (%(collections)s): name the collection.")
    raise FileRefused([RowError(message % {"collections": names}, format=imported.format)])


def unknown_columns(imported: ImportFile, collection: ImportCollection) -> list[RowError]:
    if imported.format == CSV:
        known = ", ".join(collection.columns)
        message = _("Unknown column. The columns of %(collection)s are: %(columns)s.")
        return [
            RowError(message % {"collection": collection.name, "columns": known}, 1, name)
            for name in imported.columns
            if name not in collection.columns
        ]
    fields = collection.field_names()
    message = _("Unknown field. The fields of %(collection)s are: %(fields)s.")
    text = message % {"collection": collection.name, "fields": ", ".join(collection.read_fields)}
    errors, named = [], set()
    for row in imported.rows:
        for name in row.values:
            if name not in fields and name not in named:
                named.add(name)
                errors.append(RowError(text, row.number, name, JSONL))
    return errors


@dataclass
class FoundRow:
    row: FileRow
    values: Shape
    record: models.Model | None


class Importer:
    def __init__(self, collection: ImportCollection, imported: ImportFile, dry_run: bool) -> None:
        self.collection = collection
        self.file = imported
        self.dry_run = dry_run
        self.errors: list[RowError] = []

    def run(self) -> ImportReport:
        found = list(self.rows_found())
        before = self.shapes([item.record.pk for item in found if item.record is not None])
        written = []
        for item in found:
            current = before.get(item.record.pk) if item.record is not None else None
            saved = self.write(item, current)
            if saved is not None:
                written.append((item, saved))
        after = self.shapes([saved.pk for _item, saved in written])
        outcomes = []
        for item, saved in written:
            shape = after[saved.pk]
            self.errors += self.read_only_errors(item, shape, created=item.record is None)
            old = before.get(item.record.pk) if item.record is not None else None
            changes = self.changes(old, shape)
            action = CREATED if old is None else CHANGED if changes else UNCHANGED
            outcomes.append(RowOutcome(item.row.number, action, self.collection.lookup(saved), saved, changes))
        errors = sorted(self.errors, key=lambda error: error.number or 0)
        return ImportReport(self.collection.name, self.file.format, self.dry_run, outcomes, errors)

    # Reading the rows.

    def rows_found(self) -> Iterator[FoundRow]:
        seen: dict[Any, int] = {}
        for row in self.file.rows:
            try:
                values = self.collection.prepare(self.values(row))
                key = self.collection.natural_key(values)
                if key is not None and key in seen:
                    message = _("This row names the same record as row %(row)d.") % {"row": seen[key]}
                    raise FileRefused([RowError(message, column=self.collection.key_columns[0])])
                if key is not None:
                    seen[key] = row.number
                yield FoundRow(row, values, self.collection.find(values))
            except FileRefused as refused:
                self.errors += [self.placed(error, row) for error in refused.errors]

    def values(self, row: FileRow) -> Shape:
        """The row in the record's read shape: a JSON Lines row as it is, a CSV row unflattened."""
        if self.file.format == JSONL:
            return row.values
        values: Shape = {}
        for name, text in row.values.items():
            column = self.collection.columns[name]
            parent = values
            for part in column.path[:-1]:
                parent = parent.setdefault(part, {})
            parent[column.path[-1]] = self.cell_value(column, text)
        for name, value in values.items():
            read = self.collection.read_fields.get(name)
            if isinstance(value, dict) and all(member in (None, "") for member in value.values()):
                values[name] = None if getattr(read, "allow_null", False) else value
        return values

    def cell_value(self, column: Column, text: str) -> Any:
        """A CSV cell as the JSON value it shows: lists split at `|`, empty as null where the field reads null."""
        read = read_field(self.collection, column.path)
        if column.items or isinstance(read, serializers.ListField):
            return text.split(JOIN) if text else []
        if text == "":
            nested_reference = len(column.path) > 1 and column.field not in self.collection.nested_fields
            return None if nested_reference or column.type != "string" or getattr(read, "allow_null", False) else ""
        if column.type == "boolean":
            return {"true": True, "false": False}.get(text, text)
        if column.type == "integer" and INTEGER.fullmatch(text):
            return int(text)
        return text

    # Writing them.

    def write(self, item: FoundRow, current: Shape | None) -> models.Model | None:
        """The row written through the write serializer and the collection's service, in a savepoint of its own
        (so that the rows after a refused one are checked too); None when refused."""
        try:
            with transaction.atomic():
                data = self.collection.write_data(item.values, current)
                serializer = self.collection.write_serializer(
                    instance=item.record, data=data, partial=item.record is not None
                )
                serializer.is_valid(raise_exception=True)
                try:
                    if item.record is None:
                        return self.collection.create(item.values, serializer.validated_data)
                    return self.collection.update(item.record, serializer.validated_data)
                except DjangoValidationError as error:
                    raise api_validation_error(error, serializer) from error  # type: ignore[arg-type]  # a Serializer
        except ValidationError as error:
            self.errors += self.field_errors(item.row, error.detail)
        except FileRefused as refused:
            self.errors += [self.placed(error, item.row) for error in refused.errors]
        except DatabaseError as error:
            self.errors.append(RowError(str(error), item.row.number, format=self.file.format))
        return None

    def field_errors(self, row: FileRow, detail: Any) -> list[RowError]:
        return [
            RowError(message, row.number, self.column_for(path), self.file.format)
            for path, messages in flatten_errors(detail).items()
            for message in messages
        ]

    def column_for(self, path: str) -> str | None:
        """The column an error of the API's field `path` (`quantity.low`, `sources.0`) is about: in JSON Lines
        the field itself, in CSV the file's column that holds it."""
        if path == "non_field_errors":
            return None
        if self.file.format == JSONL:
            return path
        parts = [part for part in path.split(".") if not part.isdigit()]
        for length in range(len(parts), 0, -1):
            name = "_".join(parts[:length])
            if name in self.file.columns:
                return name
        return next((name for name in self.file.columns if name.startswith(f"{parts[0]}_")), parts[0])

    def placed(self, error: RowError, row: FileRow) -> RowError:
        return RowError(error.message, row.number, error.column, self.file.format)

    # Reading them back.

    def shapes(self, ids: Sequence[int]) -> dict[int, Shape]:
        """The records of `ids` as the API reads them (parsed JSON), READ_BATCH at a time."""
        view, rows, renderer = self.collection.read_view(), self.collection.rows, FastJSONRenderer()
        shaped: dict[int, Shape] = {}
        for start in range(0, len(ids), READ_BATCH):
            records = list(rows.values(view.read_queryset().filter(id__in=ids[start : start + READ_BATCH])))
            for record, shape in zip(records, rows.shape(records), strict=True):
                shaped[record["id"]] = json.loads(renderer.render(shape))
        return shaped

    def read_only_errors(self, item: FoundRow, shape: Shape, created: bool) -> list[RowError]:
        """A column that no import writes, given a value the record does not read."""
        errors = []
        for column in self.given_columns(item):
            if not self.collection.is_checked(column) or self.collection.is_writable(column.field):
                continue
            if created and column.field == "id":
                continue
            given = self.given(item, column)
            reads = plain(column.value(shape, self.collection.rows))
            if given not in ("", reads):
                message = f"{self.read_only_hint(column, shape)} " + _("The record reads “%(value)s”.") % {
                    "value": reads
                }
                name = column.name if self.file.format == CSV else ".".join(column.path)
                errors.append(RowError(message, item.row.number, name, self.file.format))
        return errors

    def given_columns(self, item: FoundRow) -> list[Column]:
        columns = self.collection.columns
        if self.file.format == CSV:
            return [columns[name] for name in item.row.values]
        return [column for column in columns.values() if column.field in item.row.values]

    def given(self, item: FoundRow, column: Column) -> str:
        if self.file.format == CSV:
            return str(item.row.values[column.name])
        return plain(column.value(item.row.values, self.collection.rows))

    def read_only_hint(self, column: Column, shape: Shape) -> str:
        if column.field == "key":
            return _("The key is assigned by the tracker and never changes.")
        if column.field in ("status", "announced", "announced_precision"):
            events = f"/api/v1/{self.collection.name}/{shape.get('key') or shape.get('id')}/events/"
            return _("The status follows the record's status events: add one with POST %(events)s.") % {
                "events": events
            }
        return _("This field is read-only.")

    def changes(self, before: Shape | None, after: Shape) -> list[FieldChange]:
        """What differs between two reads of a record, column by column, and, for the list items CSV shows by key
        alone, their details (a locator, a role)."""
        rows = self.collection.rows
        changes = []
        for column in self.collection.columns.values():
            if not self.collection.is_checked(column) or (before is None and column.field == "id"):
                continue
            old = "" if before is None else plain(column.value(before, rows))
            new = plain(column.value(after, rows))
            if old != new:
                changes.append(FieldChange(column.name, old, new))
        if before is None:
            return changes
        changed = {change.column for change in changes}
        for name, read in self.collection.read_fields.items():
            if isinstance(read, serializers.ListSerializer) and name not in changed:
                old, new = details(before.get(name)), details(after.get(name))
                if old != new:
                    changes.append(FieldChange(name, old, new))
        return changes


def read_field(collection: ImportCollection, path: Sequence[str]) -> Any:
    field: Any = collection.read_fields.get(path[0])
    for part in path[1:]:
        field = getattr(field, "fields", {}).get(part)
    return field


def plain(value: Any) -> str:
    """A value as a CSV cell shows it, without the mark that makes a formula inert."""
    return inert_cell_read(cell(value))


def details(items: Any) -> str:
    return JOIN.join(json.dumps(bare(item), ensure_ascii=False, sort_keys=True) for item in items or ())


def bare(value: Any) -> Any:
    if isinstance(value, dict):
        return {name: bare(member) for name, member in value.items() if name not in DESCRIPTIVE_MEMBERS}
    if isinstance(value, list):
        return [bare(member) for member in value]
    return value
