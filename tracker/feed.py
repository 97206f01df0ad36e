"""The change feed, `/api/v1/changes/`: every create, update and delete of every collection, in commit order,
so that a mirror can sync incrementally from the last position it saw."""

import datetime
import re
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from .answer_cache import AnswerCacheMixin
from .answers import RowsAnswerMixin
from .models import Change
from .query_params import KnownQueryParamsMixin
from .rows import Rows, UrlBuilder, reads
from .shapes import Row

# ASCII digits only: str.isdigit() also accepts "²" and "⑤", which int() refuses.
POSITION = re.compile(r"[0-9]{1,19}")
MAX_POSITION = 2**63 - 1


def parse_instant(value: str) -> datetime.datetime | None:
    """A UTC instant from an ISO 8601 timestamp (UTC when it names no zone) or a date (its first moment)."""
    try:
        instant = parse_datetime(value)
        if instant is None and (day := parse_date(value)) is not None:
            instant = datetime.datetime.combine(day, datetime.time.min)
    except ValueError:
        return None
    if instant is not None and instant.tzinfo is None:
        instant = instant.replace(tzinfo=datetime.UTC)
    return instant


class ChangeSerializer(serializers.Serializer[Any]):
    position = serializers.IntegerField(source="id", help_text=_("Feed position: pass the last one seen as `since`."))
    collection = serializers.CharField()
    lookup = serializers.CharField(help_text=_("The record's lookup in its collection: id, slug or ISO alpha-3."))
    action = serializers.ChoiceField(choices=Change.Action.choices)
    time = serializers.DateTimeField(source="history_date")
    url = serializers.URLField(allow_null=True, help_text=_("The record's address; null after a delete."))
    reason = serializers.CharField()
    user = serializers.CharField(
        source="user.username",
        required=False,
        allow_null=True,
        help_text=_("Who made the change (null when no user made it); shown to authenticated staff only."),
    )


class ChangeRows(Rows):
    serializer_class = ChangeSerializer

    def __init__(self, urls: UrlBuilder, basenames: Mapping[str, str], show_user: bool) -> None:
        super().__init__(urls)
        self.basenames = basenames
        self.show_user = show_user

    def wants(self, field: str) -> bool:
        return (self.show_user or field != "user") and super().wants(field)

    @reads("action", "collection", "lookup")
    def read_url(self, row: Row) -> str | None:
        basename = self.basenames.get(row["collection"])
        if row["action"] == Change.Action.DELETE or not basename:
            return None
        return self.urls.detail(basename, row["lookup"])


SINCE = OpenApiParameter(
    "since",
    {
        "anyOf": [
            {"type": "string", "pattern": f"^{POSITION.pattern}$"},
            {"type": "string", "format": "date-time"},
            {"type": "string", "format": "date"},
        ]
    },
    description=_(
        "A feed position: the changes after it. Positions are exact; follow the last one seen. Or a UTC timestamp "
        "or date: the changes at or after it, a convenience for a first sync only (a change's time is taken before "
        "it commits, so following timestamps can miss a change that commits late)."
    ),
)
# The collections are known once the router has them: ChangeViewSet.serve() fills the enumeration in.
COLLECTION_NAMES = {"type": "string", "enum": []}
COLLECTION = OpenApiParameter(
    "collection",
    {"type": "array", "items": COLLECTION_NAMES},
    style="form",
    explode=False,
    description=_("Collections, comma-separated (any of)."),
)


@extend_schema_view(
    list=extend_schema(summary="The change feed", parameters=[SINCE, COLLECTION], responses=ChangeSerializer(many=True))
)
class ChangeViewSet(
    AnswerCacheMixin, KnownQueryParamsMixin, RowsAnswerMixin, mixins.ListModelMixin, viewsets.GenericViewSet[Change]
):
    """Creates, updates and deletes across all collections, oldest first, each with its feed position.

    A change to a link (a source added to a pledge, an event, a condition link) is listed as an update of the
    record it belongs to. Positions follow commit order, so following `since` by position never skips a change.
    """

    basenames: dict[str, str] = {}
    filter_backends: list[type[Any]] = []
    extra_query_params = ("since", "collection")
    serializer_class = ChangeSerializer
    rows_class = ChangeRows

    @classmethod
    def serve(cls, basenames: dict[str, str]) -> None:
        """Serve the changes of these collections ({prefix: router basename})."""
        cls.basenames = basenames
        COLLECTION_NAMES["enum"] = sorted(basenames)

    def get_queryset(self) -> QuerySet[Change]:
        """Every change, filtered by `since` and `collection`, in feed order."""
        changes: QuerySet[Change] = Change.objects.order_by("id")
        changes = self.since(changes, self.request.query_params.get("since", "").strip())
        return self.in_collections(changes, self.request.query_params.get("collection", "").strip())

    def since(self, changes: QuerySet[Change], value: str) -> QuerySet[Change]:
        if not value:
            return changes
        if POSITION.fullmatch(value):
            return changes.filter(id__gt=min(int(value), MAX_POSITION))
        instant = parse_instant(value)
        if instant is None:
            raise ValidationError(
                {"since": [_("Give a feed position or a UTC timestamp such as 2025-10-24T12:00:00Z.")]}
            )
        return changes.filter(history_date__gte=instant)

    def in_collections(self, changes: QuerySet[Change], value: str) -> QuerySet[Change]:
        if not value:
            return changes
        wanted = value.split(",")
        if len(wanted) > settings.API_MAX_LIST_ITEMS:
            message = _("At most %(limit)d values.") % {"limit": settings.API_MAX_LIST_ITEMS}
            raise ValidationError({"collection": [message]})
        unknown = [name or '""' for name in wanted if name not in self.basenames]
        if unknown or not wanted:
            raise ValidationError({"collection": [_("Unknown: %(names)s.") % {"names": ", ".join(unknown) or value}]})
        return changes.filter(collection__in=wanted)

    def list(  # type: ignore[override]  # an export answers with a streamed response
        self, request: Request, *args: Any, **kwargs: Any
    ) -> Response | StreamingHttpResponse:
        """The changes, paginated (follow `next`, or ask again with `since` = the last position seen), or all of
        them streamed as an export."""
        user = request.user
        rows = ChangeRows(UrlBuilder(request), self.basenames, bool(user and user.is_authenticated and user.is_staff))
        return self.answer_rows(rows.values(self.get_queryset()), rows)
