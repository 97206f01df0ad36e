"""Dict-based row shaping for fast reads.

Each resource's list query and row shape live in its app's `querysets.py` as a `Rows` subclass: the API's
lists and details, exports and field selection all go through it. It reads `.values()` rows (no model
instances) and fetches links for a whole page in one query per link type, so the query count does not
grow with the number of rows.

A `Rows` object reads its links through `table(Model)`: today's rows by default, or, in a read as of an
instant (`?as_of=`), the rows as they stood then, from the link model's history (`AsOfTables`).
"""

import functools

from django.db.models import F, OuterRef, Q, Subquery
from django.urls import NoReverseMatch, reverse
from simple_history.manager import HistoricalQuerySet

# The annotation that holds a record's status on the `valid_at` date, read in place of its `status`.
VALID_STATUS = "status_valid_at"

# Lookups that fit the routes' patterns (ids, ISO alpha-3 codes, slugs), used once per route to find where the
# lookup goes in its URL.
PLACEHOLDERS = ("9876543210", "QQQ", "lookup-placeholder")


class UrlBuilder:
    """Absolute URLs of the API's detail routes, reversed once per route rather than once per row."""

    def __init__(self, request, namespace="v1"):
        self.request = request
        self.namespace = namespace
        self._templates = {}

    def detail(self, basename, lookup):
        return self.route(f"{basename}-detail", lookup)

    def route(self, name, lookup):
        template = self._templates.get(name)
        if template is None:
            template = self._templates[name] = self._template(name)
        prefix, suffix = template
        return f"{prefix}{lookup}{suffix}"

    def _template(self, name):
        for placeholder in PLACEHOLDERS:
            try:
                path = reverse(f"{self.namespace}:{name}", args=[placeholder])
            except NoReverseMatch:
                continue
            prefix, suffix = path.split(placeholder, 1)
            return self._absolute(prefix), suffix
        raise NoReverseMatch(f"No lookup fits the route {name}.")

    def _absolute(self, path):
        if self.request is None:
            return path
        return self.request.build_absolute_uri(path)


class Tables:
    """Where a read finds the rows of each model: today's tables."""

    instant = None

    def of(self, model):
        return model._default_manager.all()


CURRENT_TABLES = Tables()


class AsOfTables(Tables):
    """Each model's rows as they stood at `instant`, from its history: later creations absent, later deletions
    present, later edits undone."""

    def __init__(self, instant):
        self.instant = instant

    def of(self, model):
        return as_of_queryset(model, self.instant)


def tables_for(queryset):
    """The tables that go with `queryset`: as of its instant when it is an as-of queryset, else today's."""
    instant = getattr(queryset, "_as_of", None)
    return CURRENT_TABLES if instant is None else AsOfTables(instant)


def as_of_queryset(model, instant):
    """`model.history.as_of(instant)` (its `.values()` rows carry the model's field names), which also has the
    methods of the model's own queryset (`by_countries`, `with_targets`, …) and follows its reverse relations
    (`memberships__country_id`) through the link model's history as of the same instant."""
    queryset = model.history.as_of(instant)
    queryset.__class__ = as_of_queryset_class(type(model._default_manager.all()))
    return queryset


@functools.cache
def as_of_queryset_class(queryset_class):
    return type(f"AsOf{queryset_class.__name__}", (AsOfQuerySet, queryset_class), {})


class AsOfQuerySet(HistoricalQuerySet):
    """A historical queryset as of an instant. Historical models have no reverse relations, so a lookup through
    one (`group_memberships__group_id__in=ids`) becomes `id__in` the link model's rows as of the same instant."""

    def _filter_or_exclude_inplace(self, negate, args, kwargs):
        condition = self._through_history(Q(*args, **kwargs))
        super()._filter_or_exclude_inplace(negate, (condition,), {})

    def _through_history(self, node):
        children = [
            self._through_history(child) if isinstance(child, Q) else self._lookup_through_history(child)
            for child in node.children
        ]
        return Q.create(children, connector=node.connector, negated=node.negated)

    def _lookup_through_history(self, child):
        if not isinstance(child, tuple):
            return child
        lookup, value = child
        name, _sep, rest = lookup.partition("__")
        relation = reverse_relations(self.model.instance_type).get(name)
        if relation is None or not rest:
            return child
        links = as_of_queryset(relation.related_model, self._as_of).filter(**{rest: value})
        return (f"{self._pk_attr}__in", links.values(relation.field.attname))


@functools.cache
def reverse_relations(model):
    """{query name: relation} of the history-tracked models whose foreign keys point to `model`."""
    return {
        relation.field.related_query_name(): relation
        for relation in model._meta.related_objects
        if not relation.many_to_many and hasattr(relation.related_model, "history")
    }


class Rows:
    """Turns a queryset of one resource into the API's JSON-ready dicts.

    `tables` gives the rows of each link model (`self.table(PledgeSource)`): today's, or as of an instant.
    `valid_at` is the date of a read of what was true in the world then (records with a status timeline read
    their status from it); `columns` maps a field to the annotation read in its place.
    """

    fields = ()

    def __init__(self, urls, tables=CURRENT_TABLES, valid_at=None):
        self.urls = urls
        self.in_time(tables, valid_at)

    def in_time(self, tables, valid_at=None):
        """Read links from `tables`, and statuses as of `valid_at` (when given); returns self."""
        self.tables = tables
        self.valid_at = valid_at
        self.columns = {} if valid_at is None else {"status": VALID_STATUS}
        return self

    def table(self, model):
        return self.tables.of(model)

    def related(self, foreign_key, model, **columns):
        """Annotations `{alias: field}` reading fields of the `model` record at `foreign_key`: joined today, or, as
        of an instant, as it stood then, so that a record deleted since still shows."""
        if self.tables.instant is None:
            return {alias: F(f"{foreign_key}__{field}") for alias, field in columns.items()}
        records = self.table(model).filter(id=OuterRef(f"{foreign_key}_id"))
        return {alias: Subquery(records.values(field)[:1]) for alias, field in columns.items()}

    def value(self, row, field):
        """The value of `field` in a row read by `values()`."""
        return row[self.columns.get(field, field)]

    def values(self, queryset):
        return queryset.values(*(self.columns.get(field, field) for field in self.fields))

    def shape(self, rows):
        raise NotImplementedError

    def one(self, queryset):
        shaped = self.shape(list(self.values(queryset)))
        return shaped[0] if shaped else None


def group_by(pairs):
    """{key: [value, …]} from (key, value) pairs, keeping their order."""
    grouped = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    return grouped
