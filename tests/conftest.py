import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.cache import caches
from django.utils import translation
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from commitments.services.editors import EDITORS
from tests.schema_validation import validate_api_responses  # noqa: F401 (autouse: every response meets the schema)


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A request in Indonesian leaves its language active in the test's thread: the next test starts in English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def throttle_rates(monkeypatch):
    """Sets the throttles' rates for the test: `throttle_rates(anon="2/min", user="2/min")`. DRF copies the rates
    onto its throttle class when it is first imported, so overriding the setting after that has no effect: they are
    patched where the throttles read them. The counts start empty (empty_caches)."""

    def set_rates(**rates):
        monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", rates)

    return set_rates


@pytest.fixture(autouse=True)
def empty_caches():
    """Every test starts with empty caches: no answer, ETag or throttle count of another test is served to it."""
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture
def api_client():
    """An anonymous client."""
    return APIClient()


def token_client(user):
    client = APIClient()
    token, _created = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", password="editor-password-1")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def editor_client(editor):
    """A client authenticated by token as a member of the Editors group."""
    return token_client(editor)


@pytest.fixture
def reader_client(db):
    """A client authenticated by token as a user without any model permission."""
    return token_client(User.objects.create_user("reader", password="reader-password-1"))


@pytest.fixture
def staff_client(client, editor):
    """A browser session of a member of the Editors group who may enter the admin."""
    editor.is_staff = True
    editor.save(update_fields=["is_staff"])
    client.force_login(editor)
    return client
