"""The base every tracker record builds on: timestamps, a full history of every change, and the change feed."""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
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

    feed_collection = None

    class Meta:
        abstract = True

    @property
    def feed_lookup(self):
        return self.pk

    def feed_parents(self):
        """(collection, lookup) of the API records a change of this row changes."""
        return []

    def label(self, field):
        """The related record of `field` as text, or "field #id" when it no longer exists (a deleted
        record's links are still shown in histories and restores)."""
        try:
            return str(getattr(self, field))
        except ObjectDoesNotExist:
            return f"{field} #{getattr(self, f'{field}_id')}"

    def feed_parent(self, field):
        """[(collection, lookup)] of the record the foreign key `field` points to, read by id (during a
        cascading delete the cached record may be gone), or [] when it is not set or no longer exists."""
        model = self._meta.get_field(field).related_model
        pk = getattr(self, f"{field}_id")
        if pk is None:
            return []
        # A record already deleted (its links go after it in a cascade) has its own delete entry: no update.
        record = model.objects.filter(pk=pk).first()
        return [(model.feed_collection, record.feed_lookup)] if record else []


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

    def __str__(self):
        return f"{self.id}: {self.action} {self.collection}/{self.lookup}"
