"""A release's Frictionless Data Package: a zip of `datapackage.json` and one CSV per collection, the whole data set
as the database held it at the release's instant.

The bytes are made once, when the release is cut, and kept (`ReleasePackage`): an `as_of` read names related
records by today's names, so a package made again later could differ, and a kept file is the same on every download.
They are made deterministically all the same: entries in a fixed order, stamped with the release's instant, and
JSON with sorted keys.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings

from tracker.exports import CSVWriter, batches

from .citations import citation_text
from .collections import packaged_collections

if TYPE_CHECKING:
    from tracker.columns import Column
    from tracker.views import CollectionTable

DATA_DIRECTORY = "data"
FILE_MODE = 0o644 << 16


@dataclass(frozen=True)
class Table:
    """One collection's CSV, its columns and how many rows it holds."""

    name: str
    columns: list[Column]
    content: bytes
    count: int

    @property
    def path(self) -> str:
        return f"{DATA_DIRECTORY}/{self.name}.csv"


@dataclass(frozen=True)
class Package:
    content: bytes
    counts: dict[str, int]

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def package_build(version: str, notes: str, instant: datetime.datetime, address: str) -> Package:
    """The package of release `version`, cut at `instant` and cited at `address`."""
    tables = [collection_csv(name, viewset.table_as_of(instant)) for name, viewset in packaged_collections().items()]
    descriptor = descriptor_of(version, notes, instant, address, tables)
    files = [("datapackage.json", canonical_json(descriptor)), *((table.path, table.content) for table in tables)]
    return Package(zipped(files, instant), {table.name: table.count for table in tables})


def collection_csv(name: str, table: CollectionTable) -> Table:
    """Every row of the collection, by id, in the CSV of its export, without addresses."""
    columns = [column for column in table.columns if not is_address(column)]
    writer = CSVWriter(columns, table.rows)
    parts, count = [writer.header()], 0
    for batch in batches(table.records, settings.API_EXPORT_BATCH_SIZE):
        parts.append(writer.rows(table.rows.shape(batch)))
        count += len(batch)
    return Table(name, columns, b"".join(parts), count)


def is_address(column: Column) -> bool:
    """A record's address (`url`, `events_url`) is the serving host's: a package names records by their keys and
    ids, which are the same everywhere."""
    return column.field == "url" or column.field.endswith("_url")


def descriptor_of(
    version: str, notes: str, instant: datetime.datetime, address: str, tables: list[Table]
) -> dict[str, Any]:
    """`datapackage.json`: the Data Package descriptor, with a Table Schema per collection."""
    about = settings.RELEASE_PACKAGE
    return {
        "profile": "tabular-data-package",
        "name": about["name"],
        "title": about["title"],
        "description": notes or about["title"],
        "version": version,
        "created": utc_text(instant),
        "homepage": address,
        "licenses": about["licenses"],
        "sources": about["sources"],
        "citation": citation_text(version, instant, address),
        "resources": [resource_of(table) for table in tables],
    }


def resource_of(table: Table) -> dict[str, Any]:
    return {
        "profile": "tabular-data-resource",
        "name": table.name,
        "path": table.path,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(table.content),
        "hash": f"sha256:{hashlib.sha256(table.content).hexdigest()}",
        "schema": {"fields": [field_of(column) for column in table.columns], "primaryKey": [primary_key(table)]},
    }


def primary_key(table: Table) -> str:
    """The column that names a row: its id, or else its lookup (ISO alpha-3 code, slug)."""
    names = [column.name for column in table.columns]
    return next(name for name in ("id", "iso3", "slug", "key") if name in names)


def field_of(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": column.type}
    if column.description:
        field["description"] = column.description
    if column.type == "datetime":
        field["format"] = "any"  # ISO 8601 with fractions of a second, in UTC (`Z`)
    return field


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True).encode() + b"\n"


def zipped(files: list[tuple[str, bytes]], instant: datetime.datetime) -> bytes:
    """A zip of `files` in their order, each stamped with `instant` (UTC), with fixed attributes."""
    stamp = zip_stamp(instant)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files:
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = FILE_MODE
            entry.create_system = 3  # Unix, whatever system makes it
            archive.writestr(entry, content, compresslevel=9)
    return buffer.getvalue()


def zip_stamp(instant: datetime.datetime) -> tuple[int, int, int, int, int, int]:
    """The instant as a zip entry holds it: UTC, to the even second below (zip times count seconds by two)."""
    year, month, day, hour, minute, second = instant.astimezone(datetime.UTC).timetuple()[:6]
    return (year, month, day, hour, minute, second - second % 2)


def utc_text(instant: datetime.datetime) -> str:
    return instant.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
