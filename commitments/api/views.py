from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from tracker.exceptions import api_validation_error
from tracker.exports import export_shaped_response, is_export
from tracker.filters import StrictFilterBackend, TrackerSearchFilter
from tracker.permissions import model_permissions_for
from tracker.rows import Rows, UrlBuilder
from tracker.schema import document_record_viewset
from tracker.summaries import group_by_pattern, parse_group_by
from tracker.views import RecordViewSet

from .. import filters, models, services
from ..querysets import PledgeQuerySet, StatementQuerySet
from ..querysets.events import StatusTimeline
from ..querysets.summaries import PledgeSummary, StatementSummary
from .rows.conditions import ConditionRows
from .rows.events import EventRows
from .rows.initiatives import InitiativeRows
from .rows.parties import OrganizationRows, PersonRows
from .rows.pledges import PledgeRows
from .rows.sources import SourceRows
from .rows.statements import StatementRows
from .serializers import conditions, events, initiatives, parties, pledges, sources, statements, summaries

# An id, or a key (a slug): `/pledges/3/` and `/pledges/idn-gaza-isf-troops/` are the same record.
KEY_OR_ID = r"[-a-zA-Z0-9_]+"


class ServiceViewSet(RecordViewSet):
    """A RecordViewSet of the domain, whose refusals of a written `key` or `status` say how those change."""

    def read_only_hints(self):
        hints = {"key": _("The key is assigned by the tracker and never changes.")}
        if not hasattr(self, "status_timeline"):
            return hints
        lookup = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field)
        events = f"{self.request.path}events/" if lookup else f"{self.request.path}{{{self.lookup_field}}}/events/"
        message = _("The status follows the record's status events: add one with POST %(events)s.")
        return {**hints, "status": message % {"events": events}}


def events_action(read_serializer, write_serializer):
    """GET lists a record's status timeline; POST adds a dated, sourced event (needs add_statusevent)."""

    @extend_schema(methods=["GET"], summary="Status timeline", responses=read_serializer(many=True))
    @extend_schema(
        methods=["POST"], summary="Add a status event", request=write_serializer, responses={201: read_serializer}
    )
    @action(
        detail=True,
        methods=["get", "post"],
        url_path="events",
        serializer_class=write_serializer,
        permission_classes=[model_permissions_for(models.StatusEvent)],
        filter_backends=[],
        shape_serializer_class=read_serializer,
        shape_rows_class=EventRows,
    )
    def events(self, request, *args, **kwargs):
        record = self.get_object()
        if request.method == "POST":
            return add_event(self, record, write_serializer(data=request.data))
        rows = EventRows(UrlBuilder(request), self.tables)
        return self.answer_rows(rows.values(timeline(self, record)), rows)

    return events


def summary_action(summary_class, group_serializer, noun, about):
    """GET groups the records its filters, `search`, `as_of` (and `valid_at`) select by `group_by`; one query."""
    dimensions = ", ".join(f"`{name}`" for name in summary_class.dimensions)
    group_by = OpenApiParameter(
        "group_by",
        OpenApiTypes.STR,
        description=f"None, one or two of {dimensions}, comma-separated. {about}",
        pattern=group_by_pattern(summary_class.dimensions),
    )

    @extend_schema(
        summary=f"Summarize {noun} records by group",
        parameters=[group_by],
        responses=group_serializer(many=True),
    )
    @action(
        detail=False,
        methods=["get"],
        url_path="summary",
        pagination_class=None,
        filter_backends=[StrictFilterBackend, TrackerSearchFilter],
        extra_query_params=("group_by",),
        shape_serializer_class=group_serializer,
        shape_rows_class=Rows,
    )
    def summary(self, request, *args, **kwargs):
        group_by = parse_group_by(request.query_params.get("group_by"), summary_class.dimensions)
        records = self.filter_queryset(self.read_queryset())
        groups = summary_class(self.tables, self.valid_at).groups(records, group_by)
        if not is_export(request):
            return Response(groups)
        columns = group_columns(self.export_columns(), summary_class, group_by, groups)
        return export_shaped_response(request, groups, Rows(UrlBuilder(request)), columns, self.as_of)

    return summary


def group_columns(columns, summary_class, group_by, groups):
    """The CSV columns of a summary: its key columns only where it is grouped by them (a pledge summary always by
    unit), then the counts and sums."""
    keys = {name for dimension in summary_class.dimensions.values() for name in dimension.columns}
    present = set(groups[0]) if groups else {name for dimension in group_by for name in dimension.columns}
    return [column for column in columns if column.name not in keys or column.name in present]


PLEDGE_GROUPS = (
    "Each group is split by unit as well (a row per group and unit), so that no sum adds persons to money or one "
    "currency to another. Groups come by `count`, most first, then by their keys (nulls last)."
)
STATEMENT_GROUPS = "Groups come by `count`, most first, then by their keys (nulls last)."


def add_event(view, record, serializer):
    try:
        with transaction.atomic():
            record = view.locked(record)
            view.check_precondition(record)
            serializer.is_valid(raise_exception=True)
            event = services.events.status_event_create(record, **serializer.validated_data)
    except DjangoValidationError as error:
        raise api_validation_error(error, serializer) from error
    body = EventRows(UrlBuilder(view.request)).one(models.StatusEvent.objects.filter(pk=event.pk))
    return Response(body, status=status.HTTP_201_CREATED)


def timeline_history_links(field):
    """The history links of a record with a status timeline (`field` of StatusEvent): its events, and theirs."""
    return {
        "events": ("commitments.StatusEvent", field),
        "evidence": ("commitments.EventEvidence", "event", "events"),
    }


def timeline(view, record):
    """The record's events as the view reads them: as of `as_of`, and up to `valid_at` when given."""
    field = view.get_queryset().model._meta.model_name
    events = view.tables.of(models.StatusEvent).filter(**{f"{field}_id": record.pk})
    return events if view.valid_at is None else events.filter(date__lte=view.valid_at)


@document_record_viewset(OrganizationRows, parties.OrganizationWriteSerializer, "organization", "slug")
class OrganizationViewSet(ServiceViewSet):
    """Non-state and multilateral parties, government bodies, militaries, think tanks and publishers."""

    lookup_field = "slug"
    queryset = models.Organization.objects.all()
    write_serializer_class = parties.OrganizationWriteSerializer
    filterset_class = filters.OrganizationFilterSet
    search_fields = ["name", "acronym", "description"]
    ordering_fields = ["id", "name", "slug", "kind", "updated"]
    ordering = ["name"]
    create_service = services.parties.organization_create
    update_service = services.parties.organization_update
    delete_service = services.parties.organization_delete


@document_record_viewset(PersonRows, parties.PersonWriteSerializer, "person", "slug")
class PersonViewSet(ServiceViewSet):
    """People, named or anonymous ("a Hamas spokesperson")."""

    lookup_field = "slug"
    queryset = models.Person.objects.all()
    write_serializer_class = parties.PersonWriteSerializer
    filterset_class = filters.PersonFilterSet
    search_fields = ["name", "description"]
    ordering_fields = ["id", "name", "slug", "updated"]
    ordering = ["name", "description"]
    create_service = services.parties.person_create
    update_service = services.parties.person_update
    delete_service = services.parties.person_delete


@document_record_viewset(SourceRows, sources.SourceWriteSerializer, "source", "id")
class SourceViewSet(ServiceViewSet):
    """Where claims come from: reports, statements, documents, and translations of them."""

    lookup_value_regex = r"\d+"
    queryset = models.Source.objects.all()
    write_serializer_class = sources.SourceWriteSerializer
    filterset_class = filters.SourceFilterSet
    search_fields = ["title", "author", "notes"]
    ordering_fields = ["id", "title", "published", "updated"]
    ordering = ["id"]
    create_service = services.sources.source_create
    update_service = services.sources.source_update
    delete_service = services.sources.source_delete


@document_record_viewset(InitiativeRows, initiatives.InitiativeWriteSerializer, "initiative", "slug")
class InitiativeViewSet(ServiceViewSet):
    """What is pledged to or proposed, with its status timeline at `events/`."""

    lookup_field = "slug"
    queryset = models.Initiative.objects.all()
    write_serializer_class = initiatives.InitiativeWriteSerializer
    filterset_class = filters.InitiativeFilterSet
    search_fields = ["name", "description", "location"]
    ordering_fields = ["id", "name", "slug", "status", "start", "updated"]
    ordering = ["name"]
    create_service = services.initiatives.initiative_create
    update_service = services.initiatives.initiative_update
    delete_service = services.initiatives.initiative_delete
    events = events_action(events.InitiativeEventSerializer, events.InitiativeEventWriteSerializer)
    status_timeline = StatusTimeline("initiative")
    history_links = timeline_history_links("initiative")


@document_record_viewset(PledgeRows, pledges.PledgeWriteSerializer, "pledge", "id or key")
class PledgeViewSet(ServiceViewSet):
    """Who pledged what to which initiative, with its quantity, sources, conditions and status timeline."""

    lookup_value_regex = KEY_OR_ID
    key_lookup_field = "key"
    queryset = models.Pledge.objects.all()
    write_serializer_class = pledges.PledgeWriteSerializer
    filterset_class = filters.PledgeFilterSet
    search_fields = PledgeQuerySet.search_fields
    ordering_fields = ["id", "key", "kind", "status", "announced", "quantity_low", "quantity_high", "updated"]
    ordering = ["id"]
    create_service = services.pledges.pledge_create
    update_service = services.pledges.pledge_update
    delete_service = services.pledges.pledge_delete
    events = events_action(events.PledgeEventSerializer, events.PledgeEventWriteSerializer)
    summary = summary_action(PledgeSummary, summaries.PledgeSummaryGroupSerializer, "pledge", PLEDGE_GROUPS)
    status_timeline = StatusTimeline("pledge")
    history_links = {
        "sources": ("commitments.PledgeSource", "pledge"),
        **timeline_history_links("pledge"),
        "condition_links": ("commitments.ConditionLink", "pledge"),
    }


@document_record_viewset(ConditionRows, conditions.ConditionWriteSerializer, "condition", "slug")
class ConditionViewSet(ServiceViewSet):
    """Issues that hold commitments up, where each bites, and their status timelines."""

    lookup_field = "slug"
    queryset = models.Condition.objects.all()
    write_serializer_class = conditions.ConditionWriteSerializer
    filterset_class = filters.ConditionFilterSet
    search_fields = ["name", "description"]
    ordering_fields = ["id", "name", "slug", "status", "updated"]
    ordering = ["name"]
    create_service = services.conditions.condition_create
    update_service = services.conditions.condition_update
    delete_service = services.conditions.condition_delete
    events = events_action(events.ConditionEventSerializer, events.ConditionEventWriteSerializer)
    status_timeline = StatusTimeline("condition")
    history_links = {
        "links": ("commitments.ConditionLink", "condition"),
        **timeline_history_links("condition"),
    }


@document_record_viewset(StatementRows, statements.StatementWriteSerializer, "statement", "id or key")
class StatementViewSet(ServiceViewSet):
    """What was said or reported, by whom, about what (with a stance on each target), and where it is written."""

    lookup_value_regex = KEY_OR_ID
    key_lookup_field = "key"
    queryset = models.Statement.objects.all()
    write_serializer_class = statements.StatementWriteSerializer
    filterset_class = filters.StatementFilterSet
    search_fields = StatementQuerySet.search_fields
    ordering_fields = ["id", "key", "date", "reported", "kind", "updated"]
    ordering = ["id"]
    create_service = services.statements.statement_create
    update_service = services.statements.statement_update
    delete_service = services.statements.statement_delete
    summary = summary_action(StatementSummary, summaries.StatementSummaryGroupSerializer, "statement", STATEMENT_GROUPS)
    history_links = {
        "speakers": ("commitments.StatementSpeaker", "statement"),
        "according_to": ("commitments.StatementBasis", "statement"),
        "sources": ("commitments.StatementSource", "statement"),
        "targets": ("commitments.StatementTarget", "statement"),
    }

    def read_queryset(self):
        """With `reported` from the cited sources, as of the same instant as the statements."""
        return super().read_queryset().with_reported(self.tables)
