"""Headless Chromium from the system's packages (Debian's `chromium`), driven by Playwright, against the live server.

The browser is the one at `CHROMIUM` (default /usr/bin/chromium); nothing is downloaded. Without it every browser
test is skipped, or fails when `REQUIRE_BROWSER=1` (as in CI), so that they never skip silently where they must run.
A failing test leaves a screenshot and the page's HTML in `BROWSER_FAILURES_DIR` (default .browser-failures/).
A page fetches nothing but the live server: any other address is refused, and named by the test's failure.
"""

import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import connections
from playwright.sync_api import expect, sync_playwright

from commitments.services.editors import EDITORS
from tests.browser.admin_pages import log_in

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
REQUIRE_BROWSER = os.environ.get("REQUIRE_BROWSER", "").strip().lower() in {"1", "true", "yes", "on"}
FAILURES_DIR = Path(os.environ.get("BROWSER_FAILURES_DIR", settings.BASE_DIR / ".browser-failures"))
LAUNCH_FLAGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# How long a step or an expectation waits for the page: generous, for a machine that runs other work too.
TIMEOUT_MS = 10_000
# What a page loads to show itself: a refusal of any of these is a broken page, as is any 5xx.
ASSETS = {"script", "stylesheet", "image", "font"}
EDITOR_PASSWORD = "a-long-editor-password-1"
PAGES = pytest.StashKey[list]()


def browser_unavailable(reason: str) -> None:
    if REQUIRE_BROWSER:
        pytest.fail(f"{reason} (REQUIRE_BROWSER is set, so the browser tests may not be skipped)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """Chromium for one module's tests, each in a fresh context (Playwright gives the browser a new profile)."""
    if not os.access(CHROMIUM, os.X_OK):
        browser_unavailable(f"no Chromium at {CHROMIUM}: apt-get install chromium (or set CHROMIUM)")
    expect.set_options(timeout=TIMEOUT_MS)
    # Playwright's sync API keeps an asyncio loop running in this thread, which Django takes for an async context:
    # it refuses the ORM calls of the tests and their fixtures, and looks up its connections in a store of their
    # own, where they would be new ones, without what the test database's set-up gave them (the serialized data
    # that a transactional test's rollback restores). Nothing here runs asynchronously: while the module's browser
    # lives, the ORM is allowed and sees the thread's own connections; both are undone before the next module.
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    thread_connections = {alias: connections[alias] for alias in connections}
    playwright = sync_playwright().start()
    for alias, connection in thread_connections.items():
        connections[alias] = connection
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_FLAGS)
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


def page_in(browser, request, live_server, locale: str):
    """A page of a new browser context that speaks `locale`, which may fetch the live server's addresses only."""
    context = browser.new_context(base_url=live_server.url, locale=locale, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    own_host = urlsplit(live_server.url).netloc
    outside: list[str] = []
    failed: list[str] = []

    def only_the_app(route):
        if urlsplit(route.request.url).netloc == own_host:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route(re.compile(r"^(https?|wss?)://"), only_the_app)
    page = context.new_page()

    def note_failure(response):
        if response.status >= 500 or (response.status >= 400 and response.request.resource_type in ASSETS):
            failed.append(f"{response.status} {response.url}")

    page.on("response", note_failure)
    page.on("pageerror", lambda error: failed.append(f"script error on {page.url}: {error}"))
    request.node.stash.setdefault(PAGES, []).append(page)
    return context, page, outside, failed


@pytest.fixture
def page(browser, request, live_server) -> Iterator:
    """A page in English (the browser's Accept-Language: en-US)."""
    yield from page_checked(browser, request, live_server, "en-US")


@pytest.fixture
def indonesian_page(browser, request, live_server) -> Iterator:
    """A page of a browser set to Indonesian (Accept-Language: id-ID)."""
    yield from page_checked(browser, request, live_server, "id-ID")


def page_checked(browser, request, live_server, locale):
    context, page, outside, failed = page_in(browser, request, live_server, locale)
    yield page
    context.close()
    assert outside == [], f"the page asked for addresses outside the app: {outside}"
    assert failed == [], f"the server failed or refused what the page loads: {failed}"


@pytest.fixture
def editor_account(transactional_db) -> User:
    """A member of the Editors group who may enter the admin."""
    user = User.objects.create_user("ana", password=EDITOR_PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def logged_in_editor(page, editor_account):
    """The English page of an editor who has just signed in through the admin's login form."""
    log_in(page, editor_account.username, EDITOR_PASSWORD)
    return page


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing test's pages, as the browser showed them: a screenshot and the HTML, named after the test."""
    report = yield
    if report.failed and report.when in ("setup", "call"):
        for number, page in enumerate(item.stash.get(PAGES, [])):
            saved = keep_failed_page(page, f"{safe_name(item.nodeid)}-{number}")
            if saved:
                report.sections.append(("browser failure", f"{page.url}\nkept in {saved}.png and {saved}.html"))
    return report


def safe_name(nodeid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid.removeprefix("tests/browser/"))[:150]


def keep_failed_page(page, name: str) -> Path | None:
    if page.is_closed():
        return None
    FAILURES_DIR.mkdir(parents=True, exist_ok=True)
    path = FAILURES_DIR / name
    try:
        page.screenshot(path=f"{path}.png", full_page=True)
        Path(f"{path}.html").write_text(page.content(), encoding="utf-8")
    except Exception as error:  # a crashed page must not hide the test's own failure
        Path(f"{path}.txt").write_text(f"the page could not be kept: {error}\n", encoding="utf-8")
    return path
