from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from tracker.serializers import StrictInputMixin


class ChangesSinceSerializer(serializers.Serializer[Any]):
    since_position = serializers.IntegerField(help_text=_("The previous release's feed position (0 for the first)."))
    counts = serializers.DictField(
        child=serializers.DictField(child=serializers.IntegerField()),
        help_text=_("{collection: {action: how many}} of the feed's changes between the two positions."),
    )
    url = serializers.URLField(help_text=_("The change feed from the previous release's position on."))


class ReleaseSerializer(serializers.Serializer[Any]):
    version = serializers.CharField()
    notes = serializers.CharField()
    released_at = serializers.DateTimeField(help_text=_("The instant the release stands for: its `as_of`."))
    feed_position = serializers.IntegerField(help_text=_("The change feed's last position at that instant."))
    previous = serializers.CharField(allow_null=True, help_text=_("The version of the release before it."))
    counts = serializers.DictField(
        child=serializers.IntegerField(), help_text=_("Records per collection at the release's instant.")
    )
    checksum = serializers.CharField(help_text=_("SHA-256 of the package zip, in hexadecimal."))
    changes = ChangesSinceSerializer(help_text=_("What changed since the previous release, from the change feed."))
    url = serializers.URLField()
    package_url = serializers.URLField(help_text=_("The Frictionless Data Package (zip): the same bytes every time."))
    citation_url = serializers.URLField(help_text=_("How to cite it: text, BibTeX or CSL-JSON."))


class ReleaseWriteSerializer(StrictInputMixin, serializers.Serializer[Any]):
    version = serializers.CharField(max_length=50, help_text=_("A semantic version after the last release's."))
    notes = serializers.CharField(required=False, allow_blank=True, default="")
