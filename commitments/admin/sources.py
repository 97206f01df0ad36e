from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..models import Source
from ..services.sources import source_create, source_delete, source_update
from .base import TIMESTAMPS, ReadOnlyInline, TrackedAdmin, dated_fieldset
from .filters import RELATED_ONLY
from .imports import RecordImportExportAdmin


class TranslationInline(ReadOnlyInline):
    """The sources that translate this one; a translation is never an independent source."""

    model = Source
    fk_name = "translation_of"
    fields = ("title", "language", "published", "url")
    verbose_name = _("translation")
    verbose_name_plural = _("translations")


@admin.register(Source)
class SourceAdmin(RecordImportExportAdmin, TrackedAdmin):
    import_collection = "sources"
    create_service = source_create
    update_service = source_update
    delete_service = source_delete
    list_display = ("title", "publisher", "published", "published_precision", "language", "kind", "translation_of")
    list_filter = ("kind", "language", ("publisher", RELATED_ONLY), "title_supplied")
    list_select_related = ("publisher", "translation_of")
    search_fields = ("title", "author", "notes", "url", "publisher__name")
    autocomplete_fields = ("publisher", "translation_of")
    date_hierarchy = "published"
    inlines = (TranslationInline,)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = (
        (None, {"fields": ("title", "title_supplied", "publisher", "author", "kind", "language", "translation_of")}),
        dated_fieldset(_("Publication"), "published"),
        (_("Where to find it"), {"fields": ("url", "archive_url", "accessed")}),
        (None, {"fields": ("notes",)}),
        TIMESTAMPS,
    )
