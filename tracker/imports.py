"""Reading a file to import: CSV as the exports write it (tracker/exports.py), or JSON Lines, one object per line.

Every row keeps its number in the file, so that an error can name it: in CSV the header is row 1 and the first
record row 2, counted as a spreadsheet counts them; in JSON Lines the line number. A cell that the export made inert
for spreadsheets (`'=…`) is read back as it was. A file that is not UTF-8 text, holds no rows, or ends with the line
an export writes when it failed midway is refused as a whole.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from .exports import ERROR_MARK, FORMULA_STARTS

CSV = "csv"
JSONL = "jsonl"
FORMATS = (CSV, JSONL)
EXTENSIONS = {".csv": CSV, ".jsonl": JSONL, ".ndjson": JSONL, ".json": JSONL}


@dataclass(frozen=True)
class RowError:
    """One rule a file breaks: at a row (or line) and a column (or field), or in the file as a whole."""

    message: str
    number: int | None = None
    column: str | None = None
    format: str = CSV

    def __str__(self) -> str:
        return f"{self.place()}: {self.message}"

    def place(self) -> str:
        if self.number is None:
            where = _("the file")
        elif self.format == JSONL:
            where = _("line %(number)d") % {"number": self.number}
        else:
            where = _("row %(number)d") % {"number": self.number}
        if self.column is None:
            return where
        if self.format == JSONL:
            return _("%(where)s, field %(column)s") % {"where": where, "column": self.column}
        return _("%(where)s, column %(column)s") % {"where": where, "column": self.column}


class FileRefused(Exception):
    """A file that breaks rules: nothing of it is written."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__("; ".join(map(str, errors)))
        self.errors = errors


@dataclass(frozen=True)
class FileRow:
    number: int
    values: dict[str, Any]


@dataclass
class ImportFile:
    """A file's rows: for CSV each a dict of its header's cells (text), for JSON Lines each line's object."""

    format: str
    columns: list[str]
    rows: list[FileRow] = field(default_factory=list)


def read_import_file(content: bytes, name: str = "", file_format: str | None = None) -> ImportFile:
    """The rows of `content`, in `file_format` or the one its name's extension (or its first character) says."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileRefused([RowError(_("The file is not UTF-8 text: import a CSV or a JSON Lines file."))]) from None
    if not text.strip():
        raise FileRefused([RowError(_("The file is empty."))])
    chosen = file_format or format_of(name, text)
    imported = read_csv(text) if chosen == CSV else read_json_lines(text)
    if not imported.rows:
        raise FileRefused([RowError(_("The file holds no rows."), format=chosen)])
    return imported


def format_of(name: str, text: str) -> str:
    extension = os.path.splitext(name)[1].lower()
    if extension in EXTENSIONS:
        return EXTENSIONS[extension]
    return JSONL if text.lstrip().startswith(("{", "[")) else CSV


def read_csv(text: str) -> ImportFile:
    records = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(records)
        rows = list(records)
    except csv.Error as error:
        raise FileRefused([RowError(_("The file is not valid CSV: %(error)s") % {"error": error})]) from None
    columns = [name.strip() for name in header]
    errors = [
        RowError(_("This column is named twice."), 1, name)
        for position, name in enumerate(columns)
        if name in columns[:position]
    ]
    errors += [RowError(_("A column has no name."), 1) for name in columns if not name][:1]
    imported = ImportFile(CSV, columns)
    for number, cells in enumerate(rows, start=2):
        if not cells or all(not cell.strip() for cell in cells):
            continue
        if cells[0] == ERROR_MARK:
            errors.append(RowError(_("The export that wrote this file failed: the file is incomplete."), number))
        elif len(cells) != len(columns):
            message = _("This row has %(cells)d cells; the header has %(columns)d.")
            errors.append(RowError(message % {"cells": len(cells), "columns": len(columns)}, number))
        else:
            imported.rows.append(FileRow(number, dict(zip(columns, map(inert_cell_read, cells), strict=True))))
    if errors:
        raise FileRefused(errors)
    return imported


def inert_cell_read(text: str) -> str:
    """A cell as it was before the export made it inert: `'=SUM(A1)` reads `=SUM(A1)`."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def read_json_lines(text: str) -> ImportFile:
    if text.lstrip().startswith("["):
        raise FileRefused([RowError(_("A JSON array is not JSON Lines: write one object per line."), format=JSONL)])
    imported = ImportFile(JSONL, [])
    errors: list[RowError] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError as error:
            message = _("This line is not JSON: %(error)s") % {"error": error}
            errors.append(RowError(message, number, format=JSONL))
            continue
        if not isinstance(value, dict):
            errors.append(RowError(_("A line holds one JSON object."), number, format=JSONL))
        elif list(value) == ["error"]:
            message = _("The export that wrote this file failed: the file is incomplete.")
            errors.append(RowError(message, number, format=JSONL))
        else:
            imported.columns += [name for name in value if name not in imported.columns]
            imported.rows.append(FileRow(number, value))
    if errors:
        raise FileRefused(errors)
    return imported
