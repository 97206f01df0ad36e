from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tracker.service_admin import ServiceInline

from ..models import Condition, ConditionLink
from ..services.conditions import condition_create, condition_delete, condition_update
from .base import EDITOR_SUPPLIED, TIMESTAMPS
from .events import RecordWithEventsAdmin, StatusEventInline
from .filters import ConditionCountryFilter, ConditionInitiativeFilter


class ConditionLinkInline(ServiceInline, admin.StackedInline):
    """Where the condition bites: one pledge, or an initiative (with a party: that party's participation)."""

    service_fields = ("links",)
    model = ConditionLink
    fk_name = "condition"
    fields = (("pledge", "initiative", "party"), ("insisted_by", "must_act"), ("statement", "source"), "note")
    autocomplete_fields = ("pledge", "initiative", "party", "insisted_by", "must_act", "statement", "source")
    extra = 0


class PledgeConditionLinkInline(ServiceInline, admin.TabularInline):
    """The conditions that hold a pledge up."""

    service_fields = ("condition_links",)
    model = ConditionLink
    fk_name = "pledge"
    fields = ("condition", "insisted_by", "must_act", "statement", "source", "note")
    autocomplete_fields = ("condition", "insisted_by", "must_act", "statement", "source")
    extra = 0


@admin.register(Condition)
class ConditionAdmin(RecordWithEventsAdmin):
    create_service = condition_create
    update_service = condition_update
    delete_service = condition_delete
    list_display = ("name", "slug", "status", "updated")
    list_filter = ("status", ConditionInitiativeFilter, ConditionCountryFilter)
    search_fields = ("name", "slug", "description")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (ConditionLinkInline, StatusEventInline)
    fieldsets = (
        (None, {"fields": ("name", "slug", "description")}),
        EDITOR_SUPPLIED,
        (_("Status"), {"fields": ("status", "add_event_link")}),
        TIMESTAMPS,
    )
