from tracker.dates import normalized_dates, updated_dates
from tracker.services import sync_links, validated_save, validated_update, write_transaction

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


def source_links_set(record, link_model, sources):
    """Make what `record` cites through the SourceLink model `link_model` exactly `sources` (Source records or
    (source, locator) pairs), one link row at a time so that history sees each."""
    owner = {link_model.record_field: record}
    wanted = [link_model(**owner, source=source, locator=locator) for source, locator in as_pairs(sources)]
    sync_links(record.source_links.all(), wanted, key=lambda link: link.source_id, field_name="sources")
