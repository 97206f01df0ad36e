from tracker.dates import normalized_dates, updated_dates
from tracker.services import validated_save, validated_update, write_transaction

from ..models import Source


@write_transaction()
def source_create(**fields):
    return validated_save(Source(**normalized_dates(fields, "published")))


@write_transaction()
def source_update(source, **fields):
    return validated_update(source, updated_dates(source, fields, "published"))


@write_transaction()
def source_delete(source):
    source.delete()


def as_pairs(sources):
    """(source, locator) pairs from citations given as Source records or as such pairs."""
    return [item if isinstance(item, tuple) else (item, "") for item in sources]
