from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from tracker.dates import DatePrecision
from tracker.serializers import ChoiceField, StrictSerializer

from ...choices import ConditionStatus, InitiativeStatus, PledgeStatus
from ...models import Statement
from .fields import IdOrKeyField, citations
from .refs import KeyRefSerializer, SourceRefSerializer


def event_serializers(status_choices, name):
    """The read and write serializers of one kind of record's status events."""

    class EventSerializer(serializers.Serializer):
        id = serializers.IntegerField()
        status = ChoiceField(choices=status_choices)
        date = serializers.DateField(help_text=gettext_lazy("The first day of its period."))
        date_precision = ChoiceField(choices=DatePrecision.choices)
        note = serializers.CharField()
        sources = SourceRefSerializer(many=True)
        statements = KeyRefSerializer(many=True)
        created = serializers.DateTimeField(help_text=gettext_lazy("When the event was entered."))

    class EventWriteSerializer(StrictSerializer):
        status = ChoiceField(choices=status_choices)
        date = serializers.DateField(help_text=gettext_lazy("Any day of the period; stored as the period's first day."))
        date_precision = ChoiceField(choices=DatePrecision.choices, default=DatePrecision.DAY)
        note = serializers.CharField(required=False, allow_blank=True, default="")
        sources = citations(required=False, default=list)
        statements = IdOrKeyField(queryset=Statement.objects.all(), many=True, required=False, default=list)

        def validate(self, attrs):
            if not attrs["sources"] and not attrs["statements"]:
                raise serializers.ValidationError({"sources": [_("An event cites at least one source or statement.")]})
            return attrs

    EventSerializer.__name__ = f"{name}EventSerializer"
    EventWriteSerializer.__name__ = f"{name}EventWriteSerializer"
    return EventSerializer, EventWriteSerializer


PledgeEventSerializer, PledgeEventWriteSerializer = event_serializers(PledgeStatus.choices, "Pledge")
ConditionEventSerializer, ConditionEventWriteSerializer = event_serializers(ConditionStatus.choices, "Condition")
InitiativeEventSerializer, InitiativeEventWriteSerializer = event_serializers(InitiativeStatus.choices, "Initiative")
