"""The v1 router: every app's routes in one place."""

from rest_framework.routers import DefaultRouter

from commitments.api.urls import routes as commitments_routes
from countries.api.urls import routes as countries_routes
from releases.api import ReleaseViewSet
from releases.collections import package_collections
from tracker.feed import ChangeViewSet


class V1Router(DefaultRouter):
    """The v1 root lists every collection."""

    include_format_suffixes = False


router = V1Router(trailing_slash=True)
record_routes = [*countries_routes, *commitments_routes]
for prefix, viewset, basename in record_routes:
    router.register(prefix, viewset, basename=basename)

ChangeViewSet.serve({prefix: basename for prefix, _viewset, basename in record_routes})
router.register("changes", ChangeViewSet, basename="change")

package_collections({prefix: viewset for prefix, viewset, _basename in record_routes})
router.register("releases", ReleaseViewSet, basename="release")

urlpatterns = router.urls
