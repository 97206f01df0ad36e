from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from tracker.dates import DatePrecision
from tracker.serializers import StrictModelSerializer

from ...choices import SourceKind
from ...models import Organization, Source
from .fields import SlugField
from .refs import SlugRefSerializer, TimestampsMixin


class SourceTranslationRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.URLField()


class SourceSerializer(TimestampsMixin):
    """A source as clients read it. `url` is this record's address; `document_url` the document's own."""

    url = serializers.URLField()
    id = serializers.IntegerField()
    title = serializers.CharField()
    title_supplied = serializers.BooleanField(help_text=_("The title was written by an editor, not the document."))
    publisher = SlugRefSerializer(allow_null=True)
    author = serializers.CharField()
    published = serializers.DateField(allow_null=True)
    published_precision = serializers.ChoiceField(choices=DatePrecision.choices)
    language = serializers.CharField(help_text=_("BCP 47 tag."))
    kind = serializers.ChoiceField(choices=SourceKind.choices)
    document_url = serializers.CharField(source="url", help_text=_("The document's URL; empty when none is known."))
    accessed = serializers.DateField(allow_null=True)
    archive_url = serializers.CharField()
    translation_of = SourceTranslationRefSerializer(allow_null=True)
    notes = serializers.CharField()


class SourceWriteSerializer(StrictModelSerializer):
    publisher = SlugField(Organization.objects.all(), required=False, allow_null=True)
    document_url = serializers.URLField(source="url", required=False, allow_blank=True, max_length=1000)
    translation_of = serializers.PrimaryKeyRelatedField(queryset=Source.objects.all(), required=False, allow_null=True)

    class Meta:
        model = Source
        fields = [
            "title",
            "title_supplied",
            "publisher",
            "author",
            "published",
            "published_precision",
            "language",
            "kind",
            "document_url",
            "accessed",
            "archive_url",
            "translation_of",
            "notes",
        ]
