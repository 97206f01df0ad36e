from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tracker.services import validated_save, validated_update, write_transaction

from ..models import ConditionLink, Initiative, Party, Pledge, PledgeSource
from .conditions import pledge_condition_links_set
from .keys import unique_key
from .parties import party_key
from .sources import Citation, source_links_set


@write_transaction()
def pledge_create(
    *,
    party: Party,
    initiative: Initiative,
    sources: Sequence[Citation],
    condition_links: Sequence[ConditionLink] = (),
    key: str | None = None,
    **fields: Any,
) -> Pledge:
    """A new pledge with its sources (at least one) and the conditions that hold it up (unsaved ConditionLink
    instances without a pledge); its status comes from the events added later."""
    require_sources(sources)
    key = key or unique_key(Pledge, f"{party_key(party)}-{initiative.slug}-{fields.get('kind', '')}")
    pledge = validated_save(Pledge(key=key, party=party, initiative=initiative, **fields))
    pledge_sources_set(pledge, sources)
    pledge_condition_links_set(pledge, condition_links)
    return pledge


@write_transaction()
def pledge_update(
    pledge: Pledge,
    *,
    sources: Sequence[Citation] | None = None,
    condition_links: Sequence[ConditionLink] | None = None,
    **fields: Any,
) -> Pledge:
    """Change a pledge's fields and, when `sources` or `condition_links` is given, replace them."""
    validated_update(pledge, fields)
    if sources is not None:
        require_sources(sources)
        pledge_sources_set(pledge, sources)
    if condition_links is not None:
        pledge_condition_links_set(pledge, condition_links)
    return pledge


@write_transaction()
def pledge_delete(pledge: Pledge) -> None:
    """Delete a pledge with its own events, source links and condition links."""
    pledge.delete()


def pledge_sources_set(pledge: Pledge, sources: Sequence[Citation]) -> None:
    """`sources`: Source records, or (source, locator) pairs."""
    source_links_set(pledge, PledgeSource, sources)


def require_sources(sources: Sequence[Citation]) -> None:
    if not sources:
        raise ValidationError({"sources": [_("Cite at least one source.")]})
