from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from tracker.serializers import StrictModelSerializer, editor_supplied_field

from ...choices import ConditionStatus
from ...models import Condition, ConditionLink, Initiative, Pledge, Source, Statement
from .fields import IdOrKeyField, PartyField, SlugField
from .refs import KeyRefSerializer, PartyRefSerializer, SlugRefSerializer, SourceRefSerializer, TimestampsMixin


class ConditionLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    pledge = KeyRefSerializer(allow_null=True, help_text=_("The one pledge it holds up, if that is what it holds up."))
    initiative = SlugRefSerializer(
        allow_null=True,
        help_text=_("The initiative it holds up, as a whole or (with party) that party's participation."),
    )
    party = PartyRefSerializer(allow_null=True)
    insisted_by = PartyRefSerializer(allow_null=True)
    must_act = PartyRefSerializer(allow_null=True)
    statement = KeyRefSerializer(allow_null=True, help_text=_("Evidence: a statement."))
    source = SourceRefSerializer(allow_null=True, help_text=_("Evidence: a source."))
    note = serializers.CharField()


class ConditionSerializer(TimestampsMixin):
    """A condition as clients read it; `status` is its latest event's (null before the first)."""

    url = serializers.URLField()
    slug = serializers.SlugField()
    name = serializers.CharField()
    description = serializers.CharField()
    editor_supplied = editor_supplied_field(Condition)
    status = serializers.ChoiceField(choices=ConditionStatus.choices, allow_null=True)
    links = ConditionLinkSerializer(many=True)
    pledges_by_status = serializers.DictField(
        child=serializers.IntegerField(min_value=1),
        help_text=(
            "How many pledges the condition holds up (directly, through the initiative or through the party's "
            "participation), by their status; `none` counts those without a status event yet. Statuses with no "
            "pledge are left out. As of `as_of`, the pledges and links of that instant; with `valid_at`, the "
            "pledges whose timeline had begun by that date, by their status on it."
        ),
    )
    events_url = serializers.URLField()


class ConditionLinkWriteSerializer(StrictModelSerializer):
    pledge = IdOrKeyField(queryset=Pledge.objects.all(), required=False, allow_null=True)
    initiative = SlugField(Initiative.objects.all(), required=False, allow_null=True)
    party = PartyField(required=False, allow_null=True)
    insisted_by = PartyField(required=False, allow_null=True)
    must_act = PartyField(required=False, allow_null=True)
    statement = IdOrKeyField(queryset=Statement.objects.all(), required=False, allow_null=True)
    source = serializers.PrimaryKeyRelatedField(queryset=Source.objects.all(), required=False, allow_null=True)

    class Meta:
        model = ConditionLink
        fields = ["pledge", "initiative", "party", "insisted_by", "must_act", "statement", "source", "note"]
        validators = []


class ConditionWriteSerializer(StrictModelSerializer):
    editor_supplied = editor_supplied_field(Condition, required=False)
    links = ConditionLinkWriteSerializer(many=True, required=False, label=_("condition links"))

    class Meta:
        model = Condition
        fields = ["slug", "name", "description", "editor_supplied", "links"]

    def validate_links(self, links):
        return [ConditionLink(**link) for link in links]
