"""What the service says back: reasons kept as written, and error messages that say what would be valid."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PledgeFactory
from tests.helpers import assert_problem

pytestmark = pytest.mark.django_db


def latest_reason(pledge):
    return pledge.history.latest().history_change_reason


@pytest.mark.parametrize(
    "header, reason",
    [
        ("café: corrigé".encode().decode("latin-1"), "café: corrigé"),
        ("caf%C3%A9", "café"),
        ("50% of the force", "50% of the force"),
        ("bad escape %FF stays", "bad escape %FF stays"),
    ],
)
def test_a_change_reason_is_kept_as_the_client_wrote_it(editor, header, reason):
    """WSGI servers hand headers over decoded as Latin-1; the test client does the same with these bytes."""
    pledge = PledgeFactory()
    client = Client()
    client.force_login(editor)
    response = client.patch(
        reverse("v1:pledge-detail", args=[pledge.pk]),
        {"description": "Changed"},
        content_type="application/json",
        headers={"X-Change-Reason": header},
    )
    assert response.status_code == 200, response.content
    assert latest_reason(pledge) == reason


def test_an_unknown_choice_in_a_filter_lists_the_valid_values(api_client):
    body = assert_problem(api_client.get(reverse("v1:pledge-list"), {"status": "comitted"}), 400, "status")
    message = body["errors"]["status"][0]
    assert "comitted" in message and "committed" in message and "withdrawn" in message


def test_an_unknown_choice_in_a_body_lists_the_valid_values(editor_client):
    pledge = PledgeFactory()
    response = editor_client.patch(reverse("v1:pledge-detail", args=[pledge.pk]), {"kind": "soldiers"})
    message = assert_problem(response, 400, "kind")["errors"]["kind"][0]
    assert "soldiers" in message and "troops" in message and "funding" in message


def test_an_unknown_country_says_which_codes_are_expected(api_client):
    body = assert_problem(api_client.get(reverse("v1:pledge-list"), {"country": "Indonesia"}), 400, "country")
    assert "ISO 3166-1 alpha-3" in body["errors"]["country"][0]


def test_an_unknown_country_in_a_body_says_which_codes_are_expected(editor_client):
    pledge = PledgeFactory()
    response = editor_client.patch(reverse("v1:pledge-detail", args=[pledge.pk]), {"country": "XYZ"})
    assert "ISO 3166-1 alpha-3" in assert_problem(response, 400, "country")["errors"]["country"][0]
