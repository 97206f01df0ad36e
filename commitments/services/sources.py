from django.db import transaction

from tracker.dates import period_start
from tracker.services import validated_save, validated_update

from ..models import Source


def normalized_dates(fields, *names):
    """Each dated field of `fields` moved to the first day of its period, as every date is stored."""
    for name in names:
        day = fields.get(name)
        precision = fields.get(f"{name}_precision")
        if day is not None and precision:
            fields[name] = period_start(day, precision)
    return fields


@transaction.atomic
def source_create(**fields):
    return validated_save(Source(**normalized_dates(fields, "published")))


@transaction.atomic
def source_update(source, **fields):
    fields = normalized_dates({"published_precision": source.published_precision, **fields}, "published")
    return validated_update(source, fields)


@transaction.atomic
def source_delete(source):
    source.delete()
