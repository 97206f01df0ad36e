from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from countries.api.serializers import CountryCodeField
from countries.models import CountryGroup
from tracker.dates import DatePrecision
from tracker.serializers import ChoiceField, StrictModelSerializer, StrictSerializer, editor_supplied_field

from ...choices import PledgeKind, PledgeStatus, QuantityQualifier
from ...models import Initiative, Organization, Pledge
from ...services.parties import party_for
from .fields import SlugField, citations
from .refs import (
    CountryRefSerializer,
    GroupRefSerializer,
    PartyRefSerializer,
    SlugRefSerializer,
    SourceRefSerializer,
    TimestampsMixin,
)

PARTY_FIELDS = ("country", "country_group", "organization")


class QuantitySerializer(StrictSerializer):
    qualifier = ChoiceField(
        choices=QuantityQualifier.choices, source="quantity_qualifier", label=gettext_lazy("quantity qualifier")
    )
    low = serializers.IntegerField(
        source="quantity_low", allow_null=True, required=False, min_value=0, label=gettext_lazy("low bound")
    )
    high = serializers.IntegerField(
        source="quantity_high", allow_null=True, required=False, min_value=0, label=gettext_lazy("high bound")
    )
    unit = serializers.CharField(
        source="quantity_unit",
        label=gettext_lazy("unit"),
        required=False,
        max_length=10,
        help_text=gettext_lazy("persons, or an ISO 4217 currency code."),
    )
    text = serializers.CharField(
        source="quantity_text",
        label=gettext_lazy("quantity in the source's words"),
        required=False,
        allow_blank=True,
        max_length=300,
        help_text=gettext_lazy("The quantity in the source's own words."),
    )


class HeldUpBySerializer(SlugRefSerializer):
    status = serializers.CharField(allow_null=True)
    via = ChoiceField(
        choices=["pledge", "initiative", "participation"],
        help_text=gettext_lazy(
            "Whether the condition holds up this pledge itself, its whole initiative, or its party's part."
        ),
    )


class PledgeSerializer(TimestampsMixin):
    """A pledge as clients read it. Its party is exactly one of country, country_group and organization, and
    `party` repeats it; `status` is its latest event's (null before the first)."""

    url = serializers.URLField()
    id = serializers.IntegerField()
    key = serializers.CharField(help_text=gettext_lazy("Stable unique key, assigned by the tracker."))
    party = PartyRefSerializer()
    country = CountryRefSerializer(allow_null=True)
    country_group = GroupRefSerializer(allow_null=True)
    organization = SlugRefSerializer(allow_null=True)
    initiative = SlugRefSerializer()
    kind = ChoiceField(choices=PledgeKind.choices)
    quantity = QuantitySerializer()
    description = serializers.CharField()
    editor_supplied = editor_supplied_field(Pledge)
    status = ChoiceField(choices=PledgeStatus.choices, allow_null=True)
    announced = serializers.DateField(allow_null=True, help_text=gettext_lazy("The date of the first event."))
    announced_precision = ChoiceField(choices=DatePrecision.choices, allow_null=True)
    sources = SourceRefSerializer(many=True)
    conditions = HeldUpBySerializer(
        many=True, help_text=gettext_lazy("Conditions that hold this pledge up (read-only).")
    )
    events_url = serializers.URLField()


class PledgeWriteSerializer(StrictModelSerializer):
    editor_supplied = editor_supplied_field(Pledge, required=False)
    country = CountryCodeField(required=False, allow_null=True, label=gettext_lazy("country"))
    country_group = SlugField(
        CountryGroup.objects.all(), required=False, allow_null=True, label=gettext_lazy("country group")
    )
    organization = SlugField(
        Organization.objects.all(), required=False, allow_null=True, label=gettext_lazy("organization")
    )
    initiative = SlugField(Initiative.objects.all())
    quantity = QuantitySerializer(source="*", required=False, label=gettext_lazy("quantity"))
    sources = citations(
        min_length=1,
        label=gettext_lazy("sources"),
        help_text=gettext_lazy("At least one source: ids, or {id, locator} objects."),
    )

    class Meta:
        model = Pledge
        fields = [
            "country",
            "country_group",
            "organization",
            "initiative",
            "kind",
            "quantity",
            "description",
            "editor_supplied",
            "sources",
        ]

    def validate(self, attrs):
        given = {name: attrs.pop(name) for name in PARTY_FIELDS if name in attrs}
        # Only a PATCH may leave the party out: a create or a PUT states the whole pledge, party included.
        if not self.partial or given:
            chosen = {name: record for name, record in given.items() if record is not None}
            if len(chosen) != 1:
                raise serializers.ValidationError(
                    {"party": [_("Give exactly one of country, country_group and organization.")]}
                )
            attrs["party"] = party_for(**chosen)
        return attrs
