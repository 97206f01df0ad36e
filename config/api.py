"""The v1 router: every app's routes in one place."""

from rest_framework.routers import DefaultRouter

from commitments.api.urls import routes as commitments_routes
from countries.api.urls import routes as countries_routes


class V1Router(DefaultRouter):
    """The v1 root lists every collection."""

    include_format_suffixes = False


router = V1Router(trailing_slash=True)
for prefix, viewset, basename in [*countries_routes, *commitments_routes]:
    router.register(prefix, viewset, basename=basename)

urlpatterns = router.urls
