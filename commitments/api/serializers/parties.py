from rest_framework import serializers

from countries.api.serializers import CountryCodeField
from tracker.serializers import StrictModelSerializer, editor_supplied_field

from ...choices import OrganizationKind
from ...models import Organization, Person
from .fields import SlugField
from .refs import CountryRefSerializer, SlugRefSerializer, TimestampsMixin


class OrganizationSerializer(TimestampsMixin):
    """An organization as clients read it."""

    url = serializers.URLField()
    slug = serializers.SlugField()
    name = serializers.CharField()
    acronym = serializers.CharField()
    kind = serializers.ChoiceField(choices=OrganizationKind.choices)
    country = CountryRefSerializer(allow_null=True)
    parent = SlugRefSerializer(allow_null=True)
    description = serializers.CharField()
    editor_supplied = editor_supplied_field(Organization)


class OrganizationWriteSerializer(StrictModelSerializer):
    editor_supplied = editor_supplied_field(Organization, required=False)
    country = CountryCodeField(required=False, allow_null=True)
    parent = SlugField(Organization.objects.all(), required=False, allow_null=True)

    class Meta:
        model = Organization
        fields = ["slug", "name", "acronym", "kind", "country", "parent", "description", "editor_supplied"]


class PersonSerializer(TimestampsMixin):
    """A person as clients read it; an anonymous person has an empty name and a description."""

    url = serializers.URLField()
    slug = serializers.SlugField()
    name = serializers.CharField()
    description = serializers.CharField()
    editor_supplied = editor_supplied_field(Person)
    is_anonymous = serializers.BooleanField()
    organization = SlugRefSerializer(allow_null=True)
    country = CountryRefSerializer(allow_null=True)


class PersonWriteSerializer(StrictModelSerializer):
    editor_supplied = editor_supplied_field(Person, required=False)
    organization = SlugField(Organization.objects.all(), required=False, allow_null=True)
    country = CountryCodeField(required=False, allow_null=True)

    class Meta:
        model = Person
        fields = ["slug", "name", "description", "organization", "country", "editor_supplied"]
