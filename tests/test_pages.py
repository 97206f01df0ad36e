"""The pages people look at: the browsable API, the admin's save buttons, the favicon."""

import json
import re
from html import unescape

import pytest
from django.urls import reverse

from commitments.models import Statement
from tests.test_admin import admin_url, build_records, posted_form

HTML = {"HTTP_ACCEPT": "text/html"}


def put_form_content(page):
    form = re.search(r'id="put-generic-content-form".*?<textarea[^>]*>(.*?)</textarea>', page, re.S)
    return json.loads(unescape(form.group(1)))


def shown_answer(page):
    return unescape(re.search(r'<pre class="prettyprint">.*?</span>(.*?)</pre>', page, re.S).group(1))


@pytest.mark.django_db
def test_browsable_api_shows_the_answer_indented_for_highlighting(api_client):
    pledge = build_records(1)[0]

    page = api_client.get(reverse("v1:pledge-detail", args=[pledge.pk]), **HTML).content.decode()

    assert '<pre class="prettyprint">' in page
    assert '\n  "key": ' in shown_answer(page)


@pytest.mark.django_db
def test_json_answers_are_compact_unless_a_client_asks_for_indent(api_client):
    url = reverse("v1:country-detail", args=["IDN"])

    compact = api_client.get(url, HTTP_ACCEPT="application/json").content
    indented = api_client.get(url, HTTP_ACCEPT="application/json; indent=2").content

    assert b"\n" not in compact
    assert json.loads(indented) == json.loads(compact) and b'\n  "iso3": "IDN"' in indented


@pytest.mark.django_db
@pytest.mark.parametrize("collection", ["pledge", "statement"])
def test_the_put_form_starts_from_the_record_as_written_and_saves_unchanged(staff_client, collection):
    pledge = build_records(1)[0]
    record = pledge if collection == "pledge" else Statement.objects.first()
    url = reverse(f"v1:{collection}-detail", args=[record.pk])

    content = put_form_content(staff_client.get(url, **HTML).content.decode())
    response = staff_client.put(url, json.dumps(content), content_type="application/json")

    assert response.status_code == 200, response.content
    assert content["sources"] and all(set(source) == {"id", "locator"} for source in content["sources"])
    assert not any(isinstance(value, dict) and "url" in value for value in content.values())


@pytest.mark.django_db
def test_a_pledge_put_form_names_related_records_by_key(staff_client):
    pledge = build_records(1)[0]

    content = put_form_content(staff_client.get(reverse("v1:pledge-detail", args=[pledge.pk]), **HTML).text)

    assert content["initiative"] == pledge.initiative.slug
    assert content["quantity"]["qualifier"] == pledge.quantity_qualifier
    assert content["description"] == pledge.description


@pytest.mark.django_db
def test_the_admin_banner_names_a_missing_reason(staff_client):
    pledge = build_records(1)[0]
    url = admin_url("commitments.pledge", "change", pledge.pk)

    page = staff_client.post(url, {**posted_form(staff_client.get(url).text), "change_reason": ""}).text

    banner = re.search(r'<p class="errornote">(.*?)</p>', page, re.S).group(1)
    assert " ".join(banner.split()) == "Please correct the error below: Reason for this change is required."


@pytest.mark.django_db
def test_the_admin_reason_sits_with_the_save_buttons(staff_client):
    pledge = build_records(1)[0]

    page = staff_client.get(admin_url("commitments.pledge", "change", pledge.pk)).text

    footer = re.search(r'<div class="save-with-reason">(.*?)<div class="submit-row">(.*?)</div>', page, re.S)
    assert 'name="change_reason"' in footer.group(1) and 'name="_save"' in footer.group(2)
    assert page.count('name="change_reason"') == 1


@pytest.mark.django_db
def test_favicon_is_served(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content.startswith(b"\0\0\1\0")  # an ICO file
