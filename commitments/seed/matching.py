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


def given(spec, **defaults):
    """Each of `defaults`' fields as the spec gives it, else its default: a spec that leaves a field out says the
    record has none, so a value an earlier seed wrote is cleared."""
    return {name: spec.get(name, default) for name, default in defaults.items()}


def editor_supplied(spec):
    """The values of a spec that its editor supplied: none unless it names them, so that a spec no longer naming
    one clears it."""
    return {"editor_supplied": list(spec.get("editor_supplied", []))}


def differing(instance, fields):
    return {name: value for name, value in fields.items() if getattr(instance, name) != value}


def merged(current, wanted, key):
    """`wanted`, or None when the current links are already exactly `wanted`. The loader asks only of records the
    seed alone wrote (or with --overwrite), so a current link that `wanted` does not name is an earlier seed's."""
    existing = {key(link): link for link in current}
    if set(existing) != {key(link) for link in wanted}:
        return wanted
    if any(changed_fields(existing[key(link)], link) for link in wanted):
        return wanted
    return None


def merged_sources(current, pairs, **owner):
    wanted = [current.model(**owner, source=source, locator=locator) for source, locator in pairs]
    links = merged(current, wanted, key=lambda link: link.source_id)
    return None if links is None else [(link.source, link.locator) for link in links]
