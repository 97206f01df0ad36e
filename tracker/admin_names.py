"""The values of the admin's history pages as an editor reads them: a related record by its name, a choice by
its label, never an id or a stored code."""

from collections import defaultdict

from django.core.exceptions import ObjectDoesNotExist
from django.db import models

from .record_history import deleted_records


def describe(instance):
    """`str(instance)`, or its kind and id when its str needs a record that no longer exists."""
    try:
        return str(instance)
    except ObjectDoesNotExist:
        return f"{instance._meta.verbose_name} #{instance.pk}"


def joins_for_name(model):
    """The foreign keys a record's name may read (a party's country), fetched with it."""
    return [field.name for field in model._meta.concrete_fields if isinstance(field, models.ForeignKey)]


class NamedValues:
    """Names the values of many versions at once: `want` each foreign key value first, `resolve` once (a query
    per related model, and one for those deleted since, named by their last version), then `name` each value."""

    def __init__(self):
        self.wanted = defaultdict(set)
        self.found = {}

    def want(self, field, value):
        if isinstance(field, models.ForeignKey) and value is not None:
            self.wanted[field.related_model].add(value)

    def resolve(self):
        for model, ids in self.wanted.items():
            found = model._base_manager.select_related(*joins_for_name(model)).in_bulk(ids)
            self.found[model] = found | deleted_records(model, ids - set(found))

    def name(self, field, value):
        if value is None or value == "":
            return value
        if isinstance(field, models.ForeignKey):
            record = self.found.get(field.related_model, {}).get(value)
            return describe(record) if record is not None else f"{field.related_model._meta.verbose_name} #{value}"
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        return value
