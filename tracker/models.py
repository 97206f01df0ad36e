"""The base every tracker record builds on: timestamps, a full history of every change, and the change feed."""

from collections.abc import Collection, Sequence
from typing import Any, cast

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .history import TrackedHistoricalRecords


class TrackedModel(models.Model):
    """A record whose every create, update and delete is kept by django-simple-history.

    Writes go through service functions that call `full_clean()`; link records are models of their own so
    that history sees them (a many-to-many manager's `add()`/`set()` would write no history). A record served
    by the API names its collection (`feed_collection`) and lookup (`feed_lookup`); a link row instead names
    the records it belongs to (`feed_parents()`), whose change it is.
    """

    created = models.DateTimeField(auto_now_add=True, editable=False)
    updated = models.DateTimeField(auto_now=True, editable=False, db_index=True)
    history = TrackedHistoricalRecords(inherit=True)

    feed_collection: str | None = None

    class Meta:
        abstract = True

    @property
    def feed_lookup(self) -> Any:
        return self.pk

    def feed_parents(self) -> list[tuple[str | None, Any]]:
        """(collection, lookup) of the API records a change of this row changes."""
        return []

    def label(self, field: str) -> str:
        """The related record of `field` as text, or "field #id" when it no longer exists (a deleted
        record's links are still shown in histories and restores)."""
        try:
            return str(getattr(self, field))
        except ObjectDoesNotExist:
            return f"{field} #{getattr(self, f'{field}_id')}"

    def feed_parent(self, field: str) -> list[tuple[str | None, Any]]:
        """[(collection, lookup)] of the record the foreign key `field` points to, read by id (during a
        cascading delete the cached record may be gone), or [] when it is not set or no longer exists."""
        model = cast("type[TrackedModel]", self._meta.get_field(field).related_model)  # keys point to tracked records
        pk = getattr(self, f"{field}_id")
        if pk is None:
            return []
        # A record already deleted (its links go after it in a cascade) has its own delete entry: no update.
        record = model._default_manager.filter(pk=pk).first()
        return [(model.feed_collection, record.feed_lookup)] if record else []


class EditorSuppliedModel(models.Model):
    """A record that says which of its values an editor supplied rather than a source stated.

    `editor_supplied` lists those values by name (of a field, or of links such as a group's `members`), from the
    names in `editor_suppliable`; every other value rests on the record's sources.
    """

    editor_supplied = models.JSONField(
        _("supplied by an editor"),
        default=list,
        blank=True,
        help_text=_("The values an editor supplied that no source states."),
    )

    editor_suppliable: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def clean_fields(self, exclude: Collection[str] | None = None) -> None:
        super().clean_fields(exclude=exclude)
        if exclude and "editor_supplied" in exclude:
            return
        self.editor_supplied = editor_supplied_names(self.editor_supplied, self.editor_suppliable)


def editor_supplied_names(names: object, suppliable: Sequence[str]) -> list[str]:
    """`names` in the order of `suppliable`, once each; a ValidationError naming `editor_supplied` for any other."""
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise ValidationError({"editor_supplied": _("A list of value names is expected.")})
    unknown = sorted(set(names) - set(suppliable))
    if unknown:
        message = _("%(unknown)s cannot be marked; the values that can: %(suppliable)s.")
        raise ValidationError(
            {"editor_supplied": message % {"unknown": ", ".join(unknown), "suppliable": ", ".join(suppliable)}}
        )
    return [name for name in suppliable if name in names]


class Change(models.Model):
    """One entry of the change feed: a create, update or delete of an API record, in commit order."""

    class Action(models.TextChoices):
        CREATE = "create", _("create")
        UPDATE = "update", _("update")
        DELETE = "delete", _("delete")

    collection = models.CharField(_("collection"), max_length=50)
    lookup = models.CharField(_("lookup"), max_length=200)
    action = models.CharField(_("action"), max_length=6, choices=Action.choices)
    model = models.CharField(_("changed model"), max_length=100)
    object_id = models.CharField(_("changed row"), max_length=100)
    history_id = models.BigIntegerField(_("history row"))
    history_date = models.DateTimeField(_("time"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("change")
        verbose_name_plural = _("changes")
        indexes = [models.Index(fields=["collection", "lookup"], name="change_record_idx")]

    def __str__(self) -> str:
        return f"{self.id}: {self.action} {self.collection}/{self.lookup}"
