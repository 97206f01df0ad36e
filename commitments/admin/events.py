from django import forms
from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from tracker.service_admin import ServiceInline

from ..choices import ConditionStatus, InitiativeStatus, PledgeStatus
from ..models import EventEvidence, StatusEvent
from ..models.events import RECORD_FIELDS, STATUSES
from ..services.events import record_status_refresh, status_event_create, status_event_delete, status_event_update
from .base import TIMESTAMPS, ReadOnlyInline, TrackedAdmin, dated_fieldset

STATUS_CHOICES = [
    (_("pledge"), PledgeStatus.choices),
    (_("condition"), ConditionStatus.choices),
    (_("initiative"), InitiativeStatus.choices),
]


class EventEvidenceInline(ServiceInline, admin.TabularInline):
    """An event's sources and statements, each with where in it."""

    service_fields = ("sources", "statements")
    model = EventEvidence
    autocomplete_fields = ("source", "statement")
    extra = 1

    def service_values(self, rows):
        return {
            "sources": [(row.source, row.locator) for row in rows if row.source_id],
            "statements": [(row.statement, row.locator) for row in rows if row.statement_id],
        }


class StatusEventForm(forms.ModelForm):
    status = forms.ChoiceField(label=_("status"), choices=STATUS_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        known = self.known_record_field()
        if known:
            self.fields["status"].choices = STATUSES[known].choices

    def known_record_field(self):
        """The kind of record this event belongs to, when the instance or a prefilled link already says."""
        for field in RECORD_FIELDS:
            if getattr(self.instance, f"{field}_id") or self.initial.get(field):
                return field
        return None


@admin.register(StatusEvent)
class StatusEventAdmin(TrackedAdmin):
    """An event and its evidence. Its services refresh its record's status copy."""

    form = StatusEventForm
    update_service = status_event_update
    delete_service = status_event_delete
    list_display = ("__str__", "record_type", "status", "date", "date_precision", "created")
    list_filter = ("status", "date_precision")
    list_select_related = RECORD_FIELDS
    search_fields = ("note", "pledge__key", "condition__name", "initiative__name")
    autocomplete_fields = RECORD_FIELDS
    date_hierarchy = "date"
    inlines = (EventEvidenceInline,)
    fieldsets = (
        (_("Record"), {"fields": RECORD_FIELDS, "description": _("Exactly one pledge, condition or initiative.")}),
        (None, {"fields": ("status", "note")}),
        dated_fieldset(_("Date"), "date"),
        TIMESTAMPS,
    )

    def get_readonly_fields(self, request, obj=None):
        """An event stays with its record: to move it, delete it and add it to the other record."""
        fixed = RECORD_FIELDS if obj else ()
        return (*super().get_readonly_fields(request, obj), *fixed)

    @admin.display(description=_("record type"))
    def record_type(self, event):
        return event.record._meta.verbose_name

    def create(self, values):
        """The event's record is its service's first argument."""
        records = [values.pop(field, None) for field in RECORD_FIELDS]
        return status_event_create(next(record for record in records if record is not None), **values)

    def restored(self, request, event):
        record_status_refresh(event.record)

    def response_post_save_add(self, request, obj):
        return self.back_to_record(request, obj) or super().response_post_save_add(request, obj)

    def response_post_save_change(self, request, obj):
        return self.back_to_record(request, obj) or super().response_post_save_change(request, obj)

    def back_to_record(self, request, event):
        record = event.record
        opts = record._meta
        if not request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            return None
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk]))


class StatusEventInline(ReadOnlyInline):
    """A record's status timeline, read-only and in date order, each event with the sources and statements it
    cites: evidence cannot be entered here, so events are added and edited on their own page."""

    model = StatusEvent
    fields = ("status_name", "date", "date_precision", "evidence", "note")
    verbose_name_plural = _("status timeline")

    def get_queryset(self, request):
        events = super().get_queryset(request).select_related(*RECORD_FIELDS)  # each row is named by its record
        return events.prefetch_related("evidence__source", "evidence__statement")

    @admin.display(description=_("status"))
    def status_name(self, event):
        return dict(STATUSES[event.record_field].choices).get(event.status, event.status)

    @admin.display(description=_("evidence"))
    def evidence(self, event):
        cited = [evidence_link(row) for row in event.evidence.all()]
        return format_html_join(mark_safe("<br>"), '<a href="{}">{}</a>{}', cited)


def evidence_link(evidence):
    """(admin address, name, locator) of what one piece of an event's evidence cites."""
    record = evidence.source or evidence.statement
    opts = record._meta
    locator = f" ({evidence.locator})" if evidence.locator else ""
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk]), str(record), locator


class RecordWithEventsAdmin(TrackedAdmin):
    """Admin of a record with a status timeline: its events inline, a link to add one, its status kept fresh."""

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "status", "add_event_link")

    @admin.display(description=_("events"))
    def add_event_link(self, record):
        if record is None or record.pk is None:
            return _("Save this record first, then add its events.")
        query = urlencode({record._meta.model_name: record.pk})
        return format_html(
            '<a href="{}?{}">{}</a>', reverse("admin:commitments_statusevent_add"), query, _("Add an event")
        )

    def restored(self, request, record):
        """A restored record's status copy is decided again by the events restored with it."""
        record_status_refresh(record)
