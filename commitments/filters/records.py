"""Query filters of the contract (docs/api.md, "Filters"); several comma-separated values mean "any of", and an
invalid value is a 400 naming the parameter."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.drainage import set_override
from rest_framework.exceptions import ValidationError

from countries.filters import CountryCodesFilter
from countries.models import CountryGroup
from tracker.filters import (
    AnyOfChoiceFilter,
    AnyOfFilter,
    KeysFilter,
    PeriodEndsAfterFilter,
    PeriodStartsBeforeFilter,
    TrackerFilterSet,
)
from tracker.inputs import ASCII_DIGITS

from ..choices import PERSONS, InitiativeStatus, OrganizationKind, PledgeKind, PledgeStatus, SourceKind
from ..models import Condition, Initiative, Organization, Person, Pledge, Source
from ..validators import LANGUAGE_TAG, UNITS, validate_language, validate_unit


def validated_list(param, values, validator):
    for value in values:
        try:
            validator(value)
        except Exception as error:  # a Django ValidationError; restated for the query parameter
            raise ValidationError({param: list(getattr(error, "messages", [str(error)]))}) from error
    return values


class LanguageFilter(AnyOfFilter):
    """BCP 47 tags, comma-separated (any of)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, schema={"type": "string", "pattern": LANGUAGE_TAG.pattern}, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__in": validated_list(self.param_name, value, validate_language)})


def slugs(model, help_text, **kwargs):
    return KeysFilter(queryset=model.objects.all(), help_text=help_text, **kwargs)


def ids(model, param, help_text, **kwargs):
    """A filter on comma-separated ids of `model`; one that is not an integer or names no record is a 400."""
    return KeysFilter(
        queryset=model.objects.all(),
        key_field="id",
        pattern="[0-9]{1,19}",
        normalize=as_int(param),
        help_text=help_text,
        **kwargs,
    )


class IdsOrKeysFilter(KeysFilter):
    """Comma-separated ids or keys of pledges or statements (any of); one that names no record is a 400."""

    def lookup(self, keys):
        ids = [int(key) for key in keys if ASCII_DIGITS.fullmatch(key) and 0 < int(key) <= MAX_ID]
        by_id = self.key_queryset.filter(id__in=ids).values_list("id", "id")
        by_key = self.key_queryset.filter(key__in=keys).values_list("key", "id")
        return [(str(id_), id_) for id_, _same in by_id] + list(by_key)


def ids_or_keys(model, help_text, **kwargs):
    return IdsOrKeysFilter(queryset=model.objects.all(), help_text=help_text, **kwargs)


def source_ids(**kwargs):
    return ids(Source, "source", _("Source ids, comma-separated (any of)."), **kwargs)


MAX_ID = 2**63 - 1


def as_int(param):
    def parse(value):
        try:
            number = int(value.strip())
        except ValueError:
            raise ValidationError({param: [_("%(value)s is not an id.") % {"value": value}]}) from None
        if not 0 < number <= MAX_ID:
            raise ValidationError({param: [_("Unknown: %(value)s.") % {"value": value}]})
        return number

    return parse


class QuantityField(forms.IntegerField):
    """A whole number of the unit, written in ASCII digits only (no sign, spaces or decimal point)."""

    def to_python(self, value):
        if value not in self.empty_values and not ASCII_DIGITS.fullmatch(str(value)):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class QuantityFilter(filters.NumberFilter):
    field_class = QuantityField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=0, max_value=MAX_ID, **kwargs)
        schema = {"type": "integer", "minimum": 0, "maximum": MAX_ID, "description": str(self.extra["help_text"])}
        set_override(self, "field", schema)


class OrganizationFilterSet(TrackerFilterSet):
    kind = AnyOfChoiceFilter(choices=OrganizationKind.choices, help_text=_("Organization kinds (any of)."))
    country = CountryCodesFilter(field_name="country_id")

    class Meta:
        model = Organization
        fields = ["kind", "country"]


class PersonFilterSet(TrackerFilterSet):
    organization = slugs(Organization, _("Affiliation: organization slugs (any of)."), field_name="organization_id")
    country = CountryCodesFilter(field_name="country_id")
    anonymous = filters.BooleanFilter(
        field_name="name",
        lookup_expr="exact",
        method="filter_anonymous",
        help_text=_("Only anonymous (true) or named."),
    )

    class Meta:
        model = Person
        fields = ["organization", "country", "anonymous"]

    def filter_anonymous(self, queryset, name, value):
        return queryset.filter(name="") if value else queryset.exclude(name="")


class SourceFilterSet(TrackerFilterSet):
    publisher = slugs(Organization, _("Publisher organization slugs (any of)."), field_name="publisher_id")
    language = LanguageFilter(field_name="language", help_text=_("BCP 47 language tags (any of)."))
    kind = AnyOfChoiceFilter(choices=SourceKind.choices, help_text=_("Source kinds (any of)."))
    published_after = PeriodEndsAfterFilter(
        field_name="published", help_text=_("Published in a period that ends on or after this date.")
    )
    published_before = PeriodStartsBeforeFilter(
        field_name="published", help_text=_("Published in a period that starts on or before this date.")
    )

    class Meta:
        model = Source
        fields = ["publisher", "language", "kind", "published_after", "published_before"]


class InitiativeFilterSet(TrackerFilterSet):
    status = AnyOfChoiceFilter(choices=InitiativeStatus.choices, help_text=_("Current statuses (any of)."))
    parent = slugs(Initiative, _("Initiatives whose part or proposed shape this is (slugs)."), field_name="parent_id")
    lead = CountryCodesFilter(field_name="lead__country_id", help_text=_("Led by these countries (ISO codes)."))

    class Meta:
        model = Initiative
        fields = ["status", "parent", "lead"]


class PledgeFilterSet(TrackerFilterSet):
    country = CountryCodesFilter(apply="by_countries")
    group = slugs(CountryGroup, _("Pledges by these groups or by any of their members (slugs)."), apply="by_groups")
    organization = slugs(Organization, _("Pledges by these organizations (slugs)."), apply="by_organizations")
    initiative = slugs(Initiative, _("Initiative slugs (any of)."), field_name="initiative_id")
    kind = AnyOfChoiceFilter(choices=PledgeKind.choices, help_text=_("Kinds of contribution (any of)."))
    status = AnyOfChoiceFilter(choices=PledgeStatus.choices, help_text=_("Current statuses (any of)."))
    condition = slugs(
        Condition,
        _(
            "Pledges these conditions hold up: directly, through the initiative, or through the party's "
            "participation (slugs)."
        ),
        apply="held_up_by",
    )
    unit = AnyOfFilter(
        schema={"type": "string", "enum": UNITS},
        help_text=_("Units (persons or ISO 4217 codes); also the unit of quantity_min/quantity_max."),
        method="filter_unit",
    )
    quantity_min = QuantityFilter(
        method="filter_quantity_min",
        help_text=_("Keeps pledges whose quantity can reach this number or more (in `unit`, default persons)."),
    )
    quantity_max = QuantityFilter(
        method="filter_quantity_max",
        help_text=_("Keeps pledges whose quantity can stay at this number or less (in `unit`, default persons)."),
    )
    announced_after = PeriodEndsAfterFilter(
        field_name="announced", help_text=_("First event in a period that ends on or after this date.")
    )
    announced_before = PeriodStartsBeforeFilter(
        field_name="announced", help_text=_("First event in a period that starts on or before this date.")
    )
    updated_since = filters.IsoDateTimeFilter(
        field_name="updated", lookup_expr="gte", help_text=_("Changed at or after this UTC timestamp.")
    )
    source = source_ids(apply="citing")

    class Meta:
        model = Pledge
        fields = []

    def by_countries(self, queryset, ids):
        return queryset.by_countries(ids)

    def by_groups(self, queryset, ids):
        return queryset.by_groups(ids, self.tables)

    def by_organizations(self, queryset, ids):
        return queryset.by_organizations(ids)

    def held_up_by(self, queryset, ids):
        return queryset.held_up_by(ids, self.tables)

    def citing(self, queryset, ids):
        return queryset.citing(ids, self.tables)

    def units(self):
        return validated_list("unit", self.form.cleaned_data.get("unit") or [PERSONS], validate_unit)

    def filter_unit(self, queryset, name, value):
        return queryset.filter(quantity_unit__in=self.units()) if value else queryset

    def filter_quantity_min(self, queryset, name, value):
        return queryset.filter(quantity_unit__in=self.units()).reaching(value)

    def filter_quantity_max(self, queryset, name, value):
        return queryset.filter(quantity_unit__in=self.units()).staying_within(value)
