"""What every commitments admin shares: reasons and history, timestamps, dates with precision, source links."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tracker.admin import EDITOR_SUPPLIED, HistoryAdmin
from tracker.service_admin import ServiceInline

DATE_HELP = _(
    "A date is stored as the first day of its period: a week from its Monday, a month from its first day, a year "
    "from 1 January. Choose the precision the source gives, never a finer one."
)
__all__ = ["EDITOR_SUPPLIED", "TIMESTAMPS", "TrackedAdmin", "dated_fieldset", "party_related"]

TIMESTAMPS = (_("Record"), {"fields": (("created", "updated"),), "classes": ("collapse",)})


def dated_fieldset(title, *names):
    """A fieldset that shows each date beside its precision."""
    return (title, {"fields": [(name, f"{name}_precision") for name in names], "description": DATE_HELP})


def party_related(path):
    """The joins that `str(party)` needs, for a foreign key to Party at `path`."""
    return (f"{path}__country", f"{path}__country_group", f"{path}__organization")


class TrackedAdmin(HistoryAdmin):
    """Base of every commitments admin: a reason for each change, history, revert and restore, writes through the
    services; timestamps read-only."""

    readonly_fields = ("created", "updated")


class SourceLinksInline(ServiceInline, admin.TabularInline):
    """A record's sources, each with where in it; its services take them as (source, locator) pairs."""

    service_fields = ("sources",)
    autocomplete_fields = ("source",)
    extra = 1

    def service_values(self, rows):
        return {"sources": [(row.source, row.locator) for row in rows]}


class ReadOnlyInline(admin.TabularInline):
    """Rows shown read-only on their parent's page, each with a link to its own page, where it is edited."""

    extra = 0
    show_change_link = True

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
