"""Whom the throttles count: the socket's peer, or the address the trusted proxies saw, never a header the
client wrote itself."""

import pytest
from django.conf import settings
from django.test import override_settings

pytestmark = pytest.mark.django_db
ROOT = "/api/v1/"
BEHIND_ONE_PROXY = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}


@pytest.fixture(autouse=True)
def two_requests_a_minute(throttle_rates):
    throttle_rates(anon="2/min", user="2/min")


def statuses(api_client, *forwarded_for, peer="192.0.2.1"):
    headers = [{"HTTP_X_FORWARDED_FOR": value} if value else {} for value in forwarded_for]
    return [api_client.get(ROOT, REMOTE_ADDR=peer, **header).status_code for header in headers]


def test_a_new_x_forwarded_for_on_every_request_is_still_the_same_client(api_client):
    assert statuses(api_client, "203.0.113.1", "203.0.113.2", "203.0.113.3") == [200, 200, 429]


def test_another_socket_peer_is_another_client(api_client):
    statuses(api_client, None, None, None, peer="192.0.2.1")

    assert statuses(api_client, None, peer="192.0.2.2") == [200]


@override_settings(REST_FRAMEWORK=BEHIND_ONE_PROXY)
def test_behind_a_trusted_proxy_the_address_it_appended_is_the_client(api_client):
    statuses(api_client, "203.0.113.1", "203.0.113.1", "203.0.113.1")

    assert statuses(api_client, "203.0.113.2") == [200]


@override_settings(REST_FRAMEWORK=BEHIND_ONE_PROXY)
def test_behind_a_trusted_proxy_what_the_client_wrote_before_its_address_is_ignored(api_client):
    spoofed = [f"198.51.100.{n}, 203.0.113.1" for n in range(3)]

    assert statuses(api_client, *spoofed) == [200, 200, 429]
