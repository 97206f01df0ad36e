from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from tracker.service_admin import ServiceInline

from ..audit import audit_lines
from ..models import Statement, StatementBasis, StatementSource, StatementSpeaker, StatementTarget
from ..querysets import StatementQuerySet
from ..services.statements import statement_create, statement_delete, statement_update
from .base import TIMESTAMPS, SourceLinksInline, TrackedAdmin, dated_fieldset, party_related
from .filters import RELATED_ONLY, StatementConditionFilter, StatementInitiativeFilter, StatementStanceFilter
from .imports import RecordImportExportAdmin


class StatementSpeakerInline(ServiceInline, admin.TabularInline):
    """The speakers in the order of their positions, which the services number from 0."""

    service_fields = ("speakers",)
    model = StatementSpeaker
    fields = ("person", "organization", "role", "count", "position")
    autocomplete_fields = ("person", "organization")
    extra = 1

    def service_values(self, rows):
        return {"speakers": sorted(rows, key=lambda speaker: speaker.position)}


class StatementBasisInline(ServiceInline, admin.TabularInline):
    """The parties the statement reports according to, neither its speakers nor the party spoken for."""

    service_fields = ("according_to",)
    model = StatementBasis
    fields = ("party", "words")
    autocomplete_fields = ("party",)
    extra = 0


class StatementSourceInline(SourceLinksInline):
    model = StatementSource


class StatementTargetInline(ServiceInline, admin.TabularInline):
    """What the statement is about, each target with its own stance."""

    service_fields = ("targets",)
    model = StatementTarget
    fields = ("party", "pledge", "condition", "initiative", "stance")
    autocomplete_fields = ("party", "pledge", "condition", "initiative")
    extra = 1


@admin.register(Statement)
class StatementAdmin(RecordImportExportAdmin, TrackedAdmin):
    import_collection = "statements"
    create_service = statement_create
    update_service = statement_update
    delete_service = statement_delete
    list_display = ("key", "kind", "speaker_names", "date", "date_precision", "on_behalf_of", "language")
    list_filter = (
        "kind",
        StatementStanceFilter,
        "language",
        ("on_behalf_of__country", RELATED_ONLY),
        StatementInitiativeFilter,
        StatementConditionFilter,
        "date_precision",
        "text_origin",
        "translation_by",
    )
    list_select_related = party_related("on_behalf_of")
    search_fields = StatementQuerySet.search_fields
    autocomplete_fields = ("on_behalf_of",)
    date_hierarchy = "date"
    inlines = (StatementSpeakerInline, StatementBasisInline, StatementSourceInline, StatementTargetInline)
    fieldsets = (
        (None, {"fields": ("key", "kind", "on_behalf_of")}),
        (
            _("Text"),
            {"fields": ("text", ("language", "text_origin", "spoken_language"), ("translation", "translation_by"))},
        ),
        dated_fieldset(_("Date"), "date"),
        TIMESTAMPS,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("speakers__person", "speakers__organization")

    def get_urls(self):
        audit = path("audit/", self.admin_site.admin_view(self.audit_view), name="commitments_statement_audit")
        return [audit, *super().get_urls()]

    def audit_view(self, request):
        """What `manage.py audit_sources` prints, for anyone who may view statements."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("What rests on an editor"),
            "lines": audit_lines(),
        }
        return TemplateResponse(request, "commitments/admin/audit_sources.html", context)

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "key")

    @admin.display(description=_("speakers"))
    def speaker_names(self, statement):
        return ", ".join(str(speaker) for speaker in statement.speakers.all())
