"""Migrations bring a database written by an earlier release up to date without losing or refusing its rows."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE_TEXT_ORIGIN = [("commitments", "0004_statement_according_to")]
TEXT_ORIGIN = [("commitments", "0005_statement_text_origin")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def at_latest_afterwards():
    yield
    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes())


# Like the other tests that commit, it restores the data the migrations load when it ends.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_statement_spoken_in_another_language_becomes_a_translation(at_latest_afterwards):
    apps = migrate(BEFORE_TEXT_ORIGIN)
    Statement = apps.get_model("commitments", "Statement")
    common = {"kind": "quote", "language": "id", "date_precision": "day"}
    translated = Statement.objects.create(key="translated", text="Ini bisa dilakukan", spoken_language="en", **common)
    unknown = Statement.objects.create(key="unknown", text="Isu sensitif", spoken_language="", **common)
    own = Statement.objects.create(key="own", text="Kami siap", spoken_language="id", **common)

    Statement = migrate(TEXT_ORIGIN).get_model("commitments", "Statement")

    origins = dict(Statement.objects.values_list("key", "text_origin"))
    assert origins == {"translated": "translation", "unknown": "own_words", "own": "own_words"}
    assert {translated.key, unknown.key, own.key} == set(origins)
