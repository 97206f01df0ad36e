from django.db import migrations

from tracker.migration_operations import RunSQLOnPostgreSQL, search_document, search_index


def stored_search_vector(table, *fields):
    """The words of `fields` (a view's own `search_fields`, in their order) in a stored column with a GIN index, as
    `tracker.search.StoredDocument` reads them: the tables that hold many records."""
    # Filling the column rewrites the table: on a large one that takes minutes, beyond the service's statement timeout.
    forwards = f"""
        SET LOCAL statement_timeout = 0;
        SET LOCAL maintenance_work_mem = '256MB';
        ALTER TABLE {table} ADD COLUMN search_vector tsvector
            GENERATED ALWAYS AS ({search_document(*fields)}) STORED;
        CREATE INDEX {table}_search_idx ON {table} USING gin (search_vector);
    """
    return RunSQLOnPostgreSQL(forwards, f"ALTER TABLE {table} DROP COLUMN search_vector;")


class Migration(migrations.Migration):
    dependencies = [("commitments", "0007_editor_supplied"), ("tracker", "0002_search_configuration")]

    operations = [
        stored_search_vector("commitments_statement", "key", "text", "translation"),
        stored_search_vector("commitments_pledge", "key", "description", "quantity_text"),
        search_index("commitments_person", "name", "description"),
        search_index("commitments_organization", "name"),
    ]
