"""Fields by which clients write related records: by key, as they read them with the objects replaced."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from countries.api.serializers import CountryCodeField
from countries.models import CountryGroup
from tracker.inputs import ASCII_DIGITS

from ...choices import PartyType
from ...models import Organization, Source
from ...services.parties import party_for

SLUG_SCHEMA = {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}


@extend_schema_field(SLUG_SCHEMA)
class SlugField(serializers.SlugRelatedField):
    """A related record written by its slug."""

    default_error_messages = {"does_not_exist": _("No record has the slug {value}."), "invalid": _("Expected a slug.")}

    def __init__(self, queryset, **kwargs):
        super().__init__(slug_field="slug", queryset=queryset, **kwargs)


ID_OR_KEY_SCHEMA = {
    "oneOf": [
        {"type": "integer", "description": _("The record's id.")},
        {"type": "string", "pattern": "^[-a-zA-Z0-9_]*[-a-zA-Z_][-a-zA-Z0-9_]*$", "description": _("Its key.")},
    ]
}


@extend_schema_field(ID_OR_KEY_SCHEMA)
class IdOrKeyField(serializers.PrimaryKeyRelatedField):
    """A pledge or statement written by its id or by its key."""

    default_error_messages = {
        "does_not_exist": _("No record has the id or key {pk_value}."),
        "incorrect_type": _("Expected an id or a key, got {data_type}."),
    }

    def to_internal_value(self, data):
        if isinstance(data, str) and not ASCII_DIGITS.fullmatch(data):
            record = self.get_queryset().filter(key=data).first()
            if record is None:
                self.fail("does_not_exist", pk_value=data)
            return record
        return super().to_internal_value(data)


PARTY_SCHEMA = {
    "type": "object",
    "properties": {
        "type": {"type": "string", "enum": list(PartyType.values)},
        "key": {
            "type": "string",
            "pattern": "^[-a-zA-Z0-9_]+$",
            "description": _("ISO alpha-3 code of a country, or slug of a group or organization."),
        },
    },
    "required": ["type", "key"],
}
CITATION_SCHEMA = {
    "oneOf": [
        {"type": "integer", "description": _("Source id.")},
        {
            "type": "object",
            "properties": {"id": {"type": "integer"}, "locator": {"type": "string", "maxLength": 200}},
            "required": ["id"],
        },
    ]
}


@extend_schema_field(PARTY_SCHEMA)
class PartyField(serializers.Field):
    """A party written as `{"type": "country" | "country_group" | "organization", "key": "TUR"}`."""

    default_error_messages = {
        "invalid": _(
            'A party is written as {{"type": "country", "key": "TUR"}} (types: country, country_group, organization).'
        ),
    }

    def to_internal_value(self, data):
        if (
            not isinstance(data, dict)
            or data.get("type") not in PartyType.values
            or not isinstance(data.get("key"), str)
        ):
            self.fail("invalid")
        return party_for(**{data["type"]: party_record(data["type"], data["key"])})

    def to_representation(self, value):
        return {"type": value.type, "key": value.record.pk}


def party_record(type_, key):
    fields = {
        PartyType.COUNTRY: CountryCodeField(),
        PartyType.COUNTRY_GROUP: SlugField(CountryGroup.objects.all()),
        PartyType.ORGANIZATION: SlugField(Organization.objects.all()),
    }
    try:
        return fields[type_].to_internal_value(key)
    except serializers.ValidationError as error:
        raise serializers.ValidationError({"key": error.detail}) from error


MAX_LOCATOR = 200


@extend_schema_field(CITATION_SCHEMA)
class SourceCitationField(serializers.Field):
    """A source cited by id, or as `{"id": 12, "locator": "paragraph 4"}`."""

    default_error_messages = {
        "invalid": _('A source is cited by its id, or as {{"id": 12, "locator": "paragraph 4"}}.'),
        "does_not_exist": _("No source has the id {value}."),
        "locator_too_long": _("A locator has at most {max} characters."),
    }

    def to_internal_value(self, data):
        source_id, locator = (data.get("id"), data.get("locator", "")) if isinstance(data, dict) else (data, "")
        if isinstance(source_id, bool) or not isinstance(source_id, int) or not isinstance(locator, str):
            self.fail("invalid")
        if len(locator) > MAX_LOCATOR:
            self.fail("locator_too_long", max=MAX_LOCATOR)
        source = Source.objects.filter(pk=source_id).first()
        if source is None:
            self.fail("does_not_exist", value=source_id)
        return (source, locator)

    def to_representation(self, value):
        return value


def citations(**kwargs):
    return serializers.ListField(child=SourceCitationField(), **kwargs)
