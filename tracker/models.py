"""The base every tracker record builds on: timestamps and a full history of every change."""

from django.db import models
from simple_history.models import HistoricalRecords


class TrackedModel(models.Model):
    """A record whose every create, update and delete is kept by django-simple-history.

    Writes go through service functions that call `full_clean()`; link records are models of their own so
    that history sees them (a many-to-many manager's `add()`/`set()` would write no history).
    """

    created = models.DateTimeField(auto_now_add=True, editable=False)
    updated = models.DateTimeField(auto_now=True, editable=False, db_index=True)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
