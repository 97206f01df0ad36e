"""Writers at once, on PostgreSQL, over the API: each request succeeds or is refused with a 4xx, never a 500.

Each scenario runs real threads, each with its own database connection, started together.
"""

import itertools
from collections import Counter

import pytest
from django.db import connection
from django.urls import reverse

from commitments.models import Initiative, Pledge
from commitments.services.parties import party_for
from tests.conftest import token_client
from tests.factories import InitiativeFactory, PersonFactory, PledgeFactory, SourceFactory, country
from tests.helpers import assert_problem, in_threads

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks and concurrent writers need PostgreSQL"),
]
PLEDGES = reverse("v1:pledge-list")
ROUNDS = 6


def client_for(user):
    """A token client that answers a server error with its 500 response, as a real client would see it."""
    client = token_client(user)
    client.raise_request_exception = False
    return client


def pledge_body(initiative, source, kind="troops"):
    return {"country": "IDN", "initiative": initiative.slug, "kind": kind, "sources": [source.pk]}


def test_pledges_citing_an_initiative_and_a_source_that_others_edit_at_once_all_succeed(editor):
    party_for(country=country("IDN"))
    initiative, source = InitiativeFactory(), SourceFactory()
    initiative_url = reverse("v1:initiative-detail", args=[initiative.slug])
    source_url = reverse("v1:source-detail", args=[source.pk])
    kinds = ["troops", "police", "observers"]

    def write(index):
        client = client_for(editor)
        if index < len(kinds):
            body = pledge_body(initiative, source, kinds[index])
            return [client.post(PLEDGES, body, format="json").status_code for _ in range(ROUNDS)]
        url, field = (initiative_url, "description") if index == len(kinds) else (source_url, "notes")
        return [client.patch(url, {field: f"edit {n}"}, format="json").status_code for n in range(ROUNDS)]

    statuses = Counter(itertools.chain(*in_threads(write, len(kinds) + 2)))
    assert statuses == {201: ROUNDS * len(kinds), 200: ROUNDS * 2}
    assert Pledge.objects.count() == ROUNDS * len(kinds)


def test_initiatives_made_each_others_parent_at_once_never_make_a_cycle(editor):
    for _trial in range(5):
        pair = [InitiativeFactory(), InitiativeFactory()]

        def patch(index, pair=pair):
            child, parent = pair[index], pair[1 - index]
            url = reverse("v1:initiative-detail", args=[child.slug])
            return client_for(editor).patch(url, {"parent": parent.slug}, format="json")

        answers = sorted(in_threads(patch, 2), key=lambda response: response.status_code)
        assert [answer.status_code for answer in answers] == [200, 400]
        assert_problem(answers[1], 400, "parent")
        parents = Initiative.objects.filter(pk__in=[record.pk for record in pair], parent__isnull=False)
        assert parents.count() == 1


def test_concurrent_pledges_of_one_party_initiative_and_kind_each_get_their_own_key(editor):
    body = pledge_body(InitiativeFactory(), SourceFactory())

    def create(index):
        return client_for(editor).post(PLEDGES, body, format="json")

    answers = in_threads(create, 8)
    assert Counter(answer.status_code for answer in answers) == {201: 8}
    assert len({answer.json()["key"] for answer in answers}) == 8


def test_concurrent_statements_of_one_date_and_speaker_each_get_their_own_key(editor):
    person, source = PersonFactory(), SourceFactory()
    body = {
        "kind": "quote",
        "text": "Kami siap mengirim pasukan.",
        "language": "id",
        "date": "2025-10-24",
        "speakers": [{"person": person.slug}],
        "sources": [source.pk],
    }

    def create(index):
        return client_for(editor).post(reverse("v1:statement-list"), body, format="json")

    answers = in_threads(create, 8)
    assert Counter(answer.status_code for answer in answers) == {201: 8}
    assert len({answer.json()["key"] for answer in answers}) == 8


def test_concurrent_deletes_of_one_pledge_answer_one_204_and_then_404s(editor):
    for _trial in range(3):
        url = reverse("v1:pledge-detail", args=[PledgeFactory().pk])
        statuses = in_threads(lambda index, url=url: client_for(editor).delete(url).status_code, 20)
        assert Counter(statuses) == {204: 1, 404: 19}
