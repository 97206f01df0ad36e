"""The URLconf the v1 schema is generated from: the v1 routes alone, under their public prefix."""

from django.urls import include, path

urlpatterns = [path("api/v1/", include(("config.api", "v1"), namespace="v1"))]
