"""Reads as the database stood at an instant (`as_of`), and as the world stood on a date (`valid_at`).

`as_of` reads each record's own fields and its links from their history (django-simple-history) as they were at
that instant. Names of related records reached through a foreign key (`party__country__name`) are today's, and
null for a record deleted since. `valid_at` keeps the records whose status timeline had begun by that date (an
event dated, by the first day of its period, on or before it), each with its status on that date. Both apply to
the `list` and `retrieve` actions (and a collection's `summary`); writes and other routes ignore them.
"""

import copy
import datetime
import re
from functools import cache

from django.http import Http404
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter

from .filters import names_a_filter
from .reflects import Reflected, reflected_at, reflected_now, release_reflects, releases_readable
from .rows import CURRENT_TABLES, VALID_STATUS, AsOfTables, as_of_queryset

IN_TIME_ACTIONS = ("list", "retrieve", "events", "summary")
END_OF_DAY = datetime.time(23, 59, 59, 999999, tzinfo=datetime.UTC)
# A `+` left unencoded in a query string arrives as a space: `…T12:00:00 02:00`.
SPACED_OFFSET = re.compile(r" (\d{2}(:?\d{2})?)$")

AS_OF_DESCRIPTION = gettext_lazy(
    "Read the records as the database held them at this instant: a UTC timestamp (`2025-11-01T12:00:00Z`; one "
    "without a zone is UTC) or a date (the end of that day, UTC). Records created later are absent, records "
    "deleted since are present, later edits are undone, and links (sources, events, targets, condition links) are "
    "those of that instant; names of related records are today's. Combines with the filters."
)
RELEASE_DESCRIPTION = gettext_lazy(
    "Read the records as a numbered release holds them (`/api/v1/releases/`): the same as `as_of` at the release's "
    "instant. An unknown version is a 400; not with `as_of`."
)
VALID_AT_DESCRIPTION = gettext_lazy(
    "What was true in the world on this date, as recorded now: only records with a status event dated on or "
    "before it (an event of week, month or year precision counts from the first day of its period), each with "
    "`status` as its latest such event's. The `status` filter and ordering then use that status."
)


def parse_as_of(raw):
    """The instant `as_of` names (aware, UTC), or None when not given; a malformed value is a 400."""
    if not raw:
        return None
    raw = SPACED_OFFSET.sub(r"+\1", raw.strip())
    try:
        day = parse_date(raw)
        if day is not None:
            return datetime.datetime.combine(day, END_OF_DAY)
        instant = parse_datetime(raw)
        if instant is not None:
            return instant.replace(tzinfo=datetime.UTC) if instant.tzinfo is None else instant.astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        pass
    message = _("Not a date (2025-11-01) or a UTC timestamp (2025-11-01T12:00:00Z).")
    raise ValidationError({"as_of": [message]})


def parse_release(raw, as_of_raw):
    """What `release` names, its instant and feed position, or None when not given; an unknown version, or one
    given with `as_of`, is a 400 naming `release`."""
    version = (raw or "").strip()
    if not version:
        return None
    if (as_of_raw or "").strip():
        raise ValidationError({"release": [_("Pass either release or as_of, not both.")]})
    reflected = release_reflects(version)
    if reflected is None:
        raise ValidationError({"release": [_("No release has this version.")]})
    return reflected


def parse_valid_at(raw):
    """The date `valid_at` names, or None when not given; a malformed value is a 400."""
    if not raw:
        return None
    try:
        day = parse_date(raw.strip())
    except ValueError:
        day = None
    if day is None:
        raise ValidationError({"valid_at": [_("Not a date (2025-11-01).")]})
    return day


class AsOfMixin:
    """Lets the list and detail reads of a RecordViewSet answer as of a past instant (`as_of`) and, for records
    with a status timeline (`status_timeline` set), as of a date in the world (`valid_at`); a no-op without them.
    """

    status_timeline = None
    """For records with a status timeline: an object whose `valid_at(queryset, day, tables)` keeps the records
    whose timeline had begun by `day`, annotated with their status then as `VALID_STATUS`."""

    as_of = valid_at = None
    tables = CURRENT_TABLES
    reflected: Reflected | None = None
    """The instant and feed position of the release a read names (tracker.reflects)."""
    reads_in_time = False

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if self.action not in IN_TIME_ACTIONS or request.method != "GET":
            return
        self.reflected = self.read_instant(request)
        self.reads_in_time = True
        if self.status_timeline is not None:
            self.valid_at = parse_valid_at(request.query_params.get("valid_at"))
        if self.as_of is not None:
            self.tables = AsOfTables(self.as_of)

    def read_instant(self, request):
        """A release's instant and position (`release`), setting `as_of` to that instant; else `as_of`, and None
        (what the read reflects is read once it has answered: tracker.reflects)."""
        as_of_raw = request.query_params.get("as_of")
        release = parse_release(request.query_params.get("release"), as_of_raw)
        if release is not None:
            self.as_of = release.instant
            return release
        self.as_of = parse_as_of(as_of_raw)
        return None

    def finalize_response(self, request, response, *args, **kwargs):
        """A read's answer names the instant and feed position it reflects; a refused one names none, and reads
        nothing for it."""
        response = super().finalize_response(request, response, *args, **kwargs)
        if self.reads_in_time and response.status_code < 400:
            reflected = self.reflected or (reflected_now(request) if self.as_of is None else reflected_at(self.as_of))
            for name, value in reflected.headers().items():
                response[name] = value
        return response

    @property
    def in_time(self):
        return self.as_of is not None or self.valid_at is not None

    def read_queryset(self):
        """The view's own queryset, or the whole history of its model as of `as_of`; then, with `valid_at`, only
        the records whose timeline had begun, with their status on that date."""
        queryset = super().read_queryset()
        if self.as_of is not None:
            queryset = as_of_queryset(queryset.model, self.as_of)
        if self.valid_at is not None:
            queryset = self.status_timeline.valid_at(queryset, self.valid_at, self.tables)
        return queryset

    def get_rows(self):
        rows = super().get_rows()
        return rows.in_time(self.tables, self.valid_at) if self.in_time else rows

    def get_object(self):
        """In time, the record as it stood: one deleted since is found, one created later is a 404."""
        if not self.in_time:
            return super().get_object()
        lookup = self.kwargs[self.lookup_url_kwarg or self.lookup_field]
        found = self.filter_queryset(self.read_queryset()).filter(**{self.record_lookup_field(): lookup}).first()
        if found is None:
            raise Http404
        record = found if self.as_of is None else found.instance
        self.check_object_permissions(self.request, record)
        return record

    def record_lookup_field(self):
        """The lookup field by a name that reads the same on the model and on its history, where `pk` is the
        version's own key."""
        if self.lookup_field != "pk":
            return self.lookup_field
        return self.get_queryset().model._meta.pk.name

    def filter_queryset(self, queryset):
        """In time, the filters, search and ordering apply to the as-of queryset, and with `valid_at` the `status`
        filter and ordering mean the status on that date."""
        if not self.in_time:
            return super().filter_queryset(queryset)
        for backend_class in self.filter_backends:
            backend = backend_class()
            if isinstance(backend, DjangoFilterBackend):
                queryset = self.filterset_in_time(backend, queryset)
            elif isinstance(backend, OrderingFilter):
                queryset = self.ordered_in_time(backend, queryset)
            else:
                queryset = backend.filter_queryset(self.request, queryset, self)
        return queryset

    def filterset_in_time(self, backend, queryset):
        """The view's filterset, reading links from the tables of the read; with `valid_at`, the one whose `status`
        filter reads the status on that date."""
        # Asked without the queryset, which may be of the filterset model's history rather than of the model.
        filterset_class = backend.get_filterset_class(self)
        if filterset_class is None or not names_a_filter(self.request, filterset_class):
            return queryset
        if self.valid_at is not None:
            filterset_class = filterset_on_date(filterset_class)
        filterset = filterset_class(**backend.get_filterset_kwargs(self.request, queryset, self), tables=self.tables)
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        return filterset.qs

    def ordered_in_time(self, backend, queryset):
        """The ordering backend's terms; with `valid_at`, `status` is the status on that date."""
        ordering = backend.get_ordering(self.request, queryset, self)
        if not ordering:
            return queryset
        if self.valid_at is not None:
            renamed = {"status": VALID_STATUS, "-status": f"-{VALID_STATUS}"}
            ordering = [renamed.get(term, term) for term in ordering]
        return queryset.order_by(*ordering)

    def in_time_parameters(self):
        """The query parameters of a read in time, for the OpenAPI schema of this view's action."""
        if self.action not in IN_TIME_ACTIONS:
            return []
        parameters = [query_parameter("as_of", AS_OF_DESCRIPTION, {"anyOf": DATE_OR_TIMESTAMP})]
        if releases_readable():
            parameters.append(query_parameter("release", RELEASE_DESCRIPTION, {"type": "string"}))
        if self.status_timeline is not None:
            parameters.append(query_parameter("valid_at", VALID_AT_DESCRIPTION, {"type": "string", "format": "date"}))
        return parameters


DATE_OR_TIMESTAMP = [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]


def query_parameter(name, description, schema):
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


@cache
def filterset_on_date(filterset_class):
    """`filterset_class` whose filters on `status` read the status on the `valid_at` date (VALID_STATUS) instead;
    built once per filterset. Every filter is declared again, so that they keep their order."""
    filters = {}
    for name, filter_ in filterset_class.base_filters.items():
        if filter_.field_name == "status":
            filter_ = copy.deepcopy(filter_)
            filter_.field_name = VALID_STATUS
        filters[name] = filter_
    return type(f"{filterset_class.__name__}OnDate", (filterset_class,), filters)
