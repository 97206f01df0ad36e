from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from countries.models import Country, CountryGroup
from tracker.rows import UrlBuilder

from ..api.rows.pledges import PledgeRows
from ..choices import ConditionStatus
from ..models import Condition, Organization, Party, Pledge, PledgeSource
from ..querysets import PledgeQuerySet
from ..services.parties import party_for
from ..services.pledges import pledge_create, pledge_delete, pledge_update
from .base import EDITOR_SUPPLIED, TIMESTAMPS, SourceLinksInline, party_related
from .conditions import PledgeConditionLinkInline
from .events import RecordWithEventsAdmin, StatusEventInline
from .filters import RELATED_ONLY, PledgeConditionFilter, PledgeGroupFilter
from .imports import RecordImportExportAdmin

PARTY_FIELDS = ("country", "country_group", "organization")
# How a condition holds a pledge up, as the API's `via` says it.
VIA = {
    "pledge": _("directly"),
    "initiative": _("through its initiative"),
    "participation": _("through its party's participation in the initiative"),
}
HELD_UP_BY = (
    _("Conditions that hold it up"),
    {
        "fields": ("held_up_by",),
        "description": _(
            "Directly (the conditions below), through its initiative, or through its party's participation in "
            "the initiative (attached on the condition's page), as the API's conditions of this pledge."
        ),
    },
)


def party_choice_field(name, queryset, label):
    """An optional autocomplete field for one kind of party, searched through that model's admin."""
    widget = AutocompleteSelect(Party._meta.get_field(name), admin.site)
    return forms.ModelChoiceField(queryset=queryset, required=False, label=label, widget=widget)


class PledgeForm(forms.ModelForm):
    """Picks the pledging party as a country, a country group or an organization; `party_for` finds its Party
    row, or makes it."""

    country = party_choice_field("country", Country.objects.all(), _("country"))
    country_group = party_choice_field("country_group", CountryGroup.objects.all(), _("country group"))
    organization = party_choice_field("organization", Organization.objects.all(), _("organization"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.party_id:
            party = self.instance.party
            for name in PARTY_FIELDS:
                self.initial.setdefault(name, getattr(party, f"{name}_id"))


class PledgeSourceInline(SourceLinksInline):
    model = PledgeSource


@admin.register(Pledge)
class PledgeAdmin(RecordImportExportAdmin, RecordWithEventsAdmin):
    import_collection = "pledges"
    form = PledgeForm
    create_service = pledge_create
    update_service = pledge_update
    delete_service = pledge_delete
    list_display = ("key", "party", "initiative", "kind", "quantity", "status", "announced")
    list_filter = (
        "status",
        "kind",
        ("initiative", RELATED_ONLY),
        ("party__country", RELATED_ONLY),
        PledgeGroupFilter,
        ("party__organization", RELATED_ONLY),
        PledgeConditionFilter,
        "quantity_qualifier",
        "quantity_unit",
        "updated",
    )
    date_hierarchy = "announced"
    list_select_related = ("initiative", *party_related("party"))
    search_fields = PledgeQuerySet.search_fields
    autocomplete_fields = ("initiative",)
    inlines = (PledgeSourceInline, StatusEventInline, PledgeConditionLinkInline)
    fieldsets = (
        (None, {"fields": ("key", "initiative", "kind", "description")}),
        (_("Party"), {"fields": (PARTY_FIELDS,), "description": _("Exactly one.")}),
        (
            _("Quantity"),
            {
                "fields": (
                    ("quantity_qualifier", "quantity_low", "quantity_high", "quantity_unit"),
                    "quantity_text",
                )
            },
        ),
        EDITOR_SUPPLIED,
        (_("Status"), {"fields": ("status", ("announced", "announced_precision"), "add_event_link")}),
        HELD_UP_BY,
        TIMESTAMPS,
    )

    def get_readonly_fields(self, request, obj=None):
        fields = ("key", "announced", "announced_precision", "held_up_by")
        return (*super().get_readonly_fields(request, obj), *fields)

    @admin.display(description=_("held up by"))
    def held_up_by(self, pledge):
        if pledge is None or pledge.pk is None:
            return _("Save this pledge first.")
        conditions = PledgeRows(UrlBuilder(None)).one(Pledge.objects.filter(pk=pledge.pk))["conditions"]
        if not conditions:
            return _("No condition holds this pledge up.")
        ids = dict(Condition.objects.filter(slug__in=[row["slug"] for row in conditions]).values_list("slug", "id"))
        statuses = {None: _("no event yet"), **dict(ConditionStatus.choices)}
        rows = [
            (
                reverse("admin:commitments_condition_change", args=[ids[row["slug"]]]),
                row["name"],
                statuses.get(row["status"], row["status"]),
                VIA[row["via"]],
            )
            for row in conditions
        ]
        items = format_html_join("", '<li><a href="{}">{}</a>: {}, {}</li>', rows)
        return format_html('<ul class="held-up-by">{}</ul>', items)

    @admin.display(description=_("quantity"))
    def quantity(self, pledge):
        return pledge.quantity_text or pledge.get_quantity_qualifier_display()

    def service_values(self, form):
        """The party, as `party_for` finds or makes it from the one record chosen."""
        chosen = {name: form.cleaned_data.get(name) for name in PARTY_FIELDS}
        return {**super().service_values(form), "party": party_for(**chosen)}
