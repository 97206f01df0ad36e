from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from tracker.admin import EDITOR_SUPPLIED, HistoryAdmin
from tracker.admin_filters import records_filter
from tracker.service_admin import ServiceInline

from . import services
from .models import Country, CountryGroup, CountryGroupMembership, Region

RELATED_ONLY = admin.RelatedOnlyFieldListFilter
CountryGroupFilter = records_filter(
    _("member of the group"),
    "group",
    lambda: CountryGroup.objects.order_by("name"),
    lambda countries, ids: countries.filter(group_memberships__group_id__in=ids).distinct(),
)
MemberFilter = records_filter(
    _("with the member"),
    "member",
    lambda: Country.objects.filter(group_memberships__isnull=False).distinct().order_by("name"),
    lambda groups, ids: groups.filter(memberships__country_id__in=ids).distinct(),
)
TIMESTAMPS = (_("Record"), {"fields": (("created", "updated"),), "classes": ("collapse",)})


class ReferenceAdmin(HistoryAdmin):
    """Every reference-data admin: a reason for each change, history, revert and restore, writes through the
    services; timestamps read-only."""

    readonly_fields = ("created", "updated")


@admin.register(Region)
class RegionAdmin(ReferenceAdmin):
    create_service = services.region_create
    update_service = services.region_update
    delete_service = services.region_delete
    list_display = ("code", "name", "level", "parent")
    list_filter = ("level",)
    list_select_related = ("parent",)
    search_fields = ("name", "code")
    autocomplete_fields = ("parent",)
    fieldsets = ((None, {"fields": ("code", "name", "level", "parent")}), TIMESTAMPS)


@admin.register(Country)
class CountryAdmin(ReferenceAdmin):
    create_service = services.country_create
    update_service = services.country_update
    delete_service = services.country_delete
    list_display = ("name", "iso2", "iso3", "m49", "region", "subregion")
    list_filter = (
        ("region", RELATED_ONLY),
        ("subregion", RELATED_ONLY),
        ("intermediate_region", RELATED_ONLY),
        CountryGroupFilter,
    )
    list_select_related = ("region", "subregion")
    search_fields = ("name", "iso2", "iso3", "m49")
    autocomplete_fields = ("region", "subregion", "intermediate_region")
    fieldsets = (
        (None, {"fields": ("name", ("iso2", "iso3", "m49"))}),
        (_("UN M49 region"), {"fields": ("region", "subregion", "intermediate_region")}),
        TIMESTAMPS,
    )


class CountryGroupMembershipInline(ServiceInline, admin.TabularInline):
    service_fields = ("members",)
    model = CountryGroupMembership
    autocomplete_fields = ("country",)
    extra = 1

    def service_values(self, rows):
        return {"members": [row.country for row in rows]}


@admin.register(CountryGroup)
class CountryGroupAdmin(ReferenceAdmin):
    create_service = services.country_group_create
    update_service = services.country_group_update
    delete_service = services.country_group_delete
    list_display = ("name", "slug", "member_count")
    list_filter = (MemberFilter,)
    search_fields = ("name", "slug", "description")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (CountryGroupMembershipInline,)
    fieldsets = ((None, {"fields": ("name", "slug", "description")}), EDITOR_SUPPLIED, TIMESTAMPS)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("memberships"))

    @admin.display(description=_("members"), ordering="member_count")
    def member_count(self, group):
        return group.member_count
