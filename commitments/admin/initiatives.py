from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import Initiative
from .base import TIMESTAMPS, PeriodDatesForm, dated_fieldset, party_related
from .events import RecordWithEventsAdmin, StatusEventInline


class InitiativeForm(PeriodDatesForm):
    period_dates = ("start", "end")


@admin.register(Initiative)
class InitiativeAdmin(RecordWithEventsAdmin):
    form = InitiativeForm
    list_display = ("name", "slug", "parent", "lead", "location", "status", "start")
    list_filter = ("status",)
    list_select_related = ("parent", *party_related("lead"))
    search_fields = ("name", "slug", "location", "description")
    autocomplete_fields = ("parent", "lead")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (StatusEventInline,)
    fieldsets = (
        (None, {"fields": ("name", "slug", "parent", "lead", "location", "description")}),
        (_("Status"), {"fields": ("status", "add_event_link")}),
        dated_fieldset(_("Dates"), "start", "end"),
        TIMESTAMPS,
    )
