"""The collections a release packages: every record collection of the API, as the router serves them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.views import RecordViewSet

_collections: dict[str, type[RecordViewSet]] = {}


def package_collections(routes: dict[str, type[RecordViewSet]]) -> None:
    """Package these collections ({route prefix: viewset}) in every release cut from now on."""
    _collections.clear()
    _collections.update(routes)


def packaged_collections() -> dict[str, type[RecordViewSet]]:
    """{collection: viewset}, by name, so that a package lists them in one order."""
    return dict(sorted(_collections.items()))
