"""`/{collection}/{lookup}/history/`: a record's versions and its links', newest first, with reasons and users."""

import pytest
from django.urls import reverse

from commitments.models import ConditionLink, StatementSpeaker, StatementTarget
from commitments.services.conditions import condition_update
from commitments.services.parties import party_for
from commitments.services.pledges import pledge_update
from countries.services import country_update
from tests.factories import (
    ConditionFactory,
    CountryGroupFactory,
    InitiativeFactory,
    OrganizationFactory,
    PersonFactory,
    PledgeFactory,
    SourceFactory,
    StatementFactory,
    add_event,
    country,
)
from tests.helpers import assert_problem, assert_queries_flat, results

pytestmark = pytest.mark.django_db


def history_url(basename, lookup):
    return reverse(f"v1:{basename}-history", args=[lookup])


def pledge_history(client, pledge):
    return results(client.get(history_url("pledge", pledge.pk)))


def links(entries, label, action):
    return [entry for entry in entries if entry.get("link") == label and entry["action"] == action]


@pytest.fixture
def staff_client(editor, editor_client):
    editor.is_staff = True
    editor.save(update_fields=["is_staff"])
    return editor_client


def test_edit_with_a_reason_leaves_a_version_with_that_reason_and_its_old_and_new_values(api_client, editor_client):
    pledge = PledgeFactory(description="Pasukn")
    url = reverse("v1:pledge-detail", args=[pledge.pk])
    response = editor_client.patch(url, {"description": "Pasukan"}, HTTP_X_CHANGE_REASON="fix typo")
    assert response.status_code == 200, response.content
    newest = pledge_history(api_client, pledge)[0]
    assert (newest["action"], newest["reason"]) == ("update", "fix typo")
    assert newest["changes"] == [{"field": "description", "old": "Pasukn", "new": "Pasukan"}]
    assert "link" not in newest


def test_changed_fields_carry_the_api_names_of_the_write_shape(api_client):
    pledge = PledgeFactory()
    pledge_update(pledge, quantity_qualifier="exact", quantity_low=200, quantity_high=200)
    changes = pledge_history(api_client, pledge)[0]["changes"]
    assert {change["field"] for change in changes} == {"quantity.qualifier", "quantity.low", "quantity.high"}
    assert {"field": "quantity.low", "old": None, "new": 200} in changes


def test_create_lists_the_values_it_set(api_client):
    pledge = PledgeFactory(description="Pasukan")
    oldest = pledge_history(api_client, pledge)[-1]
    assert oldest["action"] == "create"
    assert {"field": "description", "old": None, "new": "Pasukan"} in oldest["changes"]
    assert not {"created", "updated", "id"} & {change["field"] for change in oldest["changes"]}


def test_a_source_added_to_a_pledge_shows_as_link_added(api_client, editor_client):
    pledge = PledgeFactory()
    first, added = pledge.source_links.get().source, SourceFactory()
    response = editor_client.patch(reverse("v1:pledge-detail", args=[pledge.pk]), {"sources": [first.pk, added.pk]})
    assert response.status_code == 200, response.content
    newest, oldest = links(pledge_history(api_client, pledge), "sources", "link_added")
    assert (newest["target"]["source"]["id"], oldest["target"]["source"]["id"]) == (added.pk, first.pk)
    assert newest["target"]["source"]["name"] == str(added)
    assert {"field": "source", "old": None, "new": {"id": added.pk, "name": str(added)}} in newest["changes"]


def test_a_source_removed_from_a_pledge_shows_as_link_removed(api_client, editor_client):
    pledge = PledgeFactory()
    removed, kept = pledge.source_links.get().source, SourceFactory()
    response = editor_client.patch(reverse("v1:pledge-detail", args=[pledge.pk]), {"sources": [kept.pk]})
    assert response.status_code == 200, response.content
    [entry] = links(pledge_history(api_client, pledge), "sources", "link_removed")
    assert entry["target"]["source"] == {"id": removed.pk, "name": str(removed)}
    assert {"field": "source", "old": {"id": removed.pk, "name": str(removed)}, "new": None} in entry["changes"]


def test_an_event_added_to_a_pledge_shows_with_its_evidence_and_the_status_it_set(api_client):
    pledge = PledgeFactory()
    event = add_event(pledge, "offered")
    entries = pledge_history(api_client, pledge)
    [added] = links(entries, "events", "link_added")
    assert added["target"]["id"] == event.pk
    assert {"field": "status", "old": None, "new": "offered"} in added["changes"]
    [evidence] = links(entries, "evidence", "link_added")
    assert evidence["target"]["event"] == {"id": event.pk}
    status = [entry for entry in entries if entry["action"] == "update"][0]
    assert {"field": "status", "old": None, "new": "offered"} in status["changes"]


def test_a_condition_link_shows_on_the_pledge_and_on_the_condition(api_client):
    pledge, source = PledgeFactory(), SourceFactory()
    condition = ConditionFactory()
    condition_update(condition, links=[ConditionLink(pledge=pledge, source=source)])
    assert links(pledge_history(api_client, pledge), "condition_links", "link_added")
    entries = results(api_client.get(history_url("condition", condition.slug)))
    [link] = links(entries, "links", "link_added")
    assert link["target"]["source"]["id"] == source.pk


def test_versions_are_newest_first(api_client):
    pledge = PledgeFactory(description="one")
    pledge_update(pledge, description="two")
    add_event(pledge, "offered")
    pledge_update(pledge, description="three")
    entries = pledge_history(api_client, pledge)
    times = [entry["time"] for entry in entries]
    assert times == sorted(times, reverse=True)
    assert entries[0]["changes"] == [{"field": "description", "old": "two", "new": "three"}]
    assert entries[-1]["action"] == "create"


def edited_pledge(editor_client):
    pledge = PledgeFactory()
    url = reverse("v1:pledge-detail", args=[pledge.pk])
    assert editor_client.patch(url, {"description": "Pasukan"}).status_code == 200
    return pledge


def test_anonymous_users_do_not_see_who_changed_it(api_client, editor_client):
    entries = pledge_history(api_client, edited_pledge(editor_client))
    assert {entry["user"] for entry in entries} == {None}


def test_authenticated_non_staff_users_do_not_see_who_changed_it(reader_client, editor_client):
    entries = pledge_history(reader_client, edited_pledge(editor_client))
    assert {entry["user"] for entry in entries} == {None}


def test_staff_see_who_changed_it(staff_client):
    entries = pledge_history(staff_client, edited_pledge(staff_client))
    assert entries[0]["user"] == "editor"


@pytest.mark.parametrize(("basename", "lookup"), [("pledge", 987654), ("condition", "no-such-condition")])
def test_unknown_record_is_a_404_problem(api_client, basename, lookup):
    assert_problem(api_client.get(history_url(basename, lookup)), 404)


def test_cursor_paging_is_refused_naming_the_parameter(api_client):
    pledge = PledgeFactory()
    assert_problem(api_client.get(history_url("pledge", pledge.pk), {"cursor": ""}), 400, "cursor")


def test_history_is_paged_by_number(api_client):
    pledge = PledgeFactory()
    for number in range(3):
        pledge_update(pledge, description=f"version {number}")
    body = api_client.get(history_url("pledge", pledge.pk), {"page_size": 2}).json()
    assert body["count"] == len(pledge_history(api_client, pledge)) and len(body["results"]) == 2
    assert body["next"]


LOOKUPS = {
    "countrygroup": (CountryGroupFactory, lambda record: record.slug),
    "organization": (OrganizationFactory, lambda record: record.slug),
    "person": (PersonFactory, lambda record: record.slug),
    "initiative": (InitiativeFactory, lambda record: record.slug),
    "pledge": (PledgeFactory, lambda record: record.pk),
    "condition": (ConditionFactory, lambda record: record.slug),
    "statement": (StatementFactory, lambda record: record.pk),
    "source": (SourceFactory, lambda record: record.pk),
}


@pytest.mark.parametrize("basename", LOOKUPS)
def test_each_collection_answers_at_its_own_lookup(api_client, basename):
    factory, lookup = LOOKUPS[basename]
    entries = results(api_client.get(history_url(basename, lookup(factory()))))
    assert entries[-1]["action"] == "create"


def test_countries_answer_at_their_iso3_in_any_case(api_client):
    indonesia = country("IDN")
    country_update(indonesia, name="Republic of Indonesia")
    country_update(indonesia, name="Indonesia")
    newest = results(api_client.get(history_url("country", "idn")))[0]
    assert newest["changes"] == [{"field": "name", "old": "Republic of Indonesia", "new": "Indonesia"}]


def test_statement_speakers_sources_and_targets_show(api_client):
    person, turkey = PersonFactory(), party_for(country=country("TUR"))
    statement = StatementFactory(
        speakers=[StatementSpeaker(person=person)], targets=[StatementTarget(party=turkey, stance="opposes")]
    )
    entries = results(api_client.get(history_url("statement", statement.pk)))
    assert links(entries, "speakers", "link_added")[0]["target"]["person"] == {"slug": person.slug, "name": person.name}
    assert links(entries, "targets", "link_added")[0]["target"]["party"] == {
        "type": "country",
        "key": "TUR",
        "name": "Türkiye",
    }
    assert links(entries, "sources", "link_added")


def test_group_memberships_show(api_client, editor_client):
    group = CountryGroupFactory()
    response = editor_client.patch(reverse("v1:countrygroup-detail", args=[group.slug]), {"members": ["EGY"]})
    assert response.status_code == 200, response.content
    [added] = links(results(api_client.get(history_url("countrygroup", group.slug))), "memberships", "link_added")
    assert added["target"]["country"] == {"iso3": "EGY", "name": "Egypt"}


def test_query_count_does_not_grow_with_the_number_of_versions(staff_client):
    pledge = PledgeFactory()
    add_event(pledge, "offered")
    condition_update(ConditionFactory(), links=[ConditionLink(pledge=pledge, source=SourceFactory())])

    def add_versions(count):
        for number in range(count):
            body = {"description": f"version {number}", "sources": [SourceFactory().pk]}
            assert staff_client.patch(reverse("v1:pledge-detail", args=[pledge.pk]), body).status_code == 200
            add_event(pledge, "committed")

    assert_queries_flat(staff_client, history_url("pledge", pledge.pk), add_versions)
