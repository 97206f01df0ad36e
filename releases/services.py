"""Cutting a release: the instant and feed position it stands for, its package, and what changed since the last."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from commitments.services.editors import EDITORS
from tracker.models import Change
from tracker.reflects import Reflected
from tracker.services import validated_save, write_transaction

from .models import SEMANTIC_VERSION, Release, ReleasePackage
from .package import package_build

EDITOR_PERMISSIONS = ("add_release", "view_release")


def release_cut(version: str, notes: str = "") -> Release:
    """Release the data set as it stands now: the instant, the feed position at it, and the package of both.

    The feed's lock is held first, so no write is under way: every change up to the position has committed, and
    any later one is stamped after the instant."""
    with write_transaction():
        previous = Release.objects.order_by("-id").first()
        release = Release(
            version=version.strip(),
            notes=notes,
            released_at=timezone.now(),
            feed_position=latest_position(),
            previous=previous,
        )
        release.full_clean(exclude=["checksum"])
        version_follows(release.version, previous)
        package = package_build(release.version, notes, release.released_at, release_address(release.version))
        release.counts = package.counts
        release.changes = changes_between(previous.feed_position if previous else 0, release.feed_position)
        release.checksum = package.checksum
        validated_save(release)
        ReleasePackage.objects.create(release=release, content=package.content)
    return release


def release_reflects(version: str) -> Reflected | None:
    """The instant and feed position release `version` stands for, or None when there is no such release."""
    found = Release.objects.filter(version=version).values_list("released_at", "feed_position").first()
    return Reflected(*found) if found else None


def latest_position() -> int:
    return Change.objects.aggregate(last=Max("id"))["last"] or 0


def changes_between(after: int, upto: int) -> dict[str, dict[str, int]]:
    """{collection: {action: how many}} of the feed's changes after position `after` up to `upto`."""
    counted = (
        Change.objects.filter(id__gt=after, id__lte=upto)
        .values("collection", "action")
        .annotate(count=Count("id"))
        .order_by("collection", "action")
    )
    changes: dict[str, dict[str, int]] = {}
    for row in counted:
        changes.setdefault(row["collection"], {})[row["action"]] = row["count"]
    return changes


def version_follows(version: str, previous: Release | None) -> None:
    """A new release's version comes after the last one's, in semantic-version order."""
    if previous is not None and precedence(version) <= precedence(previous.version):
        message = _("A release's version must come after the last one's, %(previous)s.")
        raise ValidationError({"version": [message % {"previous": previous.version}]})


def precedence(version: str) -> tuple[Any, ...]:
    """A sort key of semantic-version precedence: a pre-release comes before its release, numeric identifiers
    before others and by number."""
    match = re.match(SEMANTIC_VERSION, version)
    assert match is not None, "a validated version"
    core, _hyphen, pre = version.partition("-")
    numbers = tuple(int(part) for part in core.split("."))
    if not pre:
        return (numbers, 1, ())
    identifiers = tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in pre.split("."))
    return (numbers, 0, identifiers)


def release_address(version: str) -> str:
    """Where the release is cited: its address under the service's public address."""
    return settings.PUBLIC_URL + reverse("v1:release-detail", args=[version])


def editors_may_cut_releases(**kwargs: Any) -> None:
    """The "Editors" group may cut releases (and view them in the admin); none may change or delete one."""
    group, _created = Group.objects.get_or_create(name=EDITORS)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="releases", codename__in=EDITOR_PERMISSIONS)
    )
