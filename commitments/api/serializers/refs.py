"""The shapes of the small objects one resource shows of another (for the schema; rows build them)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from countries.api.serializers import CountryRefSerializer, GroupRefSerializer

from ...choices import PartyType

__all__ = ["CountryRefSerializer", "GroupRefSerializer"]


class SlugRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    url = serializers.URLField()


class PartyRefSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=PartyType.choices)
    key = serializers.CharField(help_text=_("ISO alpha-3 code of a country, or the slug of a group or organization."))
    name = serializers.CharField()
    url = serializers.URLField()


class KeyRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    key = serializers.CharField()
    url = serializers.URLField()


class SourceRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    locator = serializers.CharField(help_text=_("Where in the source, if given."))
    url = serializers.URLField()


class TimestampsMixin(serializers.Serializer):
    created = serializers.DateTimeField(read_only=True)
    updated = serializers.DateTimeField(read_only=True)
