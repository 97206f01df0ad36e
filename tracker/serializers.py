"""Write serializers that refuse what they would otherwise ignore.

DRF drops every key of a body that its serializer does not declare, so a client that sends `status` or a
misspelled field gets a 200 and no change. Here each such key is a 400 that names it.
"""

from collections.abc import Mapping, Sequence
from typing import Any, NoReturn

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from .models import EditorSuppliedModel, editor_supplied_names

READ_FIELDS = "read_fields"
READ_ONLY_HINTS = "read_only_hints"
# A function of the record being written that returns its read shape as a client receives it (parsed JSON).
CURRENT_REPRESENTATION = "current_representation"


class StrictInputMixin(serializers.Serializer[Any]):
    """Refuses the keys of an object that the serializer would not write.

    A key that the record's read shape has (named in the context's `read_fields`) is read-only; its message
    may say where it is written instead (the context's `read_only_hints`). Any other key is unknown, and the
    message lists the fields that can be written. On an update, a read-only key that holds the value the record
    reads is accepted, so that a client may write back what it read.
    """

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, Mapping):
            self.refuse_ignored_keys(data)
        return super().to_internal_value(data)

    def refuse_ignored_keys(self, data: Mapping[str, Any]) -> None:
        fields = self._writable_fields
        writable: list[str] = [field.field_name for field in fields]  # type: ignore[misc]  # bound fields are named
        ignored = [name for name in data if name not in writable and not self.reads_back_unchanged(name, data)]
        if ignored:
            raise serializers.ValidationError({name: [self.ignored_key_message(name, writable)] for name in ignored})

    def reads_back_unchanged(self, name: str, data: Mapping[str, Any]) -> bool:
        """A read-only field sent back with the value it reads (a client writing what it read) changes nothing
        and ignores nothing, so it is let through."""
        if self.parent is not None or self.instance is None or name not in self.context.get(READ_FIELDS, ()):
            return False
        if not hasattr(self, "_current_representation"):
            self._current_representation = self.context[CURRENT_REPRESENTATION](self.instance)
        return self._current_representation.get(name) == data[name]

    def ignored_key_message(self, name: str, writable: Sequence[str]) -> str:
        root = self.parent is None
        if root and name in self.context.get(READ_FIELDS, ()):
            hint = self.context.get(READ_ONLY_HINTS, {}).get(name)
            return hint or _("This field is read-only.")
        return _("Unknown field. The fields that can be written here are: %(fields)s.") % {
            "fields": ", ".join(writable)
        }


class ChoiceField(serializers.ChoiceField):
    """A choice whose error lists the valid values."""

    default_error_messages = {"invalid_choice": gettext_lazy('"{input}" is not one of the valid values: {valid}.')}

    def fail(self, key: str, **kwargs: Any) -> NoReturn:
        if key == "invalid_choice":
            kwargs["valid"] = ", ".join(str(value) for value in self.choices)
        super().fail(key, **kwargs)


class EditorSuppliedField(serializers.ListField):
    """Names of a record's values, read in the order the record declares them, so that the same names in another
    order are the same value (and a write of them changes nothing)."""

    def __init__(self, suppliable: tuple[str, ...], **kwargs: Any) -> None:
        self.suppliable = suppliable
        super().__init__(child=ChoiceField(choices=suppliable), **kwargs)

    def to_internal_value(self, data: Any) -> list[str]:
        return editor_supplied_names(super().to_internal_value(data), self.suppliable)


def editor_supplied_field(model: type[EditorSuppliedModel], **kwargs: Any) -> EditorSuppliedField:
    """The names of the values of a `model` record that an editor supplied rather than a source stated."""
    return EditorSuppliedField(
        model.editor_suppliable,
        help_text=gettext_lazy(
            "The values of this record that an editor supplied and no source states; every other value rests on "
            "the record's sources."
        ),
        **kwargs,
    )


def labelled(fields: dict[str, Any]) -> dict[str, Any]:
    """`fields`, their labels (a model's lower-case verbose names, or the serializer's own) capitalized as DRF's
    labels from field names are; they are in the answer's language, as an OPTIONS answer shows them."""
    for field in fields.values():
        if field.label is not None:
            field.label = capfirst(field.label)
    return fields


class StrictSerializer(StrictInputMixin, serializers.Serializer[Any]):
    """A plain serializer of written input that refuses unknown keys."""

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        return labelled(super().get_fields())


class StrictModelSerializer(StrictInputMixin, serializers.ModelSerializer[Any]):
    """A model serializer of written input that refuses unknown and read-only keys."""

    serializer_choice_field = ChoiceField

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        """The fields, each declared one without a label of its own labelled as its model field is."""
        fields = super().get_fields()
        for name, field in fields.items():
            if field.label is None:
                field.label = model_field_name(self.Meta.model, field.source or name)
        return labelled(fields)


def model_field_name(model: type[models.Model], name: str) -> Any:
    """The verbose name of `model`'s field `name`, or None when it has no such field (or the field no name)."""
    try:
        return getattr(model._meta.get_field(name), "verbose_name", None)
    except FieldDoesNotExist:
        return None
