from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..choices import PartyType
from ..models import Organization, Party, Person
from ..services import parties
from .base import EDITOR_SUPPLIED, TIMESTAMPS, TrackedAdmin
from .filters import RELATED_ONLY, AnonymousFilter
from .imports import RecordImportExportAdmin

PARTY_RECORDS = ("country", "country_group", "organization")


@admin.register(Organization)
class OrganizationAdmin(RecordImportExportAdmin, TrackedAdmin):
    import_collection = "organizations"
    create_service = parties.organization_create
    update_service = parties.organization_update
    delete_service = parties.organization_delete
    list_display = ("name", "acronym", "kind", "country", "parent")
    list_filter = ("kind", ("country", RELATED_ONLY))
    list_select_related = ("country", "parent")
    search_fields = ("name", "acronym", "slug", "description")
    autocomplete_fields = ("country", "parent")
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = (
        (None, {"fields": ("name", "slug", "acronym", "kind", "country", "parent", "description")}),
        EDITOR_SUPPLIED,
        TIMESTAMPS,
    )


@admin.register(Person)
class PersonAdmin(RecordImportExportAdmin, TrackedAdmin):
    import_collection = "people"
    create_service = parties.person_create
    update_service = parties.person_update
    delete_service = parties.person_delete
    list_display = ("__str__", "name", "description", "organization", "country")
    list_filter = (("organization", RELATED_ONLY), ("country", RELATED_ONLY), AnonymousFilter)
    list_select_related = ("organization", "country")
    search_fields = ("name", "description", "slug", "organization__name")
    autocomplete_fields = ("organization", "country")
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = (
        (None, {"fields": ("name", "description", "slug", "organization", "country")}),
        EDITOR_SUPPLIED,
        TIMESTAMPS,
    )


class PartyTypeFilter(admin.SimpleListFilter):
    title = _("type")
    parameter_name = "type"

    def lookups(self, request, model_admin):
        return PartyType.choices

    def queryset(self, request, queryset):
        if self.value() in PartyType.values:
            return queryset.filter(**{f"{self.value()}__isnull": False})
        return queryset


@admin.register(Party)
class PartyAdmin(TrackedAdmin):
    """Party rows are made on first use (a pledge's page makes its own); here they are looked up, or made
    ahead for the forms that pick a party directly. Once made, a party stays the record it was made for."""

    create_service = parties.party_create
    update_service = parties.party_update
    delete_service = parties.party_delete
    list_display = ("__str__", "party_type", "record_link")
    list_filter = (PartyTypeFilter,)
    list_select_related = PARTY_RECORDS
    search_fields = (
        "country__name",
        "country__iso3",
        "country_group__name",
        "organization__name",
        "organization__acronym",
    )
    autocomplete_fields = PARTY_RECORDS
    fieldsets = (
        (
            None,
            {
                "fields": PARTY_RECORDS,
                "description": _("Exactly one of a country, a country group or an organization."),
            },
        ),
        TIMESTAMPS,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*PARTY_RECORDS)

    def get_readonly_fields(self, request, obj=None):
        fixed = PARTY_RECORDS if obj else ()
        return (*super().get_readonly_fields(request, obj), *fixed)

    @admin.display(description=_("type"))
    def party_type(self, party):
        return party.type.label

    @admin.display(description=_("record"))
    def record_link(self, party):
        record = party.record
        opts = record._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
        return format_html('<a href="{}">{}</a>', url, record)
