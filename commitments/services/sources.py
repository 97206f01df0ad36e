from collections.abc import Iterable
from typing import Any, TypeAlias

from django.db import models

from tracker.dates import period_start
from tracker.services import validated_save, validated_update, write_transaction

from ..models import Source

# A citation: a source, or a source with a locator (a page, a paragraph, a timestamp) within it.
Citation: TypeAlias = Source | tuple[Source, str]


def normalized_dates(fields: dict[str, Any], *names: str) -> dict[str, Any]:
    """Each dated field of `fields` moved to the first day of its period, as every date is stored."""
    for name in names:
        day = fields.get(name)
        precision = fields.get(f"{name}_precision")
        if day is not None and precision:
            fields[name] = period_start(day, precision)
    return fields


def updated_dates(record: models.Model, fields: dict[str, Any], *names: str) -> dict[str, Any]:
    """An update's `fields` with each dated field normalized as `normalized_dates` does, taking the date or the
    precision the update leaves out from `record`: a new precision alone moves the stored day too."""
    current: dict[str, Any] = {}
    for name in names:
        current.update({name: getattr(record, name), f"{name}_precision": getattr(record, f"{name}_precision")})
    return normalized_dates({**current, **fields}, *names)


@write_transaction()
def source_create(**fields: Any) -> Source:
    return validated_save(Source(**normalized_dates(fields, "published")))


@write_transaction()
def source_update(source: Source, **fields: Any) -> Source:
    return validated_update(source, updated_dates(source, fields, "published"))


@write_transaction()
def source_delete(source: Source) -> None:
    source.delete()


def as_pairs(sources: Iterable[Citation]) -> list[tuple[Source, str]]:
    """(source, locator) pairs from citations given as Source records or as such pairs."""
    return [item if isinstance(item, tuple) else (item, "") for item in sources]
