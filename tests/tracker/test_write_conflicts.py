"""A write the database refuses only because of concurrent ones is a 409 problem+json with Retry-After, on
either database (the PostgreSQL deadlock itself is made for real in test_concurrency.py)."""

import pytest
from django.db import OperationalError
from django.urls import reverse

from commitments.api.views import OrganizationViewSet
from commitments.models import Organization
from tests.helpers import assert_problem


def failing(message):
    def create(**fields):
        raise OperationalError(message)

    return create


@pytest.mark.django_db
def test_a_busy_database_is_a_409_problem_with_retry_after(editor_client, monkeypatch):
    monkeypatch.setattr(OrganizationViewSet, "create_service", failing("database is locked"))
    body = {"slug": "un", "name": "United Nations", "kind": "other"}
    response = editor_client.post(reverse("v1:organization-list"), body, format="json")
    assert_problem(response, 409)
    assert response["Retry-After"] == "1"
    assert not Organization.objects.filter(slug="un").exists()
