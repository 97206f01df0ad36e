from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from countries.models import Country, CountryGroup

from ..models import Organization, Party, Pledge, PledgeSource
from ..services.keys import unique_key
from ..services.parties import party_for, party_key
from .base import TIMESTAMPS, SourcesRequiredFormSet, party_related
from .conditions import PledgeConditionLinkInline
from .events import RecordWithEventsAdmin, StatusEventInline

PARTY_FIELDS = ("country", "country_group", "organization")


def party_choice_field(name, queryset, label):
    """An optional autocomplete field for one kind of party, searched through that model's admin."""
    widget = AutocompleteSelect(Party._meta.get_field(name), admin.site)
    return forms.ModelChoiceField(queryset=queryset, required=False, label=label, widget=widget)


class PledgeForm(forms.ModelForm):
    """Picks the pledging party as a country, a country group or an organization; the Party row follows."""

    country = party_choice_field("country", Country.objects.all(), _("country"))
    country_group = party_choice_field("country_group", CountryGroup.objects.all(), _("country group"))
    organization = party_choice_field("organization", Organization.objects.all(), _("organization"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.party_id:
            party = self.instance.party
            for name in PARTY_FIELDS:
                self.initial.setdefault(name, getattr(party, f"{name}_id"))

    def clean(self):
        cleaned = super().clean()
        self.party_choice = {name: cleaned[name] for name in PARTY_FIELDS if cleaned.get(name)}
        if len(self.party_choice) != 1:
            raise ValidationError(
                _("Choose exactly one party: a country, a country group or an organization."), code="party"
            )
        return cleaned


class PledgeSourceInline(admin.TabularInline):
    model = PledgeSource
    formset = SourcesRequiredFormSet
    autocomplete_fields = ("source",)
    extra = 1


@admin.register(Pledge)
class PledgeAdmin(RecordWithEventsAdmin):
    form = PledgeForm
    list_display = ("key", "party", "initiative", "kind", "quantity", "status", "announced")
    list_filter = ("status", "kind", "quantity_qualifier", "initiative")
    list_select_related = ("initiative", *party_related("party"))
    search_fields = (
        "key",
        "description",
        "quantity_text",
        "initiative__name",
        "party__country__name",
        "party__country_group__name",
        "party__organization__name",
    )
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
        (_("Status"), {"fields": ("status", ("announced", "announced_precision"), "add_event_link")}),
        TIMESTAMPS,
    )

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "key", "announced", "announced_precision")

    @admin.display(description=_("quantity"))
    def quantity(self, pledge):
        return pledge.quantity_text or pledge.get_quantity_qualifier_display()

    def save_model(self, request, obj, form, change):
        """The party comes from the form's choice; a new pledge's key is made as `pledge_create` makes it."""
        obj.party = party_for(**form.party_choice)
        if not change:
            base = f"{party_key(obj.party)}-{obj.initiative.slug}-{obj.kind}"
            obj.key = unique_key(Pledge, base)
        super().save_model(request, obj, form, change)
