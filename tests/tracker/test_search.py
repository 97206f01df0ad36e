"""`search` by words (docs/api.md, "Search"): every word of the query begins a word of the record or of a record it
links to, whatever the case and accents, with the same results on PostgreSQL and SQLite; `ordering=relevance`."""

import pytest
from django.urls import reverse

from commitments.models import StatementSpeaker
from tests.factories import OrganizationFactory, PersonFactory, PledgeFactory, StatementFactory
from tests.helpers import assert_problem, results
from tracker.search import fold_words

pytestmark = pytest.mark.django_db


def statements(client, **params):
    return [row["id"] for row in results(client.get(reverse("v1:statement-list"), params))]


@pytest.mark.parametrize(
    "text, words",
    [
        ("Pasukan Stabilisasi", ["pasukan", "stabilisasi"]),
        ("São Tomé, Ğazze and İstanbul", ["sao", "tome", "gazze", "and", "istanbul"]),
        ("al-Sisi told 1.200 people, 1,200 in all", ["al", "sisi", "told", "1.200", "people", "1", "200", "in", "all"]),
        ("Straße — ½ «UN»", ["strasse", "1", "2", "un"]),
        ("", []),
    ],
)
def test_words_are_folded_without_case_or_accents(text, words):
    assert fold_words(text) == words


def test_a_word_matches_the_beginning_of_a_word_only(api_client):
    hit = StatementFactory(text="Pasukan stabilisasi internasional")
    assert statements(api_client, search="stabil") == [hit.id]
    assert statements(api_client, search="bilisasi") == []


def test_case_and_accents_do_not_count_either_way(api_client):
    accented = StatementFactory(text="Le Président de São Tomé")
    plain = StatementFactory(text="the president of Sao Tome")
    assert sorted(statements(api_client, search="PRESIDENT sao TOMÉ")) == sorted([accented.id, plain.id])


def test_every_word_must_match_though_each_may_match_another_field_or_record(api_client):
    statement = StatementFactory(
        text="Indonesia siap mengirim pasukan", speakers=[StatementSpeaker(person=PersonFactory(name="Prabowo"))]
    )
    StatementFactory(text="Indonesia siap")
    assert statements(api_client, search="pasukan prabowo") == [statement.id]
    assert statements(api_client, search="indonesia prabowo") == [statement.id]
    assert statements(api_client, search="pasukan rubio") == []


def test_a_speaking_organization_matches_by_its_name(api_client):
    statement = StatementFactory(speakers=[StatementSpeaker(organization=OrganizationFactory(name="Kementerian Luar"))])
    StatementFactory()
    assert statements(api_client, search="kementerian") == [statement.id]


def test_a_query_without_a_letter_or_digit_finds_nothing(api_client):
    StatementFactory(text="— « » …")
    assert statements(api_client, search="—") == []


def test_pledges_match_their_own_words_and_their_initiatives_name(api_client):
    own = PledgeFactory(description="Pasukan penjaga perdamaian")
    through_initiative = PledgeFactory(initiative__name="Stabilisation Force")
    PledgeFactory(description="Dana kemanusiaan")
    url = reverse("v1:pledge-list")
    assert [row["id"] for row in results(api_client.get(url, {"search": "penjaga"}))] == [own.id]
    assert [row["id"] for row in results(api_client.get(url, {"search": "stabilisation"}))] == [through_initiative.id]


def test_a_search_keeps_the_lists_order_and_relevance_puts_the_best_first(api_client):
    once = StatementFactory(text="Rafah is a city")
    thrice = StatementFactory(text="Rafah, Rafah and Rafah again")
    assert statements(api_client, search="rafah") == [once.id, thrice.id]
    assert statements(api_client, search="rafah", ordering="-relevance") == [thrice.id, once.id]
    assert statements(api_client, search="rafah", ordering="relevance") == [once.id, thrice.id]


def test_relevance_without_a_search_is_a_400_naming_ordering(api_client):
    body = assert_problem(api_client.get(reverse("v1:statement-list"), {"ordering": "-relevance"}), 400, "ordering")
    assert "search" in str(body["errors"]["ordering"])


def test_relevance_with_a_cursor_is_a_400_naming_ordering(api_client):
    params = {"search": "rafah", "ordering": "-relevance", "cursor": ""}
    assert_problem(api_client.get(reverse("v1:statement-list"), params), 400, "ordering")


def test_the_schema_offers_relevance_on_lists_with_a_search(api_client):
    schema = api_client.get(reverse("v1-schema"), {"format": "json"}).json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/statements/"]["get"]["parameters"]}
    assert "-relevance" in parameters["ordering"]["schema"]["items"]["enum"]
