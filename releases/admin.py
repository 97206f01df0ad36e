from django.contrib import admin

from .models import Release


@admin.register(Release)
class ReleaseAdmin(admin.ModelAdmin):
    """Releases as they were cut: to read, never to change (a release is cut by the API or `cut_release`, and what
    it says must stay what its package holds)."""

    list_display = ("version", "released_at", "feed_position", "checksum")
    search_fields = ("version", "notes")
    date_hierarchy = "released_at"
    fields = ("version", "notes", "released_at", "feed_position", "previous", "counts", "changes", "checksum")
    readonly_fields = fields
    ordering = ("-released_at",)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
