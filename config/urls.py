from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from tracker import benchmark, pages
from tracker import views as tracker_views

v1_docs = [
    path("api/v1/schema/", SpectacularAPIView.as_view(api_version="v1", urlconf="config.api_urls"), name="v1-schema"),
    path("api/v1/docs/", SpectacularSwaggerView.as_view(url_name="v1-schema"), name="v1-docs"),
    path(
        "api/v1/redoc/",
        SpectacularRedocView.as_view(url_name="v1-schema", template_name="tracker/redoc.html"),
        name="v1-redoc",
    ),
    path("api/v1/redoc/redoc.standalone.js", pages.redoc_bundle, name="v1-redoc-bundle"),
]

urlpatterns = [
    *v1_docs,
    path("api/v1/", include(("config.api", "v1"), namespace="v1")),
    path("api/", tracker_views.api_index, name="api-index"),
    re_path(r"^api/(?P<version>[^/]+)(?:/(?P<rest>.*))?$", tracker_views.unknown_version, name="api-unknown-version"),
    path("admin/", admin.site.urls),
    # The admin's language switcher posts to set_language here (config/templates/admin/base_site.html).
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", tracker_views.healthz, name="healthz"),
    path("favicon.ico", pages.favicon, name="favicon"),
]

if settings.BENCHMARK_FLOORS:
    urlpatterns.append(path("benchmark/floors/<slug:name>", benchmark.floor, name="benchmark-floor"))

handler400 = "tracker.views.bad_request"
handler404 = "tracker.views.not_found"
handler500 = "tracker.views.server_error"
