"""Query filters that never fail silently: an unknown key, a malformed date or an unknown choice is a 400 that
names the parameter. Several comma-separated values mean "any of"."""

from __future__ import annotations

import copy
import datetime
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters import rest_framework as filters
from django_filters.widgets import BooleanWidget
from drf_spectacular.drainage import set_override
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter, SearchFilter

from .dates import ends_on_or_after, starts_on_or_before
from .rows import CURRENT_TABLES, Tables
from .search import RANK, RELEVANCE, Search, fold_words

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from rest_framework.request import Request
    from rest_framework.views import APIView

SLUG = r"[-a-zA-Z0-9_]+"


def document_values(filter_: filters.Filter, schema: dict[str, Any]) -> None:
    """The schema of each value of a comma-separated filter, with the filter's help text (drf-spectacular reads
    the override in place of the one it would guess)."""
    set_override(filter_, "field", {**schema, "description": str(filter_.extra.get("help_text") or "")})


class StrictFilterBackend(filters.DjangoFilterBackend):
    """django-filter's backend: an invalid filterset answers 400 with the parameters' names."""

    def filter_queryset(self, request: Request, queryset: QuerySet[Any], view: APIView) -> QuerySet[Any]:
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and not names_a_filter(request, filterset_class):
            return queryset
        return super().filter_queryset(request, queryset, view)


def names_a_filter(request: Request, filterset_class: type[filters.FilterSet]) -> bool:
    """Whether the request gives any of the filterset's parameters. A request that gives none is not filtered:
    building the filterset and its form (a copy of each of some thirty filters, each field cleaned) cost some
    2 ms a list, to keep every record."""
    return any(name in request.query_params for name in filterset_class.base_filters)


class StrictBooleanWidget(BooleanWidget):
    """Hands the raw value to the field, so that a value other than true/false can be refused."""

    def value_from_datadict(self, data: Mapping[str, Any], files: Any, name: str) -> Any:
        return data.get(name)


class StrictBooleanField(forms.NullBooleanField):
    """`true`/`false` (or `1`/`0`, any case); empty means not given; anything else is invalid."""

    widget = StrictBooleanWidget

    def to_python(self, value: Any) -> bool | None:  # type: ignore[override]  # None for "not given"
        if value in (None, ""):
            return None
        answer = {"true": True, "1": True, "false": False, "0": False}.get(str(value).strip().lower())
        if answer is None:
            raise forms.ValidationError(_("Must be true or false."), code="invalid")
        return answer


class TrackerFilterSet(filters.FilterSet):
    """Base filterset: each filter learns the query parameter it answers to, so that errors can name it.

    django-filter reads any boolean value it does not know as "no filter"; here it is a 400 instead. `tables` is
    where the filters read link models (`self.tables.of(Model)`): today's, or as of the read's instant.
    """

    def __init__(self, *args: Any, tables: Tables = CURRENT_TABLES, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tables = tables
        for name, filter_ in self.filters.items():
            filter_.param_name = name
            if isinstance(filter_, filters.ChoiceFilter):
                # The form field may already be built (the schema builds it), so its messages are set on it.
                filter_.field.error_messages["invalid_choice"] = choice_error(filter_.extra["choices"])
            if isinstance(filter_, filters.BooleanFilter):
                filter_.field_class = StrictBooleanField
                filter_.extra["widget"] = StrictBooleanWidget

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        """A comma-separated list longer than API_MAX_LIST_ITEMS is a 400 before any of it is looked up."""
        most = settings.API_MAX_LIST_ITEMS
        long_lists = [
            name for name, value in self.form.cleaned_data.items() if isinstance(value, list) and len(value) > most
        ]
        if long_lists:
            message = _("At most %(limit)d values.") % {"limit": most}
            raise ValidationError({name: [message] for name in long_lists})
        return super().filter_queryset(queryset)


def choice_error(choices: Iterable[tuple[object, object]]) -> str:
    """The message of an unknown choice, listing the valid ones (a form field's `%(value)s` names the input)."""
    valid = ", ".join(str(value) for value, _label in choices)
    return _("%%(value)s is not one of the valid values: %(valid)s.") % {"valid": valid}


class AnyOfFilter(filters.BaseInFilter, filters.CharFilter):
    """Comma-separated values; a record matching any of them is kept. `schema` documents each value."""

    def __init__(self, *args: Any, schema: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if schema is not None:
            document_values(self, schema)


class AnyOfChoiceFilter(filters.BaseInFilter, filters.ChoiceFilter):
    """Comma-separated values of an enumeration; an unknown or empty value (`kind=,`) is a 400."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        document_values(self, {"type": "string", "enum": [value for value, _label in self.extra["choices"]]})

    def filter(self, qs: QuerySet[Any], value: list[str] | None) -> QuerySet[Any]:
        if value and not all(value):
            raise ValidationError({self.param_name: [_("The list has an empty value.")]})
        return super().filter(qs, value)


class KeysFilter(filters.BaseInFilter, filters.CharFilter):
    """Comma-separated keys (slugs, codes, ids) of related records, resolved to ids before filtering.

    Each key must match `pattern` exactly (a slug by default), as the schema says. `apply` names a method of the
    filterset taking `(queryset, ids)` for filters that match more than one relation; without it the filter keeps
    records whose `field_name` is one of the ids.
    """

    unknown_message: str | Promise = gettext_lazy("Unknown: %(keys)s.")
    malformed_message: str | Promise = gettext_lazy("Not a key of the form %(pattern)s: %(keys)s.")

    def __init__(
        self,
        *args: Any,
        queryset: QuerySet[Any],
        key_field: str = "slug",
        pattern: str = SLUG,
        normalize: Callable[[str], Any] | None = None,
        apply: str | None = None,
        **kwargs: Any,
    ) -> None:
        self.key_queryset = queryset
        self.key_field = key_field
        self.pattern = re.compile(pattern)
        self.normalize = normalize or str
        self.apply = apply
        super().__init__(*args, **kwargs)
        document_values(self, {"type": "string", "pattern": f"^{pattern}$"})

    def __deepcopy__(self, memo: dict[int, Any]) -> KeysFilter:
        """A copy for each request's filterset that shares the queryset of keys: it is never evaluated itself (every
        lookup filters a copy of it), and copying it was a third of a list's fixed cost."""
        memo[id(self.key_queryset)] = self.key_queryset
        clone = copy.copy(self)
        clone.__dict__ = copy.deepcopy(self.__dict__, memo)
        return clone

    def filter(self, qs: QuerySet[Any], value: list[str] | None) -> QuerySet[Any]:
        if not value:
            return qs
        if not all(value):
            raise ValidationError({self.param_name: [_("The list has an empty value.")]})
        malformed = [key for key in value if not self.pattern.fullmatch(key)]
        if malformed:
            message = self.malformed_message % {"pattern": self.pattern.pattern, "keys": ", ".join(malformed)}
            raise ValidationError({self.param_name: [message]})
        ids = self.resolve([self.normalize(key) for key in value])
        if self.apply:
            return getattr(self.parent, self.apply)(qs, ids)
        qs = qs.filter(**{f"{self.field_name}__in": ids})
        return qs.distinct() if self.distinct else qs

    def resolve(self, keys: Sequence[Any]) -> list[int]:
        found = dict(self.lookup(keys))
        missing = [key for key in keys if key not in found]
        if missing:
            raise ValidationError({self.param_name: [self.unknown_message % {"keys": ", ".join(map(str, missing))}]})
        return list(found.values())

    def lookup(self, keys: Sequence[Any]) -> QuerySet[Any, tuple[Any, int]]:
        """(key, id) pairs of the records these keys name."""
        return self.key_queryset.filter(**{f"{self.key_field}__in": keys}).values_list(self.key_field, "id")


class PeriodEndsAfterFilter(filters.DateFilter):
    """Keeps dated periods that end on or after the given day (a week-precision date covers its week)."""

    def filter(self, qs: QuerySet[Any], value: datetime.date | None) -> QuerySet[Any]:
        return qs if value is None else qs.filter(ends_on_or_after(self.field_name, value))


class PeriodStartsBeforeFilter(filters.DateFilter):
    """Keeps dated periods that start on or before the given day."""

    def filter(self, qs: QuerySet[Any], value: datetime.date | None) -> QuerySet[Any]:
        return qs if value is None else qs.filter(starts_on_or_before(self.field_name, value))


def search_pattern() -> str:
    """At most API_MAX_SEARCH_TERMS terms of at most API_MAX_SEARCH_TERM_LENGTH characters, separated by spaces or
    commas: the grammar of `search`, for the schema and for the check."""
    most, longest = settings.API_MAX_SEARCH_TERMS, settings.API_MAX_SEARCH_TERM_LENGTH
    # Spelled out rather than \s, whose meaning differs between Python's and JavaScript's regular expressions.
    gap = r"[\t\n\x0b\x0c\r ,]"
    term = rf"[^\t\n\x0b\x0c\r ,]{{1,{longest}}}"
    return rf"^{gap}*({term}{gap}+){{0,{most - 1}}}({term}{gap}*)?$"


class TrackerSearchFilter(SearchFilter):
    """`search=text` over each view's `search_fields`, by words (`tracker.search`), reading linked records from the
    view's tables (as of its instant): at most API_MAX_SEARCH_TERMS terms of at most API_MAX_SEARCH_TERM_LENGTH
    characters, since every term adds a condition on every field. A search without a letter or a digit finds
    nothing."""

    def filter_queryset(self, request: Request, queryset: QuerySet[Any], view: APIView) -> QuerySet[Any]:
        fields = self.get_search_fields(view, request)
        terms = self.get_search_terms(request)
        if not fields or not terms:
            return queryset
        words = list(dict.fromkeys(word for term in terms for word in fold_words(term)))
        if not words:
            return queryset.none()
        model = view.get_queryset().model  # type: ignore[attr-defined]  # a GenericAPIView
        tables = getattr(view, "tables", CURRENT_TABLES)
        return Search(queryset, model, fields, tables).filter(words)

    def get_search_terms(self, request: Request) -> list[str]:
        value = request.query_params.get(self.search_param, "")
        if not re.fullmatch(search_pattern(), value):
            raise ValidationError({self.search_param: [self.too_much(value)]})
        return super().get_search_terms(request)

    def too_much(self, value: str) -> str:
        most, longest = settings.API_MAX_SEARCH_TERMS, settings.API_MAX_SEARCH_TERM_LENGTH
        if any(len(term) > longest for term in re.split(r"[\t\n\x0b\x0c\r ,]+", value)):
            return _("A term may not be longer than %(limit)d characters.") % {"limit": longest}
        return _("At most %(limit)d terms.") % {"limit": most}

    def get_schema_operation_parameters(self, view: APIView) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"] = {"type": "string", "pattern": search_pattern()}
            parameter["description"] = str(
                _(
                    "Words to look for, separated by spaces or commas: at most %(most)d, "
                    "of at most %(longest)d characters each."
                )
                % {"most": settings.API_MAX_SEARCH_TERMS, "longest": settings.API_MAX_SEARCH_TERM_LENGTH}
            )
        return parameters


class TrackerOrderingFilter(OrderingFilter):
    """`ordering=field` / `-field` on the view's `ordering_fields`; an unknown field is a 400, and with a
    keyset cursor only `id` and `-id` are allowed."""

    def get_schema_operation_parameters(self, view: APIView) -> list[dict[str, Any]]:
        """`ordering` as a comma-separated list of the view's fields, so that clients need not guess them."""
        fields = getattr(view, "ordering_fields", None)
        if not isinstance(fields, (list, tuple)):
            return super().get_schema_operation_parameters(view)
        description = _("Fields to sort by, comma-separated; `-` sorts descending. With a cursor: `id` or `-id` only.")
        if getattr(view, "search_fields", None):
            fields = [*fields, RELEVANCE]
            description += " " + _(
                "`relevance` orders a search by how well each result matches (`-relevance`: best first)."
            )
        items = {"type": "string", "enum": [term for field in fields for term in (field, f"-{field}")]}
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": description,
                "schema": {"type": "array", "items": items},
                "style": "form",
                "explode": False,
            }
        ]

    def get_ordering(self, request: Request, queryset: QuerySet[Any], view: APIView) -> Any:
        """The terms exactly as sent, comma-separated: each a known field, with no spaces and `-` at most once."""
        explicit = request.query_params.get(self.ordering_param)
        if not explicit:
            return self.get_default_ordering(view)
        ordering = self.remove_invalid_fields(queryset, explicit.split(","), view, request)
        if "cursor" in request.query_params and ordering not in (["id"], ["-id"]):
            raise ValidationError({self.ordering_param: [_("With a cursor, ordering may only be id or -id.")]})
        return by_relevance(ordering) if RELEVANCE in {term.removeprefix("-") for term in ordering} else ordering

    def remove_invalid_fields(  # type: ignore[override]  # called with the split list, and measures it
        self, queryset: QuerySet[Any], fields: Sequence[str], view: APIView, request: Request
    ) -> list[str]:
        """The terms, when every one is valid; otherwise a 400 naming `ordering` (nothing is silently dropped)."""
        if len(fields) > settings.API_MAX_LIST_ITEMS:
            message = _("At most %(limit)d values.") % {"limit": settings.API_MAX_LIST_ITEMS}
            raise ValidationError({self.ordering_param: [message]})
        valid = {name for name, _label in self.get_valid_fields(queryset, view, {"request": request})}
        names = [term.removeprefix("-") for term in fields]
        if RELEVANCE in names and RANK not in queryset.query.annotations:
            message = _("Ordering by relevance needs a search: pass search as well.")
            raise ValidationError({self.ordering_param: [message]})
        valid |= {RELEVANCE} if RANK in queryset.query.annotations else set()
        unknown = [term or '""' for term, name in zip(fields, names, strict=True) if name not in valid]
        if unknown:
            message = _("Cannot order by %(fields)s. Choose from: %(valid)s.")
            raise ValidationError(
                {self.ordering_param: [message % {"fields": ", ".join(unknown), "valid": ", ".join(sorted(valid))}]}
            )
        return list(fields)


def by_relevance(ordering: Sequence[str]) -> list[str]:
    """The ordering with `relevance` read from the search's rank, and ties broken by id."""
    terms = [term.replace(RELEVANCE, RANK) if term.removeprefix("-") == RELEVANCE else term for term in ordering]
    return terms if {"id", "-id"} & set(terms) else [*terms, "id"]
