from collections.abc import Hashable, Iterable
from typing import Any

from tracker.services import sync_links, validated_save, validated_update, write_transaction

from ..models import Condition, ConditionLink, Pledge


@write_transaction()
def condition_create(*, links: Iterable[ConditionLink] = (), **fields: Any) -> Condition:
    """A new condition with its links (unsaved ConditionLink instances without a condition)."""
    condition = validated_save(Condition(**fields))
    condition_links_set(condition, links)
    return condition


@write_transaction()
def condition_update(condition: Condition, *, links: Iterable[ConditionLink] | None = None, **fields: Any) -> Condition:
    validated_update(condition, fields)
    if links is not None:
        condition_links_set(condition, links)
    return condition


@write_transaction()
def condition_delete(condition: Condition) -> None:
    condition.delete()


def condition_links_set(condition: Condition, links: Iterable[ConditionLink]) -> None:
    for link in links:
        link.condition = condition
    sync_links(condition.links.all(), list(links), key=link_identity, field_name="links")


def pledge_condition_links_set(pledge: Pledge, links: Iterable[ConditionLink]) -> None:
    """Make the links that hold `pledge` up exactly `links` (unsaved ConditionLink instances, each naming its
    condition)."""
    for link in links:
        link.pledge = pledge
    sync_links(pledge.condition_links.all(), list(links), key=pledge_link_identity, field_name="condition_links")


def pledge_link_identity(link: ConditionLink) -> Hashable:
    return (link.condition_id, *link_identity(link))


def link_identity(link: ConditionLink) -> tuple[int | None, ...]:
    """What a link holds up and who stands where: two links alike in these are the same link."""
    return (link.pledge_id, link.initiative_id, link.party_id, link.insisted_by_id, link.must_act_id)
