"""The key by which a client names a record at its address (an ISO alpha-3 code, a slug) is unique in its
collection: creating a record with a key already taken is a 400 naming it, and writes nothing."""

import pytest

from tests.collections import COLLECTIONS
from tests.helpers import assert_problem

pytestmark = pytest.mark.django_db

CLIENT_KEYED = [collection for collection in COLLECTIONS if collection.lookup != "id"]

# What else a create of each collection needs (every alpha-2 code is taken too, so a country's 400 names both).
OTHER_FIELDS = {"country": {"iso2": "TR", "m49": "792"}, "organization": {"kind": "other"}}


@pytest.mark.parametrize("collection", CLIENT_KEYED, ids=str)
def test_a_key_already_taken_is_a_400_naming_it_and_writes_nothing(editor_client, collection):
    taken = getattr(collection.record(), collection.lookup)
    before = collection.state()
    body = {collection.lookup: taken, "name": "Again", **OTHER_FIELDS.get(collection.basename, {})}
    assert_problem(editor_client.post(collection.url, body, format="json"), 400, collection.lookup)
    assert collection.state() == before
