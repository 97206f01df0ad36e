"""The pledge collection: row shape, detail, writes by key, permissions, ordering and query counts (paging, as
every list pages, is in tests/test_collection_lists.py)."""

import pytest
from django.urls import reverse

from commitments.models import ConditionLink, Party, Pledge, PledgeSource, Source, StatusEvent
from commitments.services.parties import party_for
from tests.factories import (
    ConditionFactory,
    CountryGroupFactory,
    InitiativeFactory,
    OrganizationFactory,
    PledgeFactory,
    SourceFactory,
    add_event,
    country,
)
from tests.helpers import assert_problem, assert_queries_flat, results

pytestmark = pytest.mark.django_db

LIST = reverse("v1:pledge-list")


def detail(pledge):
    return reverse("v1:pledge-detail", args=[pledge.pk])


def by_id(response, pledge):
    return next(row for row in results(response) if row["id"] == pledge.pk)


PARTIES = {"country": lambda: country("EGY"), "country_group": CountryGroupFactory, "organization": OrganizationFactory}


def party_of(kind):
    """A new party of `kind`, with the key and name a client reads for it."""
    record = PARTIES[kind]()
    return party_for(**{kind: record}), record.iso3 if kind == "country" else record.slug, record.name


def payload(**overrides):
    """A valid create body: Indonesia's troops to a new initiative, citing a new source."""
    body = {"country": "idn", "initiative": InitiativeFactory().slug, "kind": "troops", "sources": [SourceFactory().pk]}
    return {**body, **overrides}


@pytest.mark.parametrize("kind", PARTIES)
def test_party_is_repeated_under_its_own_name_and_the_others_are_null(api_client, kind):
    party, key, name = party_of(kind)
    pledge = PledgeFactory(party=party)
    row = by_id(api_client.get(LIST), pledge)
    assert row["party"] == {"type": kind, "key": key, "name": name, "url": row[kind]["url"]}
    assert row[kind]["name"] == name
    assert [field for field in PARTIES if row[field] is not None] == [kind]


def test_list_shows_initiative_quantity_and_sources(api_client):
    source = SourceFactory()
    quantity = {"qualifier": "approximate", "low": 200, "high": 200, "unit": "persons", "text": "sekitar 200"}
    fields = {f"quantity_{name}": value for name, value in quantity.items()}
    pledge = PledgeFactory(sources=[(source, "p. 2")], **fields)
    row = by_id(api_client.get(LIST), pledge)
    assert row["initiative"]["slug"] == pledge.initiative.slug and row["initiative"]["name"] == pledge.initiative.name
    assert row["quantity"] == quantity
    assert [(s["id"], s["title"], s["locator"]) for s in row["sources"]] == [(source.pk, source.title, "p. 2")]


@pytest.mark.parametrize("kind", PARTIES)
def test_every_link_in_a_row_answers(api_client, kind):
    pledge = PledgeFactory(party=party_of(kind)[0])
    condition = ConditionFactory(links=[ConditionLink(pledge=pledge, source=SourceFactory())])
    row = by_id(api_client.get(LIST), pledge)
    links = [row["url"], row["events_url"], row["party"]["url"], row[kind]["url"], row["initiative"]["url"]]
    links += [row["sources"][0]["url"], row["conditions"][0]["url"]]
    assert row["conditions"][0]["slug"] == condition.slug
    assert [api_client.get(link).status_code for link in links] == [200] * len(links)


def test_timestamps_are_utc_with_z(api_client):
    pledge = PledgeFactory()
    row = by_id(api_client.get(LIST), pledge)
    assert row["created"].endswith("Z") and row["updated"].endswith("Z")


def test_status_and_announced_are_null_before_the_first_event(api_client):
    pledge = PledgeFactory()
    row = by_id(api_client.get(LIST), pledge)
    assert row["status"] is None and row["announced"] is None and row["announced_precision"] is None


def test_conditions_say_via_what_they_hold_the_pledge_up(api_client):
    pledge = PledgeFactory()
    direct = ConditionFactory(links=[ConditionLink(pledge=pledge, source=SourceFactory())])
    whole = ConditionFactory(links=[ConditionLink(initiative=pledge.initiative, source=SourceFactory())])
    part = ConditionFactory(
        links=[ConditionLink(initiative=pledge.initiative, party=pledge.party, source=SourceFactory())]
    )
    others = party_for(country=country("TUR"))
    ConditionFactory(links=[ConditionLink(initiative=pledge.initiative, party=others, source=SourceFactory())])
    via = {c["slug"]: c["via"] for c in by_id(api_client.get(LIST), pledge)["conditions"]}
    assert via == {direct.slug: "pledge", whole.slug: "initiative", part.slug: "participation"}


def test_detail_is_the_list_row(api_client):
    pledge = PledgeFactory()
    add_event(pledge, "possible")
    response = api_client.get(detail(pledge))
    assert response.status_code == 200
    assert response.json() == by_id(api_client.get(LIST), pledge)


def test_detail_with_a_non_numeric_id_is_a_404_problem(api_client):
    assert_problem(api_client.get(f"{LIST}abc/"), 404)


def test_detail_of_a_missing_pledge_is_a_404_problem(api_client):
    pledge = PledgeFactory()
    url = detail(pledge)
    pledge.delete()
    assert_problem(api_client.get(url), 404)


def test_editor_creates_a_pledge_by_keys(editor_client):
    source = SourceFactory()
    body = payload(sources=[{"id": source.pk, "locator": "p. 2"}])
    response = editor_client.post(LIST, body)
    assert response.status_code == 201, response.content
    pledge = Pledge.objects.get(pk=response.json()["id"])
    assert (pledge.party.country.iso3, pledge.initiative.slug, pledge.kind) == ("IDN", body["initiative"], "troops")
    assert list(pledge.source_links.values_list("source_id", "locator")) == [(source.pk, "p. 2")]
    assert response["Location"] == response.json()["url"]


def test_key_is_assigned_by_the_server_and_a_given_key_is_refused(editor_client):
    response = editor_client.post(LIST, payload(key="my-own-key"))
    assert response.status_code == 400
    assert "assigned by the tracker" in response.json()["errors"]["key"][0]
    assert not Pledge.objects.filter(key="my-own-key").exists()
    assert editor_client.post(LIST, payload()).json()["key"]


def test_key_is_read_only_on_update(editor_client):
    pledge = PledgeFactory()
    response = editor_client.patch(detail(pledge), {"key": "changed-key"})
    assert_problem(response, 400, "key")
    pledge.refresh_from_db()
    assert pledge.key != "changed-key"


def test_two_pledges_of_same_party_initiative_and_kind_get_different_keys(editor_client):
    body = payload()
    first = editor_client.post(LIST, body).json()["key"]
    second = editor_client.post(LIST, {**body, "sources": [SourceFactory().pk]}).json()["key"]
    assert first != second


def test_create_without_a_party_is_a_400_naming_party(editor_client):
    body = {key: value for key, value in payload().items() if key != "country"}
    assert_problem(editor_client.post(LIST, body), 400, "party")


def test_create_with_two_parties_is_a_400_naming_party(editor_client):
    assert_problem(editor_client.post(LIST, payload(organization=OrganizationFactory().slug)), 400, "party")


def test_create_without_sources_is_a_400_naming_sources(editor_client):
    assert_problem(editor_client.post(LIST, payload(sources=[])), 400, "sources")


def test_create_with_bounds_its_qualifier_forbids_is_a_400_naming_quantity(editor_client):
    body = payload(quantity={"qualifier": "approximate", "low": 200})
    assert_problem(editor_client.post(LIST, body), 400, "quantity")


@pytest.mark.parametrize(
    "overrides", [{"sources": []}, {"quantity": {"qualifier": "range", "low": 3000, "high": 2000}}, {"kind": "bogus"}]
)
def test_a_failed_create_writes_nothing(editor_client, overrides):
    body = payload(country="NZL", **overrides)
    pledges, parties = Pledge.objects.count(), Party.objects.count()
    assert editor_client.post(LIST, body).status_code == 400
    assert (Pledge.objects.count(), Party.objects.count()) == (pledges, parties)


def test_put_replaces_fields_and_party(editor_client):
    pledge = PledgeFactory()
    body = payload(country="TUR", kind="police", description="Polisi", sources=[pledge.source_links.get().source_id])
    response = editor_client.put(detail(pledge), body)
    assert response.status_code == 200, response.content
    assert response.json()["party"]["key"] == "TUR"
    assert (response.json()["kind"], response.json()["description"]) == ("police", "Polisi")


def test_put_without_a_party_is_a_400_naming_party(editor_client):
    pledge = PledgeFactory()
    body = {key: value for key, value in payload().items() if key != "country"}
    assert_problem(editor_client.put(detail(pledge), body), 400, "party")


def test_patch_without_a_party_keeps_it(editor_client):
    pledge = PledgeFactory(party=party_for(country=country("TUR")))
    response = editor_client.patch(detail(pledge), {"description": "Pasukan"})
    assert response.status_code == 200, response.content
    assert response.json()["party"]["key"] == "TUR"


def test_a_failed_update_writes_nothing(editor_client):
    pledge = PledgeFactory(description="Pasukan")
    parties = Party.objects.count()
    body = {"country": "NZL", "description": "Changed", "quantity": {"qualifier": "at_least", "high": 5}}
    assert_problem(editor_client.patch(detail(pledge), body), 400, "quantity")
    pledge.refresh_from_db()
    assert (pledge.party.country.iso3, pledge.description, Party.objects.count()) == ("IDN", "Pasukan", parties)


def test_patch_changing_sources_replaces_them(editor_client):
    pledge = PledgeFactory()
    replacement = SourceFactory()
    response = editor_client.patch(detail(pledge), {"sources": [replacement.pk]})
    assert response.status_code == 200, response.content
    assert [source["id"] for source in response.json()["sources"]] == [replacement.pk]
    assert list(pledge.source_links.values_list("source_id", flat=True)) == [replacement.pk]


def test_what_a_client_reads_with_objects_replaced_by_keys_puts_back_unchanged(editor_client):
    pledge = PledgeFactory(quantity_qualifier="range", quantity_low=2000, quantity_high=3000, description="Pasukan")
    add_event(pledge, "considering")
    read = editor_client.get(detail(pledge)).json()
    written = {
        **read,
        "country": read["country"]["iso3"],
        "initiative": read["initiative"]["slug"],
        "sources": [{"id": s["id"], "locator": s["locator"]} for s in read["sources"]],
    }
    response = editor_client.put(detail(pledge), written)
    assert response.status_code == 200, response.content
    assert {**response.json(), "updated": None} == {**read, "updated": None}


def test_delete_removes_its_events_and_source_links_but_keeps_the_sources(editor_client):
    pledge = PledgeFactory()
    event_source = SourceFactory()
    add_event(pledge, "possible", sources=[event_source])
    cited = pledge.source_links.get().source_id
    assert editor_client.delete(detail(pledge)).status_code == 204
    assert not StatusEvent.objects.filter(pledge_id=pledge.pk).exists()
    assert not PledgeSource.objects.filter(pledge_id=pledge.pk).exists()
    assert Source.objects.filter(pk__in=[cited, event_source.pk]).count() == 2


def test_ordering_by_descending_high_bound(api_client):
    small = PledgeFactory(quantity_qualifier="exact", quantity_low=10, quantity_high=10)
    large = PledgeFactory(quantity_qualifier="exact", quantity_low=500, quantity_high=500)
    ids = [row["id"] for row in results(api_client.get(LIST, {"ordering": "-quantity_high"}))]
    assert ids == [large.pk, small.pk]


def test_list_query_count_stays_flat_with_sources_conditions_and_events(api_client):
    def add_rows(count):
        for _ in range(count):
            pledge = PledgeFactory(sources=[SourceFactory(), SourceFactory()])
            add_event(pledge, "possible")
            ConditionFactory(links=[ConditionLink(pledge=pledge, source=SourceFactory())])
            ConditionFactory(links=[ConditionLink(initiative=pledge.initiative, source=SourceFactory())])

    add_rows(2)
    assert_queries_flat(api_client, LIST, add_rows)
