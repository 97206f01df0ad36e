"""Helpers for service functions: write transactions, validated saves and link rows written as model instances."""

import contextlib
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from .history import lock_feed

Record = TypeVar("Record", bound=models.Model)


@contextlib.contextmanager
def write_transaction() -> Iterator[None]:
    """`transaction.atomic()` that first takes the feed's lock (see `lock_feed`); as a decorator,
    `@write_transaction()`. Every service that writes, and every view that reads what it is about to write
    (a precondition, the record to change), runs in one."""
    with transaction.atomic():
        lock_feed()
        yield


def validated_save(instance: Record, exclude: Collection[str] | None = None) -> Record:
    """`full_clean()` then `save()`: the model's validators, constraints and messages always apply."""
    instance.full_clean(exclude=exclude)
    instance.save()
    return instance


def validated_update(instance: Record, fields: Mapping[str, Any]) -> Record:
    """Set `fields` on `instance`, then validate and save it; a change to nothing saves nothing, so that it
    leaves no version in the history and no entry in the change feed."""
    before = {field.attname: getattr(instance, field.attname) for field in instance._meta.concrete_fields}
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean()
    if all(getattr(instance, name) == value for name, value in before.items()):
        return instance
    instance.save()
    return instance


def sync_links(
    current: Iterable[Record], wanted: list[Record], key: Callable[[Record], Hashable], field_name: str
) -> None:
    """Make the link rows `current` (a queryset) match `wanted` (a list of unsaved link instances).

    Rows are matched by `key(link)`; a kept row takes the wanted row's other values. Rows are created,
    updated and deleted one by one as instances, so that their history is kept.
    """
    existing = {key(link): link for link in current}
    wanted_keys = [key(link) for link in wanted]
    if len(set(wanted_keys)) != len(wanted_keys):
        raise ValidationError({field_name: [_("The same record is listed twice.")]})
    for link in wanted:
        kept = existing.pop(key(link), None)
        if kept is None:
            validated_save(link)
        elif changed_fields(kept, link):
            validated_save(copy_fields(kept, link))
    for stale in existing.values():
        stale.delete()


def link_fields(link: models.Model) -> list[str]:
    return [field.attname for field in link._meta.concrete_fields if field.attname not in {"id", "created", "updated"}]


def changed_fields(kept: models.Model, wanted: models.Model) -> list[str]:
    return [name for name in link_fields(wanted) if getattr(kept, name) != getattr(wanted, name)]


def copy_fields(kept: Record, wanted: Record) -> Record:
    for name in changed_fields(kept, wanted):
        setattr(kept, name, getattr(wanted, name))
    return kept
