"""No page people look at, nor any script or stylesheet it loads from the app, makes the browser fetch an outside
address: the documentation, the browsable API and the admin work with no network beyond the app."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from commitments.models import Statement
from tests.test_admin import admin_url, build_records

LOCAL_HOSTS = {"testserver", "127.0.0.1", "localhost"}
# Elements whose attribute the browser fetches as it builds the page.
FETCHED_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
FETCHED_LINKS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "prefetch"}
CONNECTING_LINKS = {"preconnect", "dns-prefetch"}
# Outside hosts that a bundled script fetches unless the page that loads it turns them off with this text.
TURNED_OFF = {"validator.swagger.io": '"validatorUrl": null'}
CSS_FETCHES = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
JS_ADDRESS = re.compile(r"""https?://([^/\s"'`?#)\\]+)""")
# Outside hosts that the bundled scripts name without fetching: XML namespaces, JSON Schema and OpenAPI
# identifiers (compared, never loaded), and addresses of links and messages for people.
NAMED_NOT_FETCHED = {
    "www.w3.org": "XML namespaces (xmlns)",
    "json-schema.org": "JSON Schema dialect identifiers ($schema, $id)",
    "spec.openapis.org": "OpenAPI dialect identifiers",
    "raw.githubusercontent.com": "the $id of ajv's $data meta-schema, which the bundle carries",
    "datatracker.ietf.org": "RFC references in error messages",
    "www.rfc-editor.org": "RFC references in error messages",
    "reactjs.org": "the link in React's production error messages",
    "redux.js.org": "the link in Redux's production error messages",
    "fb.me": "the link in a React warning",
    "github.com": "links in error messages and license headers",
    "git.io": "a link in an error message",
    "stackoverflow.com": "a comment in ReDoc's bundle",
    "marked.js.org": "a link in a deprecation message",
    "redocly.com": "the 'API docs by Redocly' link and Redocly's own help links",
    "swagger.io": "a base Swagger UI resolves addresses against",
    "spdx.org": "license links drawn from a schema's license identifier",
    "example.com": "sample values of the uri formats in generated examples",
    "vladimirgorej.com": "a base Swagger UI resolves server addresses against to check them",
    "twitter.com": "linkify's hashtag and mention links",
    "www.facebook.com": "linkify's hashtag links",
    "www.tiktok.com": "linkify's hashtag and mention links",
    "soundcloud.com": "linkify's mention links",
    "실례.com": "a sample iri value in generated examples",
    "instagram.com": "linkify's hashtag links",
    "base${String(Math.random(": "a made-up base that Swagger UI resolves relative addresses against",
    "api.${r}": "Redocly registry addresses, only compared with a schema's references",
    "api.${i}": "Redocly registry addresses, only compared with a schema's references",
    "developer.mozilla.org": "a comment in DRF's ajax-form.js",
    "getbootstrap.com": "Bootstrap's license header",
    "www.quirksmode.org": "a comment in the admin's core.js",
    "opensource.org": "a license header in the admin's inlines.js",
    "youmightnotneedjquery.com": "a comment in the admin's actions.js",
}


class FetchedReferences(HTMLParser):
    """The addresses a browser fetches while it builds a page, and its inline scripts and styles."""

    def __init__(self):
        super().__init__()
        self.fetched, self.scripts, self.styles, self.inline = [], [], [], []
        self.inside = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in FETCHED_ATTRIBUTES.get(tag, ()):
            if attrs.get(name):
                self.fetched += [part.split()[0] for part in attrs[name].split(",") if part.strip()]
        rels = set((attrs.get("rel") or "").lower().split())
        if tag == "link" and attrs.get("href") and rels & (FETCHED_LINKS | CONNECTING_LINKS):
            self.fetched.append(attrs["href"])
            if "stylesheet" in rels:
                self.styles.append(attrs["href"])
        if tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])
        if attrs.get("style"):
            self.inline.append(("css", attrs["style"]))
        self.inside = tag if tag in ("script", "style") else None

    def handle_data(self, data):
        if self.inside:
            self.inline.append(("js" if self.inside == "script" else "css", data))

    def handle_endtag(self, tag):
        self.inside = None


def is_outside(url):
    parts = urlsplit(url)
    return bool(parts.netloc) and parts.hostname not in LOCAL_HOSTS


def outside_in(kind, text):
    """The outside addresses a stylesheet fetches, or a script names without a reason it is not fetched."""
    if kind == "css":
        return [url for match in CSS_FETCHES.finditer(text) if is_outside(url := match.group(1) or match.group(2))]
    return [f"https://{host}" for host in JS_ADDRESS.findall(text) if host not in {*NAMED_NOT_FETCHED, *LOCAL_HOSTS}]


def asset(client, page_url, url):
    """The text of a script or stylesheet the app serves: from its static files, or from its view."""
    path = urlsplit(urljoin(page_url, url)).path
    if path.startswith(f"/{settings.STATIC_URL.strip('/')}/"):
        found = finders.find(path.split("/", 2)[2])
        assert found, path
        with open(found, encoding="utf-8") as file:
            return file.read()
    response = client.get(path)
    assert response.status_code == 200, path
    return b"".join(response.streaming_content if response.streaming else [response.content]).decode()


def outside_addresses(client, url):
    """Every outside address the page at `url` makes the browser fetch, with the page or asset that names it."""
    response = client.get(url, HTTP_ACCEPT="text/html")
    assert response.status_code == 200, url
    page = FetchedReferences()
    page.feed(response.content.decode())
    found = [(url, address) for address in page.fetched if is_outside(address)]
    found += [(url, address) for kind, text in page.inline for address in outside_in(kind, text)]
    for kind, sources in (("js", page.scripts), ("css", page.styles)):
        for source in sources:
            if not is_outside(source):
                found += [(source, address) for address in outside_in(kind, asset(client, url, source))]
    return [(where, address) for where, address in found if not turned_off(address, response.content.decode())]


def turned_off(address, page):
    marker = TURNED_OFF.get(urlsplit(address).hostname)
    return marker is not None and marker in page


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/docs/", "/api/v1/redoc/", "/admin/login/"])
def test_pages_for_anyone_fetch_nothing_from_outside(client, url):
    assert outside_addresses(client, url) == []


@pytest.mark.django_db
def test_pages_for_editors_fetch_nothing_from_outside(staff_client):
    pledge = build_records(1)[0]
    statement = Statement.objects.first()
    urls = [
        "/api/v1/",
        "/api/v1/pledges/",
        f"/api/v1/pledges/{pledge.pk}/",
        f"/api/v1/statements/{statement.pk}/",
        "/admin/",
        admin_url("commitments.pledge", "changelist"),
        admin_url("commitments.pledge", "change", pledge.pk),
        admin_url("commitments.statement", "change", statement.pk),
        admin_url("commitments.pledge", "add"),
    ]

    assert [found for url in urls for found in outside_addresses(staff_client, url)] == []


@pytest.mark.django_db
def test_swagger_ui_asks_no_outside_validator(client):
    # Swagger UI's bundle draws a badge from validator.swagger.io unless the page turns it off.
    assert '"validatorUrl": null' in client.get("/api/v1/docs/").content.decode()


def test_the_check_sees_the_addresses_a_browser_would_fetch():
    page = FetchedReferences()
    page.feed(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css2"><img src="//cdn.example.org/a.png">'
        '<a href="https://example.org/">a link is not fetched</a><svg xmlns="http://www.w3.org/2000/svg"></svg>'
    )

    assert [address for address in page.fetched if is_outside(address)] == [
        "https://fonts.googleapis.com/css2",
        "//cdn.example.org/a.png",
    ]
    assert outside_in("css", "a { background: url('https://cdn.example.org/x.png') }") == [
        "https://cdn.example.org/x.png"
    ]
    assert outside_in("js", 'e.src="https://cdn.redoc.ly/redoc/logo-mini.svg"') == ["https://cdn.redoc.ly"]
