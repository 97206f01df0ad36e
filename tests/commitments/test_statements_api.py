"""The statements collection: shape, writes by key, deletes, permissions and the list's query count (filters,
ordering and paging are in test_statement_filters.py)."""

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse

from commitments.models import (
    ConditionLink,
    Party,
    Source,
    Statement,
    StatementBasis,
    StatementSource,
    StatementSpeaker,
    StatementTarget,
)
from commitments.services.events import status_event_create
from commitments.services.parties import party_for
from commitments.services.sources import source_update
from tests.factories import (
    ConditionFactory,
    InitiativeFactory,
    OrganizationFactory,
    PersonFactory,
    PledgeFactory,
    SourceFactory,
    StatementFactory,
    country,
)
from tests.helpers import assert_problem, assert_queries_flat, results

pytestmark = pytest.mark.django_db

PLAIN_FIELDS = (
    "kind",
    "text",
    "language",
    "spoken_language",
    "text_origin",
    "translation",
    "translation_by",
    "date",
)
TARGET_KEYS = {"country": "iso3", "pledge": "id"}


def list_url():
    return reverse("v1:statement-list")


def detail_url(statement_id):
    return reverse("v1:statement-detail", args=[statement_id])


def absolute(name, *args):
    return "http://testserver" + reverse(f"v1:{name}", args=args)


def rich_statement():
    """A statement by a named person, an organization and three anonymous diplomats, spoken for Israel, about
    Turkey (opposes) and a pledge (supports), citing two sources, dated the week of 20 October 2025."""
    people = SimpleNamespace(
        named=PersonFactory(name="Benjamin Netanyahu"),
        diplomats=PersonFactory(name="", description="diplomats"),
        office=OrganizationFactory(name="Prime Minister's Office"),
    )
    pledge, sources = PledgeFactory(), [SourceFactory(), SourceFactory()]
    tally = party_for(organization=OrganizationFactory(name="Gaza health officials"))
    statement = StatementFactory(
        according_to=[StatementBasis(party=tally, words="menurut pejabat kesehatan Gaza")],
        speakers=[
            StatementSpeaker(person=people.named, role="Prime Minister"),
            StatementSpeaker(organization=people.office),
            StatementSpeaker(person=people.diplomats, role="diplomats", count=3),
        ],
        on_behalf_of=party_for(country=country("ISR")),
        targets=[
            StatementTarget(party=party_for(country=country("TUR")), stance="opposes"),
            StatementTarget(pledge=pledge, stance="supports"),
        ],
        sources=[(sources[0], "paragraph 4"), sources[1]],
        date=datetime.date(2025, 10, 24),
        date_precision="week",
    )
    return SimpleNamespace(statement=statement, pledge=pledge, sources=sources, **vars(people))


def payload(person, pledge, source, **changes):
    return {
        "kind": "quote",
        "text": "Turki tidak akan ikut serta.",
        "language": "id",
        "translation": "Turkey will not take part.",
        "translation_by": "editor",
        "date": "2025-10-24",
        "date_precision": "day",
        "speakers": [{"person": person.slug, "role": "Prime Minister", "count": 3}],
        "on_behalf_of": {"type": "country", "key": "ISR"},
        "targets": [{"country": "TUR", "stance": "opposes"}, {"pledge": pledge.id, "stance": "supports"}],
        "sources": [source.id],
        **changes,
    }


@pytest.fixture
def new(db):
    """What a new statement's payload names: a person, a pledge and a source."""
    return SimpleNamespace(person=PersonFactory(), pledge=PledgeFactory(), source=SourceFactory())


def error_names(body):
    """The fields an error names, without the list index and nested part ("targets.0.stance" → "targets")."""
    return {name.split(".")[0] for name in body["errors"]}


def link_counts():
    return [model.objects.count() for model in (Statement, StatementTarget, StatementSpeaker, StatementSource, Party)]


def as_written(body):
    """A statement as read, with every related record replaced by its key: what a client writes back."""
    written = {name: body[name] for name in (*PLAIN_FIELDS, "date_precision", "on_behalf_of")}
    written["speakers"] = [
        {**speaker, "person": slug_of(speaker["person"]), "organization": slug_of(speaker["organization"])}
        for speaker in body["speakers"]
    ]
    written["targets"] = [target_key(target) for target in body["targets"]]
    written["sources"] = [{"id": source["id"], "locator": source["locator"]} for source in body["sources"]]
    return written


def slug_of(ref):
    return ref and ref["slug"]


def target_key(target):
    kind = target["type"]
    return {kind: target[kind][TARGET_KEYS.get(kind, "slug")], "stance": target["stance"]}


def test_statement_list_shows_each_speaker_with_role_and_count(api_client):
    made = rich_statement()
    named, office, diplomats = results(api_client.get(list_url()))[0]["speakers"]
    url = absolute("person-detail", made.named.slug)
    assert named["person"] == {"slug": made.named.slug, "name": "Benjamin Netanyahu", "url": url, "is_anonymous": False}
    assert (named["organization"], named["role"], named["count"]) == (None, "Prime Minister", None)
    assert office["person"] is None
    url = absolute("organization-detail", made.office.slug)
    assert office["organization"] == {"slug": made.office.slug, "name": made.office.name, "url": url}
    assert diplomats["person"]["name"] == "diplomats" and diplomats["person"]["is_anonymous"] is True
    assert diplomats["count"] == 3


def test_statement_list_shows_the_party_spoken_for(api_client):
    rich_statement()
    row = results(api_client.get(list_url()))[0]
    assert row["on_behalf_of"] == {
        "type": "country",
        "key": "ISR",
        "name": country("ISR").name,
        "url": absolute("country-detail", "ISR"),
    }


def test_statement_list_shows_each_target_with_its_type_and_stance(api_client):
    made = rich_statement()
    turkey, pledge = results(api_client.get(list_url()))[0]["targets"]
    assert turkey["type"] == "country" and turkey["stance"] == "opposes"
    assert turkey["country"] == {"iso3": "TUR", "name": country("TUR").name, "url": absolute("country-detail", "TUR")}
    assert pledge["type"] == "pledge" and pledge["stance"] == "supports"
    assert pledge["pledge"] == {
        "id": made.pledge.id,
        "key": made.pledge.key,
        "url": absolute("pledge-detail", made.pledge.id),
    }
    for target, chosen in ((turkey, "country"), (pledge, "pledge")):
        others = {"country", "country_group", "organization", "pledge", "condition", "initiative"} - {chosen}
        assert all(target[name] is None for name in others)


def test_statement_list_shows_sources_key_and_date_with_precision(api_client):
    made = rich_statement()
    row = results(api_client.get(list_url()))[0]
    assert [(source["id"], source["locator"]) for source in row["sources"]] == [
        (made.sources[0].id, "paragraph 4"),
        (made.sources[1].id, ""),
    ]
    assert row["key"] == made.statement.key and row["key"]
    assert (row["date"], row["date_precision"]) == ("2025-10-20", "week")


def test_an_undated_statement_is_reported_by_its_earliest_dated_source(api_client):
    undated = SourceFactory(published=None)
    late, early = (
        SourceFactory(published=datetime.date(2025, 10, 24)),
        SourceFactory(published=datetime.date(2025, 10, 1), published_precision="month"),
    )
    StatementFactory(date=None, sources=[undated, late, early])
    (row,) = results(api_client.get(list_url()))
    assert (row["date"], row["date_precision"]) == (None, None)
    assert (row["reported"], row["reported_precision"]) == ("2025-10-01", "month")


def test_a_statement_whose_sources_give_no_date_has_no_reported_date(api_client):
    StatementFactory(date=None, sources=[SourceFactory(published=None)])
    (row,) = results(api_client.get(list_url()))
    assert (row["reported"], row["reported_precision"]) == (None, None)


def test_reported_follows_a_correction_of_the_sources_date(api_client):
    source = SourceFactory(published=datetime.date(2025, 10, 24))
    statement = StatementFactory(sources=[source])
    source_update(source, published=datetime.date(2025, 10, 23))
    assert api_client.get(detail_url(statement.pk)).json()["reported"] == "2025-10-23"


def test_reported_is_read_only(editor_client, new):
    response = editor_client.post(list_url(), payload(new.person, new.pledge, new.source, reported="2025-10-01"))
    assert_problem(response, 400, "reported")


def test_statement_list_shows_what_it_reports_according_to_apart_from_its_speakers(api_client):
    made = rich_statement()
    (row,) = results(api_client.get(list_url()))
    (basis,) = row["according_to"]
    assert basis["words"] == "menurut pejabat kesehatan Gaza"
    assert (basis["party"]["type"], basis["party"]["name"]) == ("organization", "Gaza health officials")
    assert "Gaza health officials" not in {s["organization"] and s["organization"]["name"] for s in row["speakers"]}
    assert row["on_behalf_of"]["key"] == "ISR" and made.statement.according_to.count() == 1


def test_editor_writes_the_parties_a_statement_reports_according_to(editor_client, new):
    tally = {"party": {"type": "country", "key": "ISR"}, "words": "menurut penghitungan Israel"}
    body = editor_client.post(list_url(), payload(new.person, new.pledge, new.source, according_to=[tally])).json()
    assert [(b["party"]["type"], b["party"]["key"], b["words"]) for b in body["according_to"]] == [
        ("country", "ISR", "menurut penghitungan Israel")
    ]
    response = editor_client.patch(detail_url(body["id"]), {"according_to": []}, format="json")
    assert response.json()["according_to"] == []
    assert not StatementBasis.objects.exists()


def test_the_same_party_twice_in_according_to_is_a_400_naming_it(editor_client, new):
    tally = {"party": {"type": "country", "key": "ISR"}}
    response = editor_client.post(list_url(), payload(new.person, new.pledge, new.source, according_to=[tally] * 2))
    assert_problem(response, 400, "according_to")


def test_a_statement_is_the_speakers_own_words_unless_said_otherwise(editor_client, new):
    body = editor_client.post(list_url(), payload(new.person, new.pledge, new.source)).json()
    assert body["text_origin"] == "own_words"


def test_a_translation_from_an_unknown_language_reads_spoken_language_null(editor_client, new):
    body = editor_client.post(list_url(), payload(new.person, new.pledge, new.source, text_origin="translation"))
    assert (body.json()["text_origin"], body.json()["spoken_language"]) == ("translation", None)


@pytest.mark.parametrize(
    ("text_origin", "spoken_language"), [("own_words", "en"), ("translation", "id")], ids=["own", "translation"]
)
def test_a_text_origin_that_contradicts_the_languages_is_a_400_naming_it(
    editor_client, new, text_origin, spoken_language
):
    changes = {"text_origin": text_origin, "spoken_language": spoken_language}
    response = editor_client.post(list_url(), payload(new.person, new.pledge, new.source, **changes))
    assert_problem(response, 400, "text_origin")


def test_statement_detail_is_shaped_as_in_the_list(api_client):
    made = rich_statement()
    response = api_client.get(detail_url(made.statement.id))
    assert response.status_code == 200
    assert response.json() == results(api_client.get(list_url()))[0]


def test_editor_creates_a_statement_by_key(editor_client, new):
    response = editor_client.post(list_url(), payload(new.person, new.pledge, new.source), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert response["Location"] == body["url"] == absolute("statement-detail", body["id"])
    assert [(s["person"]["slug"], s["role"], s["count"]) for s in body["speakers"]] == [
        (new.person.slug, "Prime Minister", 3)
    ]
    assert [(t["type"], t["stance"]) for t in body["targets"]] == [("country", "opposes"), ("pledge", "supports")]
    assert body["targets"][0]["country"]["iso3"] == "TUR" and body["targets"][1]["pledge"]["id"] == new.pledge.id
    assert [source["id"] for source in body["sources"]] == [new.source.id]
    assert body["on_behalf_of"]["key"] == "ISR"


def test_statement_key_is_assigned_by_the_server(editor_client, new):
    chosen = payload(new.person, new.pledge, new.source, key="chosen-by-client")
    assert_problem(editor_client.post(list_url(), chosen, format="json"), 400, "key")
    body = editor_client.post(list_url(), payload(new.person, new.pledge, new.source), format="json").json()
    assert body["key"] == f"2025-10-24-{new.person.slug}"
    assert Statement.objects.get(id=body["id"]).key == body["key"]


def test_statement_key_is_read_only_on_update(editor_client, new):
    body = editor_client.post(list_url(), payload(new.person, new.pledge, new.source), format="json").json()
    changed = payload(new.person, new.pledge, new.source, key="renamed")
    assert_problem(editor_client.put(detail_url(body["id"]), changed, format="json"), 400, "key")
    assert Statement.objects.get(id=body["id"]).key == body["key"]


@pytest.mark.parametrize(
    "targets",
    [[{"country": "TUR", "organization": "hamas", "stance": "opposes"}], [{"stance": "supports"}]],
    ids=["two-things", "nothing"],
)
def test_a_target_naming_two_things_or_none_is_a_400_naming_targets(editor_client, new, targets):
    OrganizationFactory(slug="hamas")
    response = editor_client.post(list_url(), payload(new.person, new.pledge, new.source, targets=targets))
    assert error_names(assert_problem(response, 400)) == {"targets"}


def test_a_statement_without_sources_is_a_400_naming_sources(editor_client, new):
    response = editor_client.post(list_url(), payload(new.person, new.pledge, new.source, sources=[]))
    assert_problem(response, 400, "sources")


def test_a_translation_without_translation_by_is_a_400_naming_translation_by(editor_client, new):
    response = editor_client.post(list_url(), payload(new.person, new.pledge, new.source, translation_by=None))
    assert_problem(response, 400, "translation_by")


def test_a_failed_statement_create_writes_nothing(editor_client, new):
    before = link_counts()
    twice = [{"country": "TUR", "stance": "opposes"}, {"country": "TUR"}]
    response = editor_client.post(list_url(), payload(new.person, new.pledge, new.source, targets=twice))
    assert error_names(assert_problem(response, 400)) == {"targets"}
    assert link_counts() == before


def test_statement_update_replaces_speakers_targets_and_sources(editor_client, new):
    made = rich_statement()
    response = editor_client.put(detail_url(made.statement.id), payload(new.person, new.pledge, new.source))
    assert response.status_code == 200, response.content
    statement = made.statement
    assert [speaker.person for speaker in statement.speakers.all()] == [new.person]
    assert [(t.party, t.pledge, t.stance) for t in statement.targets.all()] == [
        (party_for(country=country("TUR")), None, "opposes"),
        (None, new.pledge, "supports"),
    ]
    assert [link.source for link in statement.source_links.all()] == [new.source]


def test_changing_only_the_date_precision_moves_the_date_to_the_first_day_of_its_period(editor_client):
    statement = StatementFactory(date=datetime.date(2025, 10, 24))
    response = editor_client.patch(detail_url(statement.id), {"date_precision": "month"})
    assert response.status_code == 200, response.content
    assert (response.json()["date"], response.json()["date_precision"]) == ("2025-10-01", "month")


def test_a_statement_read_and_written_back_by_key_is_unchanged(editor_client):
    made = rich_statement()
    before = editor_client.get(detail_url(made.statement.id)).json()
    assert before["spoken_language"] is None and before["translation_by"] is None
    response = editor_client.put(detail_url(made.statement.id), as_written(before), format="json")
    assert response.status_code == 200, response.content
    after = response.json()
    assert {**after, "updated": None} == {**before, "updated": None}


def test_deleting_a_statement_deletes_its_speakers_targets_and_source_links(editor_client):
    made = rich_statement()
    assert editor_client.delete(detail_url(made.statement.id)).status_code == 204
    statement_id = made.statement.id
    for model in (StatementSpeaker, StatementTarget, StatementSource):
        assert not model.objects.filter(statement_id=statement_id).exists()
    assert Source.objects.filter(pk__in=[source.pk for source in made.sources]).count() == 2


def test_deleting_a_statement_cited_by_a_condition_link_is_a_409_naming_it(editor_client):
    statement = StatementFactory()
    condition = ConditionFactory(links=[ConditionLink(initiative=InitiativeFactory(), statement=statement)])
    body = assert_problem(editor_client.delete(detail_url(statement.id)), 409)
    assert condition.name in body["detail"]
    assert Statement.objects.filter(pk=statement.pk).exists()


def test_deleting_a_statement_cited_by_a_condition_event_is_a_409_naming_the_condition(editor_client):
    statement = StatementFactory()
    condition = ConditionFactory()
    status_event_create(condition, status="unresolved", date=datetime.date(2025, 10, 24), statements=[statement])
    body = assert_problem(editor_client.delete(detail_url(statement.id)), 409)
    assert condition.name in body["detail"]


def test_deleting_a_statement_cited_by_a_condition_event_is_a_409(editor_client):
    statement = StatementFactory()
    condition, day = ConditionFactory(), datetime.date(2025, 10, 24)
    status_event_create(condition, status="unresolved", date=day, statements=[statement])
    assert_problem(editor_client.delete(detail_url(statement.id)), 409)
    assert Statement.objects.filter(pk=statement.pk).exists()


def write(client, method, new):
    statement = StatementFactory()
    body = payload(new.person, new.pledge, new.source)
    urls = {"post": list_url(), "put": detail_url(statement.id), "delete": detail_url(statement.id)}
    return getattr(client, method)(urls[method], None if method == "delete" else body, format="json")


@pytest.mark.parametrize("method, status", [("post", 201), ("put", 200), ("delete", 204)])
def test_editor_can_write_statements(editor_client, new, method, status):
    assert write(editor_client, method, new).status_code == status


def test_statement_list_query_count_stays_flat(api_client):
    rich_statement()
    assert_queries_flat(api_client, list_url(), lambda more: [rich_statement() for _ in range(more)])
