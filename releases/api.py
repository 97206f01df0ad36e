"""`/api/v1/releases/`: numbered releases, each with its data package and its citation."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from tracker.exceptions import api_validation_error
from tracker.query_params import KnownQueryParamsMixin
from tracker.renderers import FastJSONRenderer

from . import citations
from .models import VERSION_PATH, Release
from .serializers import ReleaseSerializer, ReleaseWriteSerializer
from .services import release_cut


class PassThroughRenderer(BaseRenderer):
    """Sends a body the view made as it is (bytes or text); anything else (a problem) as JSON."""

    charset: str | None = None

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        if isinstance(data, bytes):
            return data
        if isinstance(data, str):
            return data.encode()
        return FastJSONRenderer().render(data)


class ZipRenderer(PassThroughRenderer):
    media_type = "application/zip"
    format = "zip"


class TextRenderer(PassThroughRenderer):
    media_type = "text/plain"
    format = "txt"
    charset = "utf-8"


class BibTeXRenderer(PassThroughRenderer):
    media_type = "application/x-bibtex"
    format = "bibtex"
    charset = "utf-8"


class CSLJSONRenderer(PassThroughRenderer):
    media_type = "application/vnd.citationstyles.csl+json"
    format = "csl-json"


def media_type_of(renderer_class: type[PassThroughRenderer]) -> str:
    charset = renderer_class.charset
    return f"{renderer_class.media_type}; charset={charset}" if charset else renderer_class.media_type


CITATION_RENDERERS = (TextRenderer, BibTeXRenderer, CSLJSONRenderer)
CITATION_STYLES = {
    "text": (TextRenderer, citations.citation_text),
    "bibtex": (BibTeXRenderer, citations.citation_bibtex),
    "csl-json": (CSLJSONRenderer, citations.citation_csl_json),
}
STYLE = OpenApiParameter(
    "style",
    {"type": "string", "enum": list(CITATION_STYLES)},
    description=gettext_lazy(
        "`text` (the default), `bibtex` or `csl-json`; without it, the `Accept` type chooses (`text/plain`, "
        "`application/x-bibtex`, `application/vnd.citationstyles.csl+json`)."
    ),
)
CSL_ITEMS = {"type": "array", "items": {"type": "object", "additionalProperties": True}}


@extend_schema_view(
    list=extend_schema(summary="List the releases", responses=ReleaseSerializer(many=True)),
    retrieve=extend_schema(summary="Read one release (version)", responses=ReleaseSerializer),
    create=extend_schema(summary="Cut a release", request=ReleaseWriteSerializer, responses={201: ReleaseSerializer}),
)
class ReleaseViewSet(
    KnownQueryParamsMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet[Release],
):
    """Numbered releases, oldest first: each the whole data set as of its instant, with its feed position, its
    counts, what changed since the one before, a data package to download and a citation. Cutting one needs
    add_release (the Editors group has it)."""

    lookup_field = "version"
    lookup_value_regex = VERSION_PATH
    filter_backends: list[type[Any]] = []
    serializer_class = ReleaseWriteSerializer

    def get_queryset(self) -> QuerySet[Release]:
        return Release.objects.select_related("previous").order_by("id")

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([self.represent(release) for release in page or []])

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(self.represent(self.get_object()))

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = ReleaseWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            release = release_cut(**serializer.validated_data)
        except DjangoValidationError as error:
            raise api_validation_error(error, serializer) from error
        body = self.represent(release)
        return Response(body, status=status.HTTP_201_CREATED, headers={"Location": body["url"]})

    @extend_schema(
        summary="Download a release's data package",
        responses={(200, ZipRenderer.media_type): OpenApiResponse(OpenApiTypes.BINARY, gettext_lazy("The zip."))},
    )
    @action(detail=True, methods=["get"], url_path="package", renderer_classes=[ZipRenderer, FastJSONRenderer])
    def package(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        release = self.get_object()
        content = bytes(release.package.content)
        response = HttpResponse(content, content_type=ZipRenderer.media_type)
        response["Content-Disposition"] = f'attachment; filename="{citations.bibtex_key(release.version)}.zip"'
        response["ETag"] = f'"{release.checksum}"'
        return response

    @extend_schema(
        summary="Cite a release",
        parameters=[STYLE],
        responses={
            (200, TextRenderer.media_type): OpenApiTypes.STR,
            (200, BibTeXRenderer.media_type): OpenApiTypes.STR,
            (200, CSLJSONRenderer.media_type): OpenApiResponse(CSL_ITEMS),
        },
    )
    @action(
        detail=True,
        methods=["get"],
        url_path="citation",
        renderer_classes=[*CITATION_RENDERERS, FastJSONRenderer],
        extra_query_params=("style",),
    )
    def citation(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        release = self.get_object()
        renderer_class, cite = CITATION_STYLES[self.citation_style(request)]
        body = cite(release.version, release.released_at, self.address(release, "detail"))
        return HttpResponse(body.encode(), content_type=media_type_of(renderer_class))

    def citation_style(self, request: Request) -> str:
        style = request.query_params.get("style", "").strip()
        if style and style not in CITATION_STYLES:
            message = _("Unknown citation style. The styles are: %(styles)s.") % {"styles": ", ".join(CITATION_STYLES)}
            raise ValidationError({"style": [message]})
        if style:
            return style
        accepted = getattr(request, "accepted_renderer", None)
        for name, (renderer_class, _cite) in CITATION_STYLES.items():
            if isinstance(accepted, renderer_class):
                return name
        return "text"

    def represent(self, release: Release) -> dict[str, Any]:
        previous_position = release.previous.feed_position if release.previous else 0
        changes = reverse("v1:change-list")
        changes_url = self.request.build_absolute_uri(f"{changes}?since={previous_position}")
        return {
            "version": release.version,
            "notes": release.notes,
            "released_at": release.released_at,
            "feed_position": release.feed_position,
            "previous": release.previous.version if release.previous else None,
            "counts": release.counts,
            "checksum": release.checksum,
            "changes": {"since_position": previous_position, "counts": release.changes, "url": changes_url},
            "url": self.address(release, "detail"),
            "package_url": self.address(release, "package"),
            "citation_url": self.address(release, "citation"),
        }

    def address(self, release: Release, route: str) -> str:
        return self.request.build_absolute_uri(reverse(f"v1:release-{route}", args=[release.version]))
