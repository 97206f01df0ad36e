"""The conditions collection: links by key, filters, status events, deletes and what an editor may write (the
refusals every collection and timeline shares are in tests/test_collection_permissions.py and
tests/test_status_timelines.py)."""

import datetime

import pytest
from django.db.models import Max
from django.urls import reverse

from commitments.models import Condition, ConditionLink, Party, Pledge, StatementTarget
from commitments.services.parties import party_for
from tests.factories import (
    ConditionFactory,
    InitiativeFactory,
    OrganizationFactory,
    PledgeFactory,
    SourceFactory,
    StatementFactory,
    add_event,
    country,
)
from tests.helpers import assert_problem, assert_queries_flat, results

pytestmark = pytest.mark.django_db


def list_url():
    return reverse("v1:condition-list")


def detail_url(slug):
    return reverse("v1:condition-detail", args=[slug])


def events_url(slug):
    return reverse("v1:condition-events", args=[slug])


def absolute(name, *args):
    return "http://testserver" + reverse(f"v1:{name}", args=args)


def found(client, **params):
    return [row["slug"] for row in results(client.get(list_url(), params))]


def held_up(**link):
    """A condition with one link citing a new source, e.g. `held_up(pledge=pledge)`."""
    return ConditionFactory(links=[ConditionLink(source=SourceFactory(), **link)])


def by(iso3):
    return party_for(country=country(iso3))


def linked_condition():
    """Hamas disarmament: Israel insists, Hamas must act, before Turkey takes part in the ISF; shown by a statement."""
    hamas = OrganizationFactory(name="Hamas")
    link = ConditionLink(
        initiative=InitiativeFactory(),
        party=by("TUR"),
        insisted_by=by("ISR"),
        must_act=party_for(organization=hamas),
        statement=StatementFactory(),
        note="Israel will not accept Turkish troops before Hamas disarms.",
    )
    return ConditionFactory(links=[link, ConditionLink(pledge=PledgeFactory(), source=SourceFactory())])


@pytest.fixture
def written(db):
    """What a new condition's payload names: an initiative, a statement and the organization that must act."""
    OrganizationFactory(slug="hamas")
    return {"initiative": InitiativeFactory(), "statement": StatementFactory()}


def payload(written, **link_changes):
    link = {
        "initiative": written["initiative"].slug,
        "party": {"type": "country", "key": "TUR"},
        "insisted_by": {"type": "country", "key": "ISR"},
        "must_act": {"type": "organization", "key": "hamas"},
        "statement": written["statement"].id,
        **link_changes,
    }
    return {"slug": "hamas-disarmament", "name": "Hamas disarmament", "description": "", "links": [link]}


def test_condition_list_shows_what_each_link_holds_up_who_insists_who_must_act_and_evidence(api_client):
    condition = linked_condition()
    participation, pledge = results(api_client.get(list_url()))[0]["links"]
    first, second = condition.links.all()
    initiative, hamas = first.initiative, first.must_act.organization
    assert participation["initiative"] == {
        "slug": initiative.slug,
        "name": initiative.name,
        "url": absolute("initiative-detail", initiative.slug),
    }
    turkey = {"type": "country", "key": "TUR", "name": country("TUR").name, "url": absolute("country-detail", "TUR")}
    assert participation["party"] == turkey and participation["insisted_by"]["key"] == "ISR"
    url = absolute("organization-detail", hamas.slug)
    assert participation["must_act"] == {"type": "organization", "key": hamas.slug, "name": "Hamas", "url": url}
    url = absolute("statement-detail", first.statement.id)
    assert participation["statement"] == {"id": first.statement.id, "key": first.statement.key, "url": url}
    assert participation["pledge"] is None and participation["source"] is None
    url = absolute("pledge-detail", second.pledge.id)
    assert pledge["pledge"] == {"id": second.pledge.id, "key": second.pledge.key, "url": url}
    assert pledge["source"]["id"] == second.source.id and pledge["initiative"] is None


def test_condition_status_is_null_before_the_first_event(api_client):
    condition = ConditionFactory()
    row = results(api_client.get(list_url()))[0]
    assert row["status"] is None
    assert row["events_url"] == absolute("condition-events", condition.slug)


def test_condition_detail_is_found_by_slug_and_shaped_as_in_the_list(api_client):
    condition = linked_condition()
    response = api_client.get(detail_url(condition.slug))
    assert response.status_code == 200
    assert response.json() == results(api_client.get(list_url()))[0]


def test_status_keeps_conditions_whose_latest_event_has_that_status(api_client):
    met, unresolved = ConditionFactory(), ConditionFactory()
    add_event(met, "unresolved", date=datetime.date(2025, 10, 1))
    add_event(met, "met", date=datetime.date(2025, 10, 24))
    add_event(unresolved, "unresolved")
    assert found(api_client, status="met") == [met.slug]


def test_initiative_keeps_conditions_on_the_initiative_or_its_pledges(api_client):
    isf = InitiativeFactory()
    whole, pledge = held_up(initiative=isf), held_up(pledge=PledgeFactory(initiative=isf))
    held_up(initiative=InitiativeFactory())
    assert sorted(found(api_client, initiative=isf.slug)) == sorted([whole.slug, pledge.slug])


def test_pledge_keeps_conditions_that_hold_it_up_directly(api_client):
    pledge = PledgeFactory()
    hit, _miss = held_up(pledge=pledge), held_up(pledge=PledgeFactory())
    assert found(api_client, pledge=str(pledge.id)) == [hit.slug]


def test_pledge_keeps_conditions_that_hold_up_its_whole_initiative(api_client):
    pledge = PledgeFactory()
    hit, _miss = held_up(initiative=pledge.initiative), held_up(initiative=InitiativeFactory())
    assert found(api_client, pledge=str(pledge.id)) == [hit.slug]


def test_pledge_keeps_conditions_on_its_partys_participation_but_not_another_partys(api_client):
    pledge = PledgeFactory(party=by("TUR"))
    hit = held_up(initiative=pledge.initiative, party=by("TUR"))
    held_up(initiative=pledge.initiative, party=by("IDN"))
    assert found(api_client, pledge=str(pledge.id)) == [hit.slug]


def test_country_keeps_conditions_on_its_pledges_or_participation_not_those_it_insists_on(api_client):
    pledge = held_up(pledge=PledgeFactory(party=by("TUR")))
    participation = held_up(initiative=InitiativeFactory(), party=by("TUR"))
    held_up(initiative=InitiativeFactory(), insisted_by=by("TUR"))
    held_up(pledge=PledgeFactory(party=by("IDN")))
    assert sorted(found(api_client, country="TUR")) == sorted([pledge.slug, participation.slug])


def test_search_matches_condition_names_and_descriptions(api_client):
    named = ConditionFactory(name="UN mandate")
    described = ConditionFactory(description="A mandate from the Security Council")
    ConditionFactory(name="Rules of engagement")
    assert sorted(found(api_client, search="mandate")) == sorted([named.slug, described.slug])


@pytest.mark.parametrize(
    "param, value",
    [("status", "committed"), ("initiative", "no-such-initiative"), ("pledge", "twelve"), ("country", "ZZZ")],
)
def test_a_malformed_filter_value_is_a_400_naming_the_parameter(api_client, param, value):
    ConditionFactory()
    assert_problem(api_client.get(list_url(), {param: value}), 400, param)


def test_a_pledge_id_no_record_has_is_a_400_naming_pledge(api_client):
    unused = (Pledge.objects.aggregate(top=Max("id"))["top"] or 0) + 1
    assert_problem(api_client.get(list_url(), {"pledge": str(unused)}), 400, "pledge")


def test_editor_creates_a_condition_with_links_by_key(editor_client, written):
    response = editor_client.post(list_url(), payload(written), format="json")
    assert response.status_code == 201, response.content
    (link,) = response.json()["links"]
    assert link["initiative"]["slug"] == written["initiative"].slug
    assert [link[name]["key"] for name in ("party", "insisted_by", "must_act")] == ["TUR", "ISR", "hamas"]
    assert link["statement"]["id"] == written["statement"].id
    assert response.json()["status"] is None


def test_a_link_without_evidence_is_a_400_naming_links_and_writes_nothing(editor_client, written):
    before = [Condition.objects.count(), ConditionLink.objects.count(), Party.objects.count()]
    response = editor_client.post(list_url(), payload(written, statement=None), format="json")
    assert_problem(response, 400, "links")
    assert [Condition.objects.count(), ConditionLink.objects.count(), Party.objects.count()] == before


def test_a_link_holding_up_both_a_pledge_and_an_initiative_is_a_400_naming_links(editor_client, written):
    both = payload(written, pledge=PledgeFactory().id, party=None)
    assert_problem(editor_client.post(list_url(), both, format="json"), 400, "links")


def test_condition_update_replaces_its_links(editor_client, written):
    condition = linked_condition()
    response = editor_client.put(detail_url(condition.slug), {**payload(written), "slug": condition.slug})
    assert response.status_code == 200, response.content
    (link,) = condition.links.all()
    assert (link.initiative, link.statement, link.must_act.organization.slug) == (
        written["initiative"],
        written["statement"],
        "hamas",
    )


@pytest.mark.parametrize("status", ["unresolved", "under_negotiation", "met", "abandoned"])
def test_a_condition_event_sets_the_condition_status(editor_client, status):
    condition = ConditionFactory()
    event = {"status": status, "date": "2025-10-24", "sources": [SourceFactory().id]}
    response = editor_client.post(events_url(condition.slug), event, format="json")
    assert response.status_code == 201, response.content
    assert editor_client.get(detail_url(condition.slug)).json()["status"] == status


def test_deleting_a_condition_deletes_its_links(editor_client):
    condition = linked_condition()
    assert editor_client.delete(detail_url(condition.slug)).status_code == 204
    assert not ConditionLink.objects.filter(condition_id=condition.id).exists()


def test_deleting_a_condition_a_statement_is_about_is_a_409_naming_the_statement(editor_client):
    condition = ConditionFactory()
    statement = StatementFactory(targets=[StatementTarget(condition=condition, stance="skeptical")])
    assert statement.key in assert_problem(editor_client.delete(detail_url(condition.slug)), 409)["detail"]
    assert Condition.objects.filter(pk=condition.pk).exists()


def write(client, method, written):
    """A create, update, delete or event POST that an editor may make."""
    slug = ConditionFactory().slug
    if method == "event":
        event = {"status": "met", "date": "2025-10-24", "sources": [SourceFactory().id]}
        return client.post(events_url(slug), event, format="json")
    if method == "post":
        return client.post(list_url(), payload(written), format="json")
    if method == "put":
        return client.put(detail_url(slug), {**payload(written), "slug": slug}, format="json")
    return client.delete(detail_url(slug))


@pytest.mark.parametrize("method, status", [("post", 201), ("put", 200), ("delete", 204), ("event", 201)])
def test_editor_can_write_conditions(editor_client, written, method, status):
    assert write(editor_client, method, written).status_code == status


def test_condition_list_query_count_stays_flat(api_client):
    linked_condition()

    def add_rows(more):
        for _ in range(more):
            ConditionFactory(
                links=[
                    ConditionLink(initiative=InitiativeFactory(), party=by("TUR"), statement=StatementFactory()),
                    ConditionLink(pledge=PledgeFactory(), insisted_by=by("ISR"), source=SourceFactory()),
                ]
            )

    assert_queries_flat(api_client, list_url(), add_rows)
