"""Word search: `search=rafah pasukan` keeps the records in which every word of the query begins a word of the
record (one of the view's `search_fields`, its own or a linked record's), whatever their case and accents.

Fields are grouped by the record they belong to: the record's own (`text`, `translation`) form one document, and
each linked record (`speakers__person`: `name`, `description`) another. A query word matches when it begins a word
of any of those documents. Linked documents are looked up first, each in its own table and index; the records they
name are added to the word's condition on the record's own document, which its index serves.

- On PostgreSQL a document is a `tsvector` of the `tracker_search` text search configuration (the `simple` one,
  with accents removed), matched by prefix (`rafah:*`) and ranked with `ts_rank`. A table that holds many records
  keeps its document in a stored generated column (`search_vector`, created by its app's migrations) with a GIN
  index; other tables compute it as they read, with a GIN index on the expression where they are large.
- On SQLite a document is its words folded in Python (`fold_words`, registered as the function `tracker_fold`)
  and matched with `LIKE '% word%'`; its rank is how many of its words match.

A search does not change the list's order; `ordering=-relevance` puts the best matches first.

Both split words alike: letters and digits, with a decimal point kept inside a number (`1.200`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import reduce
from operator import and_
from typing import TYPE_CHECKING, Any

from django.db import connections
from django.db.models import BooleanField, Expression, F, FloatField, Func, Q, TextField, Value
from django.db.models.functions import Coalesce

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.models import Model, QuerySet
    from django.db.models.sql.compiler import SQLCompiler

    from .rows import Tables

# PostgreSQL's text search configuration of every document and query (migration tracker 0002).
CONFIGURATION = "tracker_search"
# The stored generated column that holds the document of a record's own fields, where its table has one.
STORED_COLUMN = "search_vector"
# The rank annotation a search adds, and the ordering term that reads it (`ordering=-relevance`).
RANK = "search_rank"
RELEVANCE = "relevance"

WORD = re.compile(r"[^\W_]+(?:\.[0-9]+)*")


def fold_words(text: str | None) -> list[str]:
    """The words of `text`, without case or accents: `Ça déjà-vu 1.200` → `["ca", "deja", "vu", "1.200"]`."""
    if not text:
        return []
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return WORD.findall(plain)


def folded_document(text: str | None) -> str:
    """The words of `text` between spaces, so that `LIKE '% word%'` finds a word that begins with `word`."""
    return f" {' '.join(fold_words(text))} "


def register_sqlite_functions(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """`tracker_fold(text)` and `tracker_rank(document, words)` on every SQLite connection (the
    `connection_created` signal)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("tracker_fold", 1, folded_document, deterministic=True)
        connection.connection.create_function("tracker_rank", 2, count_matching_words, deterministic=True)


class Document(Func):
    """The searchable words of `fields` of one record, as the database compares them."""

    output_field = TextField()
    arg_joiner = " || ' ' || "

    def __init__(self, *fields: str) -> None:
        super().__init__(*(Coalesce(F(field), Value(""), output_field=TextField()) for field in fields))

    def as_sqlite(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, template="tracker_fold(%(expressions)s)", **extra)

    def as_postgresql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any) -> Any:
        template = f"to_tsvector('{CONFIGURATION}'::regconfig, %(expressions)s)"
        return self.as_sql(compiler, connection, template=template, **extra)


class StoredDocument(Expression):
    """The document of a record's own fields in its table's stored column (PostgreSQL only)."""

    output_field = TextField()

    def as_sql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> tuple[str, tuple[Any, ...]]:
        alias = compiler.query.get_initial_alias()
        return f"{compiler.quote_name_unless_alias(alias)}.{STORED_COLUMN}", ()


class Matches(Func):
    """Whether a document holds a word that begins with `word` (already folded)."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, document: Expression, word: str) -> None:
        super().__init__(document, Value(word))

    def as_sqlite(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any) -> Any:
        document, word = self.get_source_expressions()
        document_sql, document_params = compiler.compile(document)
        return f"({document_sql} LIKE %s)", [*document_params, f"% {word.value}%"]

    def as_postgresql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any) -> Any:
        document, word = self.get_source_expressions()
        document_sql, document_params = compiler.compile(document)
        return f"({document_sql} @@ to_tsquery('{CONFIGURATION}'::regconfig, %s))", [
            *document_params,
            prefix_query([word.value]),
        ]

    def as_sql(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError("Word search runs on PostgreSQL and SQLite.")


class Rank(Func):
    """How well a document matches the folded `words`, higher first: PostgreSQL's `ts_rank`; on SQLite, how many
    of the document's words begin with one of them (`tracker_rank`)."""

    output_field = FloatField()

    def __init__(self, document: Expression, words: Sequence[str]) -> None:
        super().__init__(document, Value(" ".join(words)))

    def as_sqlite(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, function="tracker_rank", **extra)

    def as_postgresql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any) -> Any:
        document, words = self.get_source_expressions()
        document_sql, document_params = compiler.compile(document)
        sql = f"ts_rank({document_sql}, to_tsquery('{CONFIGURATION}'::regconfig, %s))"
        return sql, [*document_params, prefix_query(words.value.split())]


def prefix_query(words: Sequence[str]) -> str:
    """A tsquery of any of the folded `words` as prefixes; folded words hold no tsquery operator."""
    return " | ".join(f"'{word}':*" for word in words)


def count_matching_words(document: str | None, words: str) -> int:
    """How many words of a folded document begin with one of `words` (space-separated): SQLite's rank."""
    prefixes = tuple(words.split())
    return sum(1 for word in (document or "").split() if word.startswith(prefixes))


class Search:
    """A search over `fields` (a view's `search_fields`) of `model`'s records in `queryset`, which reads from
    `tables`: today's, or as of an instant (then `queryset` is over the model's history).

    Linked records (a speaker's name, an initiative's) are looked up first, one query per word and link, so that a
    word no linked record holds leaves a condition on the record's own document alone: a condition that its index
    serves, and that a page ordered by id can stop reading after its last row.
    """

    def __init__(self, queryset: QuerySet[Any], model: type[Model], fields: Sequence[str], tables: Tables) -> None:
        self.queryset = queryset
        self.model = model
        self.tables = tables
        self.vendor = connections[queryset.db].vendor
        self.own_fields = [field for field in fields if "__" not in field]
        self.linked_fields = group_linked_fields([field for field in fields if "__" in field])

    def filter(self, words: Sequence[str]) -> QuerySet[Any]:
        """The records that every word matches, with their rank (the `search_rank` annotation, which costs nothing
        unless a client orders by `relevance`)."""
        queryset = self.queryset.filter(reduce(and_, (self.matching(word) for word in words)))
        if self.own_fields:
            queryset = queryset.annotate(**{RANK: Rank(self.own_document(), words)})
        return queryset

    def matching(self, word: str) -> Q:
        """The records whose own document, or a linked record's, holds a word beginning with `word`."""
        condition = Q(Matches(self.own_document(), word)) if self.own_fields else Q(pk__in=[])
        for path, fields in self.linked_fields.items():
            linked = self.linked(path, fields, word)
            if linked is not None:
                condition |= linked
        return condition

    def own_document(self) -> Expression:
        if self.vendor == "postgresql" and self.tables.instant is None and stores_document(self.model):
            return StoredDocument()
        return Document(*self.own_fields)

    def linked(self, path: str, fields: Sequence[str], word: str) -> Q | None:
        """The records whose linked record at `path` (`speakers__person`, `initiative`) matches, or None when no
        such record does. Through a reverse relation (`speakers`), the links are read from `tables`."""
        target = final_model(self.model, path)
        matched = list(
            target._default_manager.filter(Matches(Document(*fields), word)).values_list("id", flat=True)[
                : MOST_LINKED_IDS + 1
            ]
        )
        if not matched:
            return None
        ids: Any = matched
        if len(matched) > MOST_LINKED_IDS:
            ids = target._default_manager.filter(Matches(Document(*fields), word)).values("id")
        first, _sep, rest = path.partition("__")
        relation = self.model._meta.get_field(first)
        if not relation.one_to_many:
            return Q(**{f"{path}__in": ids})
        links = self.tables.of(relation.related_model)  # type: ignore[arg-type]  # a model
        linked = links.filter(**{f"{rest}__in": ids}) if rest else links.filter(id__in=ids)
        return Q(id__in=linked.values(relation.field.attname))  # type: ignore[union-attr]  # a reverse relation


# Beyond this many linked records matching a word, they are looked up in a subquery rather than listed.
MOST_LINKED_IDS = 500


def group_linked_fields(fields: Sequence[str]) -> dict[str, list[str]]:
    """{path to the linked record: [its fields]}: `speakers__person__name` → `{"speakers__person": ["name"]}`."""
    grouped: dict[str, list[str]] = {}
    for field in fields:
        path, _sep, name = field.rpartition("__")
        grouped.setdefault(path, []).append(name)
    return grouped


def final_model(model: type[Model], path: str) -> type[Model]:
    """The model at the end of a path of relations from `model`."""
    for name in path.split("__"):
        model = model._meta.get_field(name).related_model  # type: ignore[assignment]  # a relation
    return model


def stores_document(model: type[Model]) -> bool:
    """Whether the model's table keeps the document of its own fields in the stored column (its QuerySet's
    `stores_search_document`, set where a migration of its app creates the column)."""
    return bool(getattr(model._default_manager.all(), "stores_search_document", False))
