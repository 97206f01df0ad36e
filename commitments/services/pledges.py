from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tracker.services import sync_links, validated_save, validated_update, write_transaction

from ..models import Initiative, Party, Pledge, PledgeSource
from .keys import unique_key
from .parties import party_key
from .sources import Citation, as_pairs


@write_transaction()
def pledge_create(
    *, party: Party, initiative: Initiative, sources: Sequence[Citation], key: str | None = None, **fields: Any
) -> Pledge:
    """A new pledge with its sources (at least one); its status comes from the events added later."""
    require_sources(sources)
    key = key or unique_key(Pledge, f"{party_key(party)}-{initiative.slug}-{fields.get('kind', '')}")
    pledge = validated_save(Pledge(key=key, party=party, initiative=initiative, **fields))
    pledge_sources_set(pledge, sources)
    return pledge


@write_transaction()
def pledge_update(pledge: Pledge, *, sources: Sequence[Citation] | None = None, **fields: Any) -> Pledge:
    """Change a pledge's fields and, when `sources` is given, replace its sources."""
    validated_update(pledge, fields)
    if sources is not None:
        require_sources(sources)
        pledge_sources_set(pledge, sources)
    return pledge


@write_transaction()
def pledge_delete(pledge: Pledge) -> None:
    """Delete a pledge with its own events, source links and condition links."""
    pledge.delete()


def pledge_sources_set(pledge: Pledge, sources: Sequence[Citation]) -> None:
    """`sources`: Source records, or (source, locator) pairs."""
    wanted = [PledgeSource(pledge=pledge, source=source, locator=locator) for source, locator in as_pairs(sources)]
    sync_links(pledge.source_links.all(), wanted, key=lambda link: link.source_id, field_name="sources")


def require_sources(sources: Sequence[Citation]) -> None:
    if not sources:
        raise ValidationError({"sources": [_("Cite at least one source.")]})
