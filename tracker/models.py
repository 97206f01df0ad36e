"""The base every tracker record builds on: timestamps, a full history of every change, and the change feed."""

from collections.abc import Collection, Sequence
from typing import cast

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .api_names import address_of
from .history import TrackedHistoricalRecords


class TrackedModel(models.Model):
    """A record whose every create, update and delete is kept by django-simple-history.

    Writes go through service functions that call `full_clean()`; link records are models of their own so
    that history sees them (a many-to-many manager's `add()`/`set()` would write no history). A link row names
    the records it belongs to (`feed_parents()`): a change of the link is a change of them. Which records the
    API serves, and at which address, the API layer says (`tracker.api_names`). A constraint's
    `violation_error_code` is its own name: the API layer maps it to the request field it concerns.
    """

    created = models.DateTimeField(auto_now_add=True, editable=False)
    updated = models.DateTimeField(auto_now=True, editable=False, db_index=True)
    history = TrackedHistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    def feed_parents(self) -> "list[TrackedModel]":
        """The records that a change of this row changes (a link's owners); [] for a record of its own."""
        return []

    def label(self, field: str) -> str:
        """The related record of `field` as text, or "field #id" when it no longer exists (a deleted
        record's links are still shown in histories and restores)."""
        try:
            return str(getattr(self, field))
        except ObjectDoesNotExist:
            return f"{field} #{getattr(self, f'{field}_id')}"

    def feed_parent(self, field: str) -> "list[TrackedModel]":
        """[the record the foreign key `field` points to], read by id (during a cascading delete the cached
        record may be gone), or [] when it is not set or no longer exists."""
        model = cast("type[TrackedModel]", self._meta.get_field(field).related_model)  # keys point to tracked records
        pk = getattr(self, f"{field}_id")
        if pk is None:
            return []
        # A record already deleted (its links go after it in a cascade) has its own delete entry: no update.
        record = model._default_manager.filter(pk=pk).first()
        return [record] if record else []


class ChangeQuerySet(models.QuerySet["Change"]):
    def of_record(self, record: models.Model) -> "ChangeQuerySet":
        """The entries of a record the API serves: its own changes and those of its links and events."""
        address = address_of(record)
        assert address is not None, "only a record the API serves has changes of its own"
        collection, lookup = address
        return self.filter(collection=collection, lookup=lookup)


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

    objects = ChangeQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("change")
        verbose_name_plural = _("changes")
        indexes = [models.Index(fields=["collection", "lookup"], name="change_record_idx")]

    def __str__(self) -> str:
        return f"{self.id}: {self.action} {self.collection}/{self.lookup}"
