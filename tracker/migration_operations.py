"""Migration operations of the kernel that the apps' migrations use."""

from __future__ import annotations

from typing import Any

from django.db import migrations


class RunSQLOnPostgreSQL(migrations.RunSQL):
    """SQL that only PostgreSQL runs: what it creates (a text search configuration, a stored `tsvector` column
    and its index) speeds PostgreSQL up, and other databases do without it."""

    def database_forwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def search_document(*fields: str) -> str:
    """The words of `fields` as `tracker.search.Document` writes them, so that an index on it serves a search."""
    words = " || ' ' || ".join(f"COALESCE({field}, '')" for field in fields)
    return f"to_tsvector('tracker_search'::regconfig, {words})"


def search_index(table: str, *fields: str) -> RunSQLOnPostgreSQL:
    """A GIN index on the words of `fields` of a linked record that a search looks up (a speaker's name, a
    pledge's initiative or country)."""
    forwards = f"CREATE INDEX {table}_search_idx ON {table} USING gin (({search_document(*fields)}));"
    return RunSQLOnPostgreSQL(forwards, f"DROP INDEX {table}_search_idx;")
