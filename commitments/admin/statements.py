from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from ..audit import audit_lines
from ..models import Statement, StatementBasis, StatementSource, StatementSpeaker, StatementTarget
from ..services.keys import unique_key
from ..services.statements import statement_key_base
from .base import TIMESTAMPS, PeriodDatesForm, SourcesRequiredFormSet, TrackedAdmin, dated_fieldset, party_related


class StatementForm(PeriodDatesForm):
    period_dates = ("date",)


class StatementSpeakerInline(admin.TabularInline):
    model = StatementSpeaker
    fields = ("person", "organization", "role", "count", "position")
    autocomplete_fields = ("person", "organization")
    extra = 1


class StatementBasisInline(admin.TabularInline):
    """The parties the statement reports according to, neither its speakers nor the party spoken for."""

    model = StatementBasis
    fields = ("party", "words")
    autocomplete_fields = ("party",)
    extra = 0


class StatementSourceInline(admin.TabularInline):
    model = StatementSource
    formset = SourcesRequiredFormSet
    autocomplete_fields = ("source",)
    extra = 1


class StatementTargetInline(admin.TabularInline):
    """What the statement is about, each target with its own stance."""

    model = StatementTarget
    fields = ("party", "pledge", "condition", "initiative", "stance")
    autocomplete_fields = ("party", "pledge", "condition", "initiative")
    extra = 1


@admin.register(Statement)
class StatementAdmin(TrackedAdmin):
    form = StatementForm
    list_display = ("key", "kind", "speaker_names", "date", "date_precision", "on_behalf_of", "language")
    list_filter = ("kind", "date_precision", "text_origin", "translation_by", "language")
    list_select_related = party_related("on_behalf_of")
    search_fields = (
        "key",
        "text",
        "translation",
        "speakers__person__name",
        "speakers__person__description",
        "speakers__organization__name",
    )
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

    def save_model(self, request, obj, form, change):
        """A new statement's key names its first speaker, known only from the inline: it is saved in
        save_related, once the speakers' forms are at hand."""
        if change:
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if not change:
            statement = form.instance
            statement.key = unique_key(Statement, statement_key_base(statement.date, speakers_of(formsets)))
            super().save_model(request, statement, form, change)
        super().save_related(request, form, formsets, change)


def speakers_of(formsets):
    """The unsaved speakers of a statement's add form, in their order."""
    forms = [
        form
        for formset in formsets
        if formset.model is StatementSpeaker
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]
    return [form.instance for form in sorted(forms, key=lambda form: form.cleaned_data.get("position") or 0)]
