"""The versions of one record, its links included: `/{collection}/{lookup}/history/`.

Each historical table is read once per request (the record's, then each link model's), whatever the number of
versions, and the entries are merged newest first. A related record appears as the API names it (its key,
slug or ISO code, with its name), read once per related model for the whole page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias, overload

from django.apps import apps
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError

from .api_names import collection_of
from .exceptions import api_field_names
from .pagination import BY_NUMBER

if TYPE_CHECKING:
    from django.db import models
    from rest_framework.request import Request
    from rest_framework.response import Response
    from rest_framework.viewsets import GenericViewSet

    # What HistoryMixin is mixed into; at run time its base is `object`.
    ViewSet = GenericViewSet[Any]
else:
    ViewSet = object

# A row of a historical table: django-simple-history ships no types.
HistoricalRow: TypeAlias = Any
# One entry of a record's history, as the API shows it.
Entry: TypeAlias = dict[str, Any]
# One changed field of a version: (name, old value, new value).
Change: TypeAlias = tuple[str, Any, Any]
# A link model whose rows belong to a record: (model label, foreign key to the record), or, for a link of a
# link, (model label, foreign key to the parent link, the parent link's label).
LinkSpec: TypeAlias = tuple[str, ...]

SKIPPED_FIELDS = frozenset({"id", "created", "updated"})
EMPTY = (None, "")
RECORD_ACTIONS = {"+": "create", "~": "update", "-": "delete"}
LINK_ACTIONS = {"+": "link_added", "~": "link_changed", "-": "link_removed"}


class FieldChangeSerializer(serializers.Serializer[Any]):
    field = serializers.CharField(help_text=gettext_lazy("The API's name of the field where the write shape has one."))
    old = serializers.JSONField(allow_null=True, help_text=gettext_lazy("Null for a value the version created."))
    new = serializers.JSONField(allow_null=True, help_text=gettext_lazy("Null for a value the version deleted."))


class HistoryEntrySerializer(serializers.Serializer[Any]):
    """One version of a record or of one of its links."""

    time = serializers.DateTimeField()
    action = serializers.ChoiceField(choices=[*RECORD_ACTIONS.values(), *LINK_ACTIONS.values()])
    reason = serializers.CharField(
        help_text=gettext_lazy("Why the change was made (the `X-Change-Reason` of its request).")
    )
    user = serializers.CharField(
        allow_null=True,
        help_text=gettext_lazy("The username of who made the change: shown to staff only, null for others."),
    )
    link = serializers.CharField(
        required=False, help_text=gettext_lazy("For a link's version: which links (`sources`, …).")
    )
    target = serializers.DictField(
        child=serializers.JSONField(),
        required=False,
        help_text=gettext_lazy(
            "For a link's version: the link row's `id` and the records it points to, as references."
        ),
    )
    changes = FieldChangeSerializer(
        many=True,
        help_text=gettext_lazy(
            "Changed fields, by name. A create lists the values set, a delete those removed, an update with "
            "no earlier version on record every value (old null). A related record is a reference: "
            '`{"slug": "cmcc", "name": "…"}`, `{"iso3": "IDN", "name": "…"}`, `{"id": 3, "key": "…", "name": "…"}`, '
            '`{"id": 1, "name": "…"}` for a source, `{"type": "country", "key": "IDN", "name": "…"}` for a party.'
        ),
    )


class EntryList(Sequence[Entry]):
    """History entries as the paginator pages them: sliceable, with a `count()` like a queryset's."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries

    def __len__(self) -> int:
        return len(self.entries)

    @overload
    def __getitem__(self, index: int) -> Entry: ...
    @overload
    def __getitem__(self, index: slice) -> list[Entry]: ...
    def __getitem__(self, index: int | slice) -> Entry | list[Entry]:
        return self.entries[index]

    def count(self) -> int:  # type: ignore[override]  # a queryset's count(), as the paginator calls it
        return len(self.entries)


class HistoryMixin(ViewSet):
    """Adds the `history` route to a RecordViewSet: the record's versions and its links', newest first.

    `history_links` names the link models whose rows belong to a record, by label:
    `{"sources": ("commitments.PledgeSource", "pledge")}` (model, foreign key to the record), or, for a link of
    a link, `{"evidence": ("commitments.EventEvidence", "event", "events")}` (foreign key to the rows of the
    link labelled `events`).
    """

    history_links: dict[str, LinkSpec] = {}

    @extend_schema(
        summary="Versions of this record and of its links, newest first",
        description=gettext_lazy(
            "Each version of the record, and of its links (a source added, a condition removed), with its "
            "time, action, reason and changed fields; `user` is shown to staff only. Paged by `page`, not `cursor`."
        ),
        responses=HistoryEntrySerializer(many=True),
        parameters=[OpenApiParameter("paging", exclude=True), *BY_NUMBER],
    )
    @action(detail=True, methods=["get"], url_path="history", filter_backends=[])
    def history(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """The record's versions, paged by number: keyset paging by `id` does not fit entries of several tables."""
        if "cursor" in request.query_params:
            raise ValidationError({"cursor": [_("History pages by page number: pass page, not cursor.")]})
        record = self.get_object()
        show_user = bool(request.user and request.user.is_authenticated and request.user.is_staff)
        names = api_field_names(self.get_serializer())  # type: ignore[arg-type]  # a Serializer
        reader = HistoryReader(show_user, names)
        page = self.paginate_queryset(EntryList(reader.entries(record, self.history_links)))
        return self.get_paginated_response(list(page))  # type: ignore[arg-type]  # always paged


class HistoryReader:
    """Reads the historical tables of a record and its links into API entries."""

    def __init__(self, show_user: bool, names: Mapping[str, str]) -> None:
        self.show_user = show_user
        self.names = names
        self.references = References()

    def entries(self, record: models.Model, links: Mapping[str, LinkSpec]) -> list[Entry]:
        entries = self.unresolved_entries(record, links)
        self.references.resolve()
        return entries

    def unresolved_entries(self, record: models.Model, links: Mapping[str, LinkSpec]) -> list[Entry]:
        rows = self.rows(type(record), id=record.pk)
        keyed = [(history_order(row), self.record_entry(row, before)) for row, before in with_previous(rows)]
        seen: dict[str, list[HistoricalRow]] = {}
        # Links of links (3-tuples) after the links whose rows they hang on.
        for label, spec in sorted(links.items(), key=lambda item: len(item[1])):
            rows = seen[label] = self.link_rows(record, spec, seen)
            keyed += [
                (history_order(row), self.link_entry(label, spec, row, before)) for row, before in with_previous(rows)
            ]
        keyed.sort(key=lambda pair: pair[0], reverse=True)
        return [entry for _key, entry in keyed]

    def rows(self, model: type[models.Model], **lookups: Any) -> list[HistoricalRow]:
        history = model.history  # type: ignore[attr-defined]  # a tracked model
        queryset = history.filter(**lookups).order_by("history_date", "history_id")
        return list(queryset.select_related("history_user") if self.show_user else queryset)

    def link_rows(
        self, record: models.Model, spec: LinkSpec, seen: Mapping[str, list[HistoricalRow]]
    ) -> list[HistoricalRow]:
        model, field = apps.get_model(spec[0]), spec[1]
        if len(spec) == 2:
            return self.rows(model, **{f"{field}_id": record.pk})
        return self.rows(model, **{f"{field}_id__in": {row.id for row in seen[spec[2]]}})

    def record_entry(self, row: HistoricalRow, before: HistoricalRow | None) -> Entry:
        changes = version_changes(row, before, SKIPPED_FIELDS)
        return self.entry(row, RECORD_ACTIONS[row.history_type], changes, self.names)

    def link_entry(self, label: str, spec: LinkSpec, row: HistoricalRow, before: HistoricalRow | None) -> Entry:
        field = spec[1]
        changes = version_changes(row, before, SKIPPED_FIELDS | {field})
        entry = self.entry(row, LINK_ACTIONS[row.history_type], changes, {})
        # A link of a link names its parent row (which event), which the record's own foreign key need not.
        target = link_target(row, skip=field if len(spec) == 2 else None)
        return {**entry, "link": label, "target": self.referenced(row, target)}

    def entry(self, row: HistoricalRow, action_name: str, changes: Iterable[Change], names: Mapping[str, str]) -> Entry:
        return {
            "time": row.history_date,
            "action": action_name,
            "reason": row.history_change_reason or "",
            "user": self.username(row),
            "changes": [
                {"field": names.get(name, name), "old": self.value(row, name, old), "new": self.value(row, name, new)}
                for name, old, new in changes
            ],
        }

    def value(self, row: HistoricalRow, name: str, value: Any) -> Any:
        related = related_models(row).get(name)
        return value if related is None or value is None else self.references.of(related, value)

    def referenced(self, row: HistoricalRow, target: Mapping[str, Any]) -> dict[str, Any]:
        return {name: value if name == "id" else self.value(row, name, value) for name, value in target.items()}

    def username(self, row: HistoricalRow) -> str | None:
        if not self.show_user or row.history_user is None:
            return None
        username: str = row.history_user.get_username()
        return username


def related_models(row: HistoricalRow) -> dict[str, type[models.Model]]:
    """{field name: related model} of a historical row's foreign keys."""
    return {field.name: field.related_model for field in row.tracked_fields if field.many_to_one}


class References:
    """References to related records, handed out as empty dicts and filled for all of them at once."""

    def __init__(self) -> None:
        self.wanted: defaultdict[type[models.Model], list[tuple[Any, dict[str, Any]]]] = defaultdict(list)

    def of(self, model: type[models.Model], pk: Any) -> dict[str, Any]:
        reference: dict[str, Any] = {}
        self.wanted[model].append((pk, reference))
        return reference

    def resolve(self) -> None:
        for model, wanted in self.wanted.items():
            ids = {pk for pk, _reference in wanted}
            # Names may come from the record's own foreign keys (a party's country): fetch them in the same query.
            foreign_keys = [field.name for field in model._meta.concrete_fields if field.many_to_one]
            records = model.objects  # type: ignore[attr-defined]  # every model here has it
            found = records.select_related(*foreign_keys).in_bulk(ids)
            found |= deleted_records(model, ids - set(found))
            for pk, reference in wanted:
                reference.update(reference_to(found.get(pk), pk))


def deleted_records(model: type[models.Model], ids: set[Any]) -> dict[Any, models.Model]:
    """The last version of each record deleted since, rebuilt as an instance of its model."""
    if not ids or not hasattr(model, "history"):
        return {}
    versions = model.history.filter(id__in=ids).order_by("history_date", "history_id")
    return {version.id: version.instance for version in versions}


def reference_to(record: Any, pk: Any) -> dict[str, Any]:
    """A related record as the API names it: key, slug or ISO code (or id), with its name."""
    is_party = record is not None and record._meta.model_name == "party"
    if record is None or not (collection_of(type(record)) or is_party):
        return {"id": pk}
    if is_party:
        party = record.record
        return {"type": record.type, "key": getattr(party, "iso3", None) or party.slug, "name": str(party)}
    for field in ("iso3", "slug"):
        if hasattr(record, field):
            return {field: getattr(record, field), "name": str(record)}
    if hasattr(record, "key"):
        return {"id": record.pk, "key": record.key, "name": str(record)}
    return {"id": record.pk, "name": str(record)}


def history_order(row: HistoricalRow) -> tuple[Any, int]:
    return row.history_date, row.history_id


def with_previous(rows: Iterable[HistoricalRow]) -> Iterator[tuple[HistoricalRow, HistoricalRow | None]]:
    """(row, the previous version of the same row or None), for rows in history order."""
    previous: dict[Any, HistoricalRow] = {}
    for row in rows:
        yield row, previous.get(row.id)
        previous[row.id] = row


def version_changes(row: HistoricalRow, before: HistoricalRow | None, skip: frozenset[str]) -> list[Change]:
    """[(field, old, new)] of one version: the values set by a create, removed by a delete, changed by an update.

    An update with no earlier version on record (a row loaded before history was kept) lists its values as set.
    """
    if row.history_type == "-":
        return [(name, value, None) for name, value in tracked_values(row, skip) if value not in EMPTY]
    if row.history_type == "+" or before is None:
        return [(name, None, value) for name, value in tracked_values(row, skip) if value not in EMPTY]
    changes = [without_undated_precision(change, row, before) for change in updated_values(row, before, skip)]
    return sorted((change for change in changes if change[1] != change[2]), key=lambda change: change[0])


def without_undated_precision(change: Change, row: HistoricalRow, before: HistoricalRow) -> Change:
    """A precision reads as null on the side of a change where its date is missing."""
    name, old, new = change
    if not undated_precision(name, row) and not undated_precision(name, before):
        return change
    return name, None if undated_precision(name, before) else old, None if undated_precision(name, row) else new


def updated_values(row: HistoricalRow, before: HistoricalRow, skip: frozenset[str]) -> list[Change]:
    delta = row.diff_against(before, excluded_fields=skip)
    changes = [(change.field, change.old, change.new) for change in delta.changes]
    # diff_against compares editable fields only; read-only ones (status, key) change too and matter most.
    for field in row.tracked_fields:
        if not field.editable and field.name not in skip:
            old, new = getattr(before, field.attname), getattr(row, field.attname)
            changes += [(field.name, old, new)] if old != new else []
    return changes


def undated_precision(name: str, *versions: HistoricalRow) -> bool:
    """True for `x_precision` when no version has a date `x`: a precision without its date says nothing."""
    date = name.removesuffix("_precision")
    return date != name and all(getattr(version, date, None) is None for version in versions)


def tracked_values(row: HistoricalRow, skip: frozenset[str]) -> list[tuple[str, Any]]:
    values = [
        (field.name, getattr(row, field.attname))
        for field in row.tracked_fields
        if field.name not in skip and not undated_precision(field.name, row)
    ]
    return sorted(values, key=lambda pair: pair[0])


def link_target(row: HistoricalRow, skip: str | None) -> dict[str, Any]:
    """The link row's id and the ids its foreign keys (but `skip`) point to."""
    target: dict[str, Any] = {"id": row.id}
    for related in row.tracked_fields:
        if related.many_to_one and related.name != skip and getattr(row, related.attname) is not None:
            target[related.name] = getattr(row, related.attname)
    return target
