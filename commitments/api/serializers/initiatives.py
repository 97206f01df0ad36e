from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from tracker.dates import DatePrecision
from tracker.serializers import StrictModelSerializer, editor_supplied_field

from ...choices import InitiativeStatus
from ...models import Initiative
from .fields import PartyField, SlugField
from .refs import PartyRefSerializer, SlugRefSerializer, TimestampsMixin


class InitiativeSerializer(TimestampsMixin):
    """An initiative as clients read it; `status` is its latest event's (null before the first)."""

    url = serializers.URLField()
    slug = serializers.SlugField()
    name = serializers.CharField()
    description = serializers.CharField()
    editor_supplied = editor_supplied_field(Initiative)
    parent = SlugRefSerializer(allow_null=True, help_text=_("The initiative this is a part or proposed shape of."))
    lead = PartyRefSerializer(allow_null=True)
    location = serializers.CharField()
    status = serializers.ChoiceField(choices=InitiativeStatus.choices, allow_null=True)
    start = serializers.DateField(allow_null=True)
    start_precision = serializers.ChoiceField(choices=DatePrecision.choices)
    end = serializers.DateField(allow_null=True)
    end_precision = serializers.ChoiceField(choices=DatePrecision.choices)
    events_url = serializers.URLField()


class InitiativeWriteSerializer(StrictModelSerializer):
    editor_supplied = editor_supplied_field(Initiative, required=False)
    parent = SlugField(Initiative.objects.all(), required=False, allow_null=True)
    lead = PartyField(required=False, allow_null=True)

    class Meta:
        model = Initiative
        fields = [
            "slug",
            "name",
            "description",
            "parent",
            "lead",
            "location",
            "start",
            "start_precision",
            "end",
            "end_precision",
            "editor_supplied",
        ]
