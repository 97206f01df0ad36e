"""The admin speaks the editor's language: Indonesian when the browser asks for it or the editor switches to it,
Django's own words and the tracker's alike; English otherwise."""

import pytest
from django.conf import settings

from tests.factories import PledgeFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PLEDGES = "/admin/commitments/pledge/"
INDONESIAN = {"HTTP_ACCEPT_LANGUAGE": "id-ID,id;q=0.9,en;q=0.5"}


def page(response):
    assert response.status_code == 200, response.content
    return response.content.decode()


def test_the_login_page_is_in_indonesian_for_a_browser_that_asks_for_it(client):
    html = page(client.get(LOGIN, **INDONESIAN))

    assert '<html lang="id"' in html
    assert "Nama pengguna" in html and 'value="Masuk"' in html
    assert "Pelacak Komitmen Diplomatik" in html


def test_the_login_page_is_in_english_by_default(client):
    html = page(client.get(LOGIN))

    assert '<html lang="en"' in html
    assert "Username" in html and 'value="Log in"' in html


def test_a_changelist_is_in_indonesian_for_a_browser_that_asks_for_it(staff_client):
    PledgeFactory()

    html = page(staff_client.get(PLEDGES, **INDONESIAN))

    assert "Pilih janji untuk diubah" in html  # Django's words around the tracker's name of the model
    assert "Jenis kontribusi" in html  # a column: the model field's name
    assert "pasukan" in html  # the record's kind, by its label


def test_an_editor_who_switches_to_indonesian_keeps_it_on_every_page(staff_client):
    PledgeFactory()

    response = staff_client.post("/i18n/setlang/", {"language": "id", "next": PLEDGES})

    assert response.status_code == 302 and response["Location"] == PLEDGES
    assert staff_client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "id"
    assert "Pilih janji untuk diubah" in page(staff_client.get(PLEDGES))


def test_every_admin_page_offers_the_language_switcher(staff_client):
    html = page(staff_client.get("/admin/"))

    assert 'action="/i18n/setlang/"' in html
    assert '<option value="id" lang="id">Bahasa Indonesia</option>' in html
