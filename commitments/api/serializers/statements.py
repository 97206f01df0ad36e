from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from countries.api.serializers import CountryCodeField
from countries.models import CountryGroup
from tracker.dates import DatePrecision
from tracker.serializers import ChoiceField, StrictModelSerializer, StrictSerializer

from ...choices import PartyType, Stance, StatementKind, TextOrigin, TranslationBy
from ...models import (
    Condition,
    Initiative,
    Organization,
    Person,
    Pledge,
    Statement,
    StatementBasis,
    StatementSpeaker,
    StatementTarget,
)
from ...services.parties import party_for
from .fields import IdOrKeyField, PartyField, SlugField, citations
from .refs import (
    CountryRefSerializer,
    GroupRefSerializer,
    KeyRefSerializer,
    PartyRefSerializer,
    SlugRefSerializer,
    SourceRefSerializer,
    TimestampsMixin,
)

TARGET_PARTIES = ("country", "country_group", "organization")
TARGET_RECORDS = ("pledge", "condition", "initiative")
NULL_AS_BLANK = {"spoken_language": "", "translation_by": "", "date_precision": DatePrecision.DAY}


class PersonRefSerializer(SlugRefSerializer):
    is_anonymous = serializers.BooleanField()


class SpeakerSerializer(serializers.Serializer):
    person = PersonRefSerializer(allow_null=True)
    organization = SlugRefSerializer(allow_null=True)
    role = serializers.CharField(help_text=_("The speaker's role at the time."))
    count = serializers.IntegerField(
        allow_null=True, help_text=_('For an anonymous group, how many ("three diplomats").')
    )


class BasisSerializer(serializers.Serializer):
    party = PartyRefSerializer()
    words = serializers.CharField(help_text=_('The source\'s words ("menurut pejabat kesehatan Gaza").'))


class TargetSerializer(serializers.Serializer):
    type = ChoiceField(choices=[*PartyType.values, *TARGET_RECORDS])
    country = CountryRefSerializer(allow_null=True)
    country_group = GroupRefSerializer(allow_null=True)
    organization = SlugRefSerializer(allow_null=True)
    pledge = KeyRefSerializer(allow_null=True)
    condition = SlugRefSerializer(allow_null=True)
    initiative = SlugRefSerializer(allow_null=True)
    stance = ChoiceField(choices=Stance.choices, allow_null=True)


class StatementSerializer(TimestampsMixin):
    """A statement as clients read it: text as in the source, its translation, speakers, targets, sources."""

    url = serializers.URLField()
    id = serializers.IntegerField()
    key = serializers.CharField(help_text=_("Stable unique key, assigned by the tracker."))
    kind = ChoiceField(choices=StatementKind.choices)
    text = serializers.CharField()
    language = serializers.CharField(help_text=_("BCP 47 tag of the text."))
    spoken_language = serializers.CharField(allow_null=True, help_text=_("Language originally spoken, where known."))
    text_origin = ChoiceField(
        choices=TextOrigin.choices,
        help_text=_(
            "`own_words`: the text is the speaker's own words; `translation`: a translation of them, from "
            "`spoken_language` (null: the language is unknown). Quoted words in a translation are the translator's."
        ),
    )
    translation = serializers.CharField(
        help_text=_(
            "An English rendering of `text`, made by `translation_by`; an editor's (`editor`) is a "
            "back-translation, never the words the speaker used."
        )
    )
    translation_by = ChoiceField(choices=TranslationBy.choices, allow_null=True)
    date = serializers.DateField(allow_null=True, help_text=_("When it was said; null when the source does not say."))
    date_precision = ChoiceField(choices=DatePrecision.choices, allow_null=True)
    reported = serializers.DateField(
        allow_null=True,
        help_text=_("Publication date of the earliest cited source that has one: the statement was made no later."),
    )
    reported_precision = ChoiceField(choices=DatePrecision.choices, allow_null=True)
    speakers = SpeakerSerializer(many=True)
    on_behalf_of = PartyRefSerializer(allow_null=True)
    according_to = BasisSerializer(
        many=True,
        help_text=_(
            "The parties the statement reports according to: its basis, not its speakers nor the party spoken for."
        ),
    )
    targets = TargetSerializer(many=True)
    sources = SourceRefSerializer(many=True)


class SpeakerWriteSerializer(StrictModelSerializer):
    person = SlugField(Person.objects.all(), required=False, allow_null=True, label=_("person"))
    organization = SlugField(Organization.objects.all(), required=False, allow_null=True, label=_("organization"))

    class Meta:
        model = StatementSpeaker
        fields = ["person", "organization", "role", "count"]
        validators = []

    def validate(self, attrs):
        if (attrs.get("person") is None) == (attrs.get("organization") is None):
            raise serializers.ValidationError(_("A speaker is either a person or an organization."))
        return attrs


class BasisWriteSerializer(StrictSerializer):
    """`{"party": {"type": "organization", "key": "gaza-health-officials"}, "words": "menurut …"}`."""

    party = PartyField(label=_("party"))
    words = serializers.CharField(required=False, allow_blank=True, max_length=300, label=_("the source's words"))

    def validate(self, attrs):
        return StatementBasis(party=attrs["party"], words=attrs.get("words", ""))


class TargetWriteSerializer(StrictSerializer):
    """One target, e.g. `{"country": "TUR", "stance": "opposes"}` or `{"pledge": 12, "stance": "supports"}`."""

    country = CountryCodeField(required=False, allow_null=True, label=_("country"))
    country_group = SlugField(CountryGroup.objects.all(), required=False, allow_null=True, label=_("country group"))
    organization = SlugField(Organization.objects.all(), required=False, allow_null=True, label=_("organization"))
    pledge = IdOrKeyField(queryset=Pledge.objects.all(), required=False, allow_null=True, label=_("pledge"))
    condition = SlugField(Condition.objects.all(), required=False, allow_null=True, label=_("condition"))
    initiative = SlugField(Initiative.objects.all(), required=False, allow_null=True, label=_("initiative"))
    stance = ChoiceField(choices=Stance.choices, required=False, allow_null=True, allow_blank=True, label=_("stance"))

    def validate(self, attrs):
        chosen = {name: value for name, value in attrs.items() if name != "stance" and value is not None}
        if len(chosen) != 1:
            raise serializers.ValidationError(
                _("A target is exactly one of country, country_group, organization, pledge, condition, initiative.")
            )
        name, record = chosen.popitem()
        target = {"party": party_for(**{name: record})} if name in TARGET_PARTIES else {name: record}
        return StatementTarget(**target, stance=attrs.get("stance") or "")


class StatementWriteSerializer(StrictModelSerializer):
    speakers = SpeakerWriteSerializer(many=True, required=False, label=_("speakers"))
    on_behalf_of = PartyField(required=False, allow_null=True)
    according_to = BasisWriteSerializer(many=True, required=False, label=_("according to"))
    targets = TargetWriteSerializer(many=True, required=False, label=_("targets"))
    sources = citations(
        min_length=1, label=_("sources"), help_text=_("At least one source: ids, or {id, locator} objects.")
    )

    class Meta:
        model = Statement
        fields = [
            "kind",
            "text",
            "language",
            "spoken_language",
            "text_origin",
            "translation",
            "translation_by",
            "date",
            "date_precision",
            "speakers",
            "on_behalf_of",
            "according_to",
            "targets",
            "sources",
        ]
        extra_kwargs = {name: {"allow_null": True} for name in NULL_AS_BLANK}

    def validate(self, attrs):
        """Null, as these fields read when empty, is written back as empty."""
        for name, empty in NULL_AS_BLANK.items():
            if name in attrs and attrs[name] is None:
                attrs[name] = empty
        return attrs

    def validate_speakers(self, speakers):
        return [StatementSpeaker(**speaker) for speaker in speakers]
