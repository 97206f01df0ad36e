from collections.abc import Iterable
from typing import Any, TypeAlias, TypeVar

from django.db import models

from tracker.dates import normalized_dates, updated_dates
from tracker.services import sync_links, validated_save, validated_update, write_transaction

from ..models import Source
from ..models.sources import SourceLink

# A citation: a source, or a source with a locator (a page, a paragraph, a timestamp) within it.
Citation: TypeAlias = Source | tuple[Source, str]

Cited = TypeVar("Cited", bound=models.Model)


@write_transaction()
def source_create(**fields: Any) -> Source:
    return validated_save(Source(**normalized_dates(fields, "published")))


@write_transaction()
def source_update(source: Source, **fields: Any) -> Source:
    return validated_update(source, updated_dates(source, fields, "published"))


@write_transaction()
def source_delete(source: Source) -> None:
    source.delete()


def as_pairs(citations: Iterable[Cited | tuple[Cited, str]]) -> list[tuple[Cited, str]]:
    """(record, locator) pairs from citations given as records (sources, statements) or as such pairs."""
    return [item if isinstance(item, tuple) else (item, "") for item in citations]


def source_links_set(record: models.Model, link_model: type[SourceLink], sources: Iterable[Citation]) -> None:
    """Make what `record` cites through the SourceLink model `link_model` exactly `sources` (Source records or
    (source, locator) pairs), one link row at a time so that history sees each."""
    owner = {link_model.record_field: record}
    wanted = [link_model(**owner, source=source, locator=locator) for source, locator in as_pairs(sources)]
    current: models.QuerySet[SourceLink] = record.source_links.all()  # type: ignore[attr-defined]  # each SourceLink subclass names its record's links `source_links`
    sync_links(current, wanted, key=lambda link: link.source_id, field_name="sources")
