"""Who may read and write every collection: anyone reads; a write without credentials is a 401 that asks for a
token, one without the model permission a 403, and neither changes anything. What an editor may write, and how,
is tested in each collection's own file."""

import pytest

from tests.collections import COLLECTIONS
from tests.helpers import assert_problem

pytestmark = pytest.mark.django_db

every_collection = pytest.mark.parametrize("collection", COLLECTIONS, ids=str)
every_write = pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])

UNKNOWN_LOOKUPS = {"iso3": "QQQ", "slug": "no-such-record", "id": "999999"}


def write(client, method, collection, record):
    """A write of `method` on the collection (POST) or on `record` (the others), with a body that would be valid
    in shape: the refusal must come before any validation."""
    url = collection.url if method == "post" else collection.detail_url(record)
    return getattr(client, method)(url, None if method == "delete" else {"name": "Changed"}, format="json")


@every_collection
@every_write
def test_anonymous_user_cannot_write_and_is_asked_for_a_token(api_client, collection, method):
    record = collection.record()
    before = collection.state()
    response = write(api_client, method, collection, record)
    assert_problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Token")
    assert collection.state() == before


@every_collection
@every_write
def test_reader_without_permission_cannot_write(reader_client, collection, method):
    record = collection.record()
    before = collection.state()
    assert_problem(write(reader_client, method, collection, record), 403)
    assert collection.state() == before


@every_collection
def test_reader_without_permission_may_read_the_list_and_a_record(reader_client, collection):
    record = collection.record()
    assert reader_client.get(collection.url).status_code == 200
    assert reader_client.get(collection.detail_url(record)).status_code == 200


@every_collection
def test_unknown_record_is_a_problem_404(api_client, collection):
    assert_problem(api_client.get(f"{collection.url}{UNKNOWN_LOOKUPS[collection.lookup]}/"), 404)
