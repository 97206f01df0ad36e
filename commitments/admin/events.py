from django import forms
from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from ..choices import ConditionStatus, InitiativeStatus, PledgeStatus
from ..models import EventEvidence, StatusEvent
from ..models.events import RECORD_FIELDS, STATUSES
from ..services.events import record_status_refresh
from .base import TIMESTAMPS, PeriodDatesForm, ReadOnlyInline, RequiredRowsFormSet, TrackedAdmin, dated_fieldset

STATUS_CHOICES = [
    (_("pledge"), PledgeStatus.choices),
    (_("condition"), ConditionStatus.choices),
    (_("initiative"), InitiativeStatus.choices),
]


class EvidenceRequiredFormSet(RequiredRowsFormSet):
    required_message = _("An event cites at least one source or statement.")


class EventEvidenceInline(admin.TabularInline):
    model = EventEvidence
    formset = EvidenceRequiredFormSet
    autocomplete_fields = ("source", "statement")
    extra = 1


class StatusEventForm(PeriodDatesForm):
    period_dates = ("date",)
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

    def clean(self):
        cleaned = super().clean()
        field = self.chosen_record_field(cleaned)
        status = cleaned.get("status")
        if field and status and status not in STATUSES[field].values:
            self.add_error(
                "status",
                _("“%(status)s” is not a status of a %(record)s; choose one of: %(allowed)s.")
                % {
                    "status": status,
                    "record": field,
                    "allowed": ", ".join(STATUSES[field].values),
                },
            )
        return cleaned

    def chosen_record_field(self, cleaned):
        chosen = [
            field
            for field in RECORD_FIELDS
            if cleaned.get(field) or (field not in self.fields and getattr(self.instance, f"{field}_id"))
        ]
        return chosen[0] if len(chosen) == 1 else None


@admin.register(StatusEvent)
class StatusEventAdmin(TrackedAdmin):
    """An event and its evidence. Saving or deleting one refreshes its record's status copy."""

    form = StatusEventForm
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

    def save_model(self, request, obj, form, change):
        """Refreshed here rather than in save_related, so that a revert from history refreshes it too."""
        super().save_model(request, obj, form, change)
        record_status_refresh(obj.record)

    def restored(self, request, event):
        record_status_refresh(event.record)

    def delete_model(self, request, obj):
        record = obj.record
        super().delete_model(request, obj)
        record_status_refresh(record)

    def delete_queryset(self, request, queryset):
        records = {event.record for event in queryset.select_related(*RECORD_FIELDS)}
        super().delete_queryset(request, queryset)
        for record in records:
            record_status_refresh(record)

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
    """A record's timeline, read-only: evidence cannot be entered here, so events are added on their own page."""

    model = StatusEvent
    fields = ("status", "date", "date_precision", "note")


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

    def save_model(self, request, obj, form, change):
        """A revert from history brings back an old status copy; the events decide it again."""
        super().save_model(request, obj, form, change)
        if change:
            record_status_refresh(obj)

    def restored(self, request, record):
        """A restored record's status copy is decided again by the events restored with it."""
        record_status_refresh(record)
