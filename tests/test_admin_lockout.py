"""The admin login resists guessing: repeated failures lock a user, or an address, out for a while."""

import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"
LIMIT = settings.AXES_FAILURE_LIMIT
PASSWORD = "editor-password-1"


@pytest.fixture
def staff_editor(editor):
    editor.is_staff = True
    editor.save(update_fields=["is_staff"])
    return editor


def sign_in(client, username, password, address="192.0.2.1", **headers):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers)


def fail(client, times, username="editor", **kwargs):
    return [sign_in(client, username, f"wrong-{n}", **kwargs) for n in range(times)][-1]


def signed_in(client):
    return "_auth_user_id" in client.session


def test_a_wrong_password_below_the_limit_shows_the_form_again(client, staff_editor):
    response = fail(client, LIMIT - 1)

    assert response.status_code == 200
    assert b"Please enter the correct username and password" in response.content


def test_the_failure_at_the_limit_locks_out_with_a_message(client, staff_editor):
    response = fail(client, LIMIT)

    assert response.status_code == 429
    assert f"locked for {settings.ADMIN_LOGIN_COOLOFF_MINUTES} minutes" in response.content.decode()


def test_the_right_password_is_refused_during_the_lockout(client, staff_editor):
    fail(client, LIMIT)

    response = sign_in(client, "editor", PASSWORD)

    assert response.status_code == 429
    assert not signed_in(client)


def test_failures_for_one_user_from_many_addresses_lock_that_user(client, staff_editor):
    for n in range(LIMIT):
        sign_in(client, "editor", "wrong", address=f"192.0.2.{n + 10}")

    assert sign_in(client, "editor", PASSWORD, address="198.51.100.1").status_code == 429


def test_guesses_at_many_users_from_one_address_lock_that_address(client, staff_editor):
    for n in range(LIMIT):
        sign_in(client, f"guess-{n}", "wrong")

    assert sign_in(client, "editor", PASSWORD).status_code == 429


def test_a_new_x_forwarded_for_on_every_guess_is_still_the_same_address(client, staff_editor):
    for n in range(LIMIT):
        sign_in(client, f"guess-{n}", "wrong", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")

    assert sign_in(client, "editor", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429


def test_an_administrator_unlocks_a_user_with_axes_reset_username(client, staff_editor):
    fail(client, LIMIT)

    call_command("axes_reset_username", "editor")
    response = sign_in(client, "editor", PASSWORD)

    assert response.status_code == 302
    assert signed_in(client)


def test_another_user_at_another_address_is_not_locked_out(client, staff_editor, django_user_model):
    django_user_model.objects.create_user("other", password="other-password-1", is_staff=True)
    fail(client, LIMIT)

    assert sign_in(client, "other", "other-password-1", address="198.51.100.1").status_code == 302
