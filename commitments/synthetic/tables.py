"""Rows written straight into tables, for data sets too large for the services: COPY on PostgreSQL, batched
INSERTs elsewhere. Only `generate_synthetic_data` writes this way; everything else writes through the services."""

import contextlib
import datetime
import itertools

from django.core.management.color import no_style

BATCH = 5000


def batched(rows, size):
    rows = iter(rows)
    while batch := list(itertools.islice(rows, size)):
        yield batch


class TableWriter:
    def __init__(self, connection):
        self.connection = connection
        self.quote = connection.ops.quote_name
        self.copying = connection.vendor == "postgresql"

    def without_statement_timeout(self):
        """Lift the service's statement timeout for this transaction: one statement copies millions of rows."""
        if self.copying:
            self.execute("SET LOCAL statement_timeout = 0")

    def next_id(self, model):
        """The first id free in `model`'s table, so that written rows follow what is there."""
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT MAX(id) FROM {self.quote(model._meta.db_table)}")
            return (cursor.fetchone()[0] or 0) + 1

    def write(self, model, columns, rows):
        """Write `rows` (tuples in the order of `columns`, the table's column names) into `model`'s table."""
        table, names = self.quote(model._meta.db_table), ", ".join(self.quote(column) for column in columns)
        with self.connection.cursor() as cursor:
            if self.copying:
                with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                return
            insert = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"
            for batch in batched(rows, BATCH):
                cursor.executemany(insert, [tuple(map(self.adapt, row)) for row in batch])

    def adapt(self, value):
        if isinstance(value, datetime.datetime):
            return self.connection.ops.adapt_datetimefield_value(value)
        if isinstance(value, datetime.date):
            return self.connection.ops.adapt_datefield_value(value)
        return value

    def execute(self, sql, params=()):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)

    def reset_sequences(self, models):
        """Let the database hand out ids after those written here."""
        for sql in self.connection.ops.sequence_reset_sql(no_style(), models):
            self.execute(sql)

    def analyze(self):
        self.execute("ANALYZE")

    @contextlib.contextmanager
    def indexes_built_after(self, tables):
        """On PostgreSQL, the full-text (GIN) indexes of `tables` are dropped while the rows are copied and built
        again after: one build costs far less than an update of every row's words. B-tree indexes stay, as
        updating them for rows in id order costs little more than building them."""
        if not self.copying:
            yield
            return
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                "AND tablename = ANY(%s) AND indexdef LIKE '%% USING gin %%'",
                [list(tables)],
            )
            indexes = cursor.fetchall()
        for name, _definition in indexes:
            self.execute(f"DROP INDEX {self.quote(name)}")
        yield
        # The foreign keys' deferred checks run first: PostgreSQL builds no index on a table they are pending on.
        self.execute("SET CONSTRAINTS ALL IMMEDIATE")
        self.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for _name, definition in indexes:
            self.execute(definition)
