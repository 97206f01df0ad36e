"""What clients read and write. The read serializers declare each row's fields, which countries/api/rows.py shapes."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tracker.serializers import StrictModelSerializer, editor_supplied_field

from ..models import Country, CountryGroup, Region


@extend_schema_field(
    {
        "type": "string",
        "pattern": "^[A-Za-z]{2,3}$",
        "example": "TUR",
        "description": _("ISO 3166-1 alpha-3 or alpha-2 code."),
    }
)
class CountryCodeField(serializers.RelatedField):
    """A country written by its ISO alpha-3 or alpha-2 code, in any case."""

    default_error_messages = {
        "does_not_exist": _(
            "No country has the code {value}. Expected an ISO 3166-1 alpha-3 (TUR) or alpha-2 (TR) code."
        ),
        "invalid": _("A country is written as its ISO alpha-3 or alpha-2 code, such as TUR."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Country.objects.all())
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str) or len(data.strip()) not in (2, 3):
            self.fail("invalid")
        country = self.get_queryset().by_code(data).first()
        if country is None:
            self.fail("does_not_exist", value=data)
        return country

    def to_representation(self, value):
        return value.iso3


class RegionRefSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("UN M49 code."))
    name = serializers.CharField()


class CountryRefSerializer(serializers.Serializer):
    iso3 = serializers.CharField()
    name = serializers.CharField()
    url = serializers.URLField()


class GroupRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    url = serializers.URLField()


class CountrySerializer(serializers.Serializer):
    """A country as clients read it."""

    url = serializers.URLField(read_only=True)
    iso3 = serializers.CharField(help_text=_("ISO 3166-1 alpha-3 code; the lookup of this resource."))
    iso2 = serializers.CharField(help_text=_("ISO 3166-1 alpha-2 code."))
    m49 = serializers.CharField(help_text=_("UN M49 numeric code."))
    name = serializers.CharField()
    region = RegionRefSerializer(allow_null=True)
    subregion = RegionRefSerializer(allow_null=True)
    intermediate_region = RegionRefSerializer(allow_null=True)
    groups = GroupRefSerializer(many=True, read_only=True)
    created = serializers.DateTimeField(read_only=True)
    updated = serializers.DateTimeField(read_only=True)


class CountryWriteSerializer(StrictModelSerializer):
    region = serializers.SlugRelatedField(
        slug_field="code", queryset=Region.objects.filter(level="region"), allow_null=True, required=False
    )
    subregion = serializers.SlugRelatedField(
        slug_field="code", queryset=Region.objects.filter(level="subregion"), allow_null=True, required=False
    )
    intermediate_region = serializers.SlugRelatedField(
        slug_field="code", queryset=Region.objects.filter(level="intermediate"), allow_null=True, required=False
    )

    class Meta:
        model = Country
        fields = ["iso3", "iso2", "m49", "name", "region", "subregion", "intermediate_region"]


class CountryGroupSerializer(serializers.Serializer):
    """A country group as clients read it."""

    url = serializers.URLField(read_only=True)
    slug = serializers.SlugField()
    name = serializers.CharField()
    description = serializers.CharField()
    members = CountryRefSerializer(many=True)
    editor_supplied = editor_supplied_field(CountryGroup)
    created = serializers.DateTimeField(read_only=True)
    updated = serializers.DateTimeField(read_only=True)


class CountryGroupWriteSerializer(StrictModelSerializer):
    editor_supplied = editor_supplied_field(CountryGroup, required=False)
    members = serializers.ListField(
        child=CountryCodeField(),
        required=False,
        label=_("members"),
        help_text=_("Member countries by ISO code; may be empty when sources name none."),
    )

    class Meta:
        model = CountryGroup
        fields = ["slug", "name", "description", "members", "editor_supplied"]
