"""Two app servers on one PostgreSQL database, as behind a load balancer: what one writes, the other serves at
once, and the ETags they share in the cache never answer a 304 for a record written since. The second reads
through the replica router, its replica being the same database."""

import json
import urllib.error
import urllib.request

import pytest
from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import User
from django.db import connection
from rest_framework.authtoken.models import Token

from commitments.services.editors import editors_group_sync
from tests.tracker.test_throttles_across_workers import server_database_url
from tracker.loopback import gunicorn, production_environment

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="app servers share a PostgreSQL database"),
]


def call(url, method="GET", body=None, **headers):
    """(status, headers, JSON body or None) of one request."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        url, data=data, method=method, headers={"Content-Type": "application/json", **headers}
    )
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            content = response.read()
            return response.status, response.headers, json.loads(content) if content else None
    except urllib.error.HTTPError as error:
        content = error.read()
        return error.code, error.headers, json.loads(content) if content else None


@pytest.fixture
def token():
    user = User.objects.create_user("two-servers-editor", password="editor-password-1")
    # A transactional test before this one may have flushed the permissions and the group that migrations make.
    for app in ("commitments", "countries"):
        create_permissions(apps.get_app_config(app), verbosity=0)
    user.groups.add(editors_group_sync())
    return f"Token {Token.objects.create(user=user).key}"


def test_what_one_server_writes_the_other_serves_and_no_stale_304(tmp_path, token):
    database = server_database_url(tmp_path)
    shared = {"DATABASE_URL": database, "CACHE_DIR": str(tmp_path / "cache"), "API_THROTTLE_USER": "10000/min"}
    first = production_environment(**shared)
    second = production_environment(**shared, DATABASE_REPLICA_URL=database)
    with gunicorn(first, workers=1) as one, gunicorn(second, workers=1) as other:
        created, _headers, body = call(
            f"{one}/api/v1/organizations/",
            "POST",
            {"slug": "two-servers", "name": "Two Servers", "kind": "think_tank"},
            Authorization=token,
        )
        assert created == 201, body
        address = "/api/v1/organizations/two-servers/"

        status, headers, body = call(f"{other}{address}")
        assert status == 200 and body["name"] == "Two Servers"
        etag = headers["ETag"]
        assert call(f"{other}{address}", **{"If-None-Match": etag})[0] == 304

        renamed = call(f"{one}{address}", "PATCH", {"name": "Renamed"}, Authorization=token)
        assert renamed[0] == 200, renamed[2]

        status, _headers, body = call(f"{other}{address}", **{"If-None-Match": etag})
        assert status == 200 and body["name"] == "Renamed"
        # The answer the other server cached before the rename is never served after it.
        status, _headers, body = call(f"{other}{address}")
        assert status == 200 and body["name"] == "Renamed"
        status, _headers, body = call(f"{other}{address}", Authorization=token)
        assert status == 200 and body["name"] == "Renamed"
