"""The favicon, and ReDoc's bundle as served here: with nothing for the browser to fetch from outside."""

from functools import lru_cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.templatetags.static import static

CACHE_CONTROL = "public, max-age=86400"
REDOC_BUNDLE = "drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"
# ReDoc's "API docs by Redocly" link shows a logo from Redocly's CDN, with no option to leave it out.
REDOC_OUTSIDE_LOGO = b"https://cdn.redoc.ly/redoc/logo-mini.svg"


@lru_cache(maxsize=4)
def static_bytes(path: str) -> bytes:
    return Path(finders.find(path)).read_bytes()  # type: ignore[arg-type]  # files this app ships are always found


@lru_cache(maxsize=1)
def local_redoc_bundle(logo_url: str) -> bytes:
    return static_bytes(REDOC_BUNDLE).replace(REDOC_OUTSIDE_LOGO, logo_url.encode())


def cached(content: bytes, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Cache-Control"] = CACHE_CONTROL
    return response


def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which browsers ask for on every page that names none."""
    return cached(static_bytes("tracker/favicon.ico"), "image/x-icon")


def redoc_bundle(request: HttpRequest) -> HttpResponse:
    """The sidecar's ReDoc bundle, its logo served from here."""
    return cached(local_redoc_bundle(static("tracker/docs-logo.svg")), "text/javascript; charset=utf-8")
