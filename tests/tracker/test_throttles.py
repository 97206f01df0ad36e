"""Which limit counts whom: an anonymous client the anonymous limit, by address; a signed-in user the users'
limit, by user."""

import pytest

COUNTRIES = "/api/v1/countries/"


@pytest.fixture
def strict_user_limit(throttle_rates):
    """Signed-in users may make two requests a minute, anonymous clients many."""
    throttle_rates(anon="100/min", user="2/min")


@pytest.mark.django_db
@pytest.mark.usefixtures("strict_user_limit")
def test_an_anonymous_client_is_held_to_the_anonymous_limit_alone(api_client):
    statuses = [api_client.get(COUNTRIES, {"page_size": 1}).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]


@pytest.mark.django_db
@pytest.mark.usefixtures("strict_user_limit")
def test_a_signed_in_user_is_held_to_the_users_limit(editor_client):
    statuses = [editor_client.get(COUNTRIES, {"page_size": 1}).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
