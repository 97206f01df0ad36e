from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import Initiative
from ..services.initiatives import initiative_create, initiative_delete, initiative_update
from .base import EDITOR_SUPPLIED, TIMESTAMPS, dated_fieldset, party_related
from .events import RecordWithEventsAdmin, StatusEventInline
from .filters import RELATED_ONLY


@admin.register(Initiative)
class InitiativeAdmin(RecordWithEventsAdmin):
    create_service = initiative_create
    update_service = initiative_update
    delete_service = initiative_delete
    list_display = ("name", "slug", "parent", "lead", "location", "status", "start")
    list_filter = ("status", ("parent", RELATED_ONLY), ("lead__country", RELATED_ONLY))
    date_hierarchy = "start"
    list_select_related = ("parent", *party_related("lead"))
    search_fields = ("name", "slug", "location", "description")
    autocomplete_fields = ("parent", "lead")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (StatusEventInline,)
    fieldsets = (
        (None, {"fields": ("name", "slug", "parent", "lead", "location", "description")}),
        EDITOR_SUPPLIED,
        (_("Status"), {"fields": ("status", "add_event_link")}),
        dated_fieldset(_("Dates"), "start", "end"),
        TIMESTAMPS,
    )
