"""Comparing a seed's values with the records that hold them."""

from tracker.dates import normalized_dates
from tracker.services import changed_fields


def dated(name, when):
    """The fields of a (day, precision) pair; None is no date."""
    if when is None:
        return {name: None, f"{name}_precision": "day"}
    day, precision = when
    return normalized_dates({name: day, f"{name}_precision": precision}, name)


def pick(spec, *names):
    return {name: spec[name] for name in names if name in spec}


def differing(instance, fields):
    return {name: value for name, value in fields.items() if getattr(instance, name) != value}


def merged(current, wanted, key):
    """`wanted` plus the current links it does not name; None when the current links already hold `wanted`."""
    existing = {key(link): link for link in current}
    if all(key(link) in existing and not changed_fields(existing[key(link)], link) for link in wanted):
        return None
    named = {key(link) for link in wanted}
    return [*wanted, *(link for name, link in existing.items() if name not in named)]


def merged_sources(current, pairs, **owner):
    wanted = [current.model(**owner, source=source, locator=locator) for source, locator in pairs]
    links = merged(current, wanted, key=lambda link: link.source_id)
    return None if links is None else [(link.source, link.locator) for link in links]
