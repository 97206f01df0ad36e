"""Record history speaks the API's language: related records by key, slug or ISO code with their names, never
a bare internal id, and no precision shown for a date that is not there."""

import pytest
from django.urls import reverse

from commitments.services.initiatives import initiative_delete
from commitments.services.parties import party_for
from commitments.services.pledges import pledge_update
from tests.factories import InitiativeFactory, PledgeFactory, add_event, country
from tests.helpers import results

pytestmark = pytest.mark.django_db


def history(client, pledge):
    return results(client.get(reverse("v1:pledge-history", args=[pledge.pk])))


def change_of(entry, field):
    return next(change for change in entry["changes"] if change["field"] == field)


def test_a_changed_initiative_shows_both_slugs_with_their_names(api_client):
    first, second = InitiativeFactory(), InitiativeFactory()
    pledge = PledgeFactory(initiative=first)
    pledge_update(pledge, initiative=second)

    change = change_of(history(api_client, pledge)[0], "initiative")

    assert change["old"] == {"slug": first.slug, "name": first.name}
    assert change["new"] == {"slug": second.slug, "name": second.name}


def test_a_changed_party_shows_as_the_api_writes_it(api_client):
    pledge = PledgeFactory(party=party_for(country=country("IDN")))
    pledge_update(pledge, party=party_for(country=country("EGY")))

    change = change_of(history(api_client, pledge)[0], "party")

    assert change["old"] == {"type": "country", "key": "IDN", "name": "Indonesia"}
    assert change["new"] == {"type": "country", "key": "EGY", "name": "Egypt"}


def test_an_initiative_deleted_since_is_named_from_its_history(api_client):
    gone, kept = InitiativeFactory(), InitiativeFactory()
    pledge = PledgeFactory(initiative=gone)
    pledge_update(pledge, initiative=kept)
    initiative_delete(gone)

    change = change_of(history(api_client, pledge)[0], "initiative")

    assert change["old"] == {"slug": gone.slug, "name": gone.name}


def test_a_new_pledge_shows_no_precision_for_its_missing_announced_date(api_client):
    pledge = PledgeFactory()
    created = history(api_client, pledge)[-1]
    assert created["action"] == "create"
    assert "announced_precision" not in {change["field"] for change in created["changes"]}
    assert {
        "field": "initiative",
        "old": None,
        "new": {"slug": pledge.initiative.slug, "name": pledge.initiative.name},
    } in created["changes"]


def test_no_change_anywhere_is_a_bare_id(api_client):
    pledge = PledgeFactory()
    pledge_update(pledge, initiative=InitiativeFactory(), party=party_for(country=country("EGY")))
    for entry in history(api_client, pledge):
        for change in entry["changes"]:
            for value in (change["old"], change["new"]):
                assert not isinstance(value, int) or change["field"] in {"low", "high", "quantity_low", "quantity_high"}


def test_a_date_set_later_shows_its_precision_as_new_only(api_client):
    pledge = PledgeFactory()
    add_event(pledge, "offered", precision="week")
    change = change_of(history(api_client, pledge)[0], "announced_precision")
    assert (change["old"], change["new"]) == (None, "week")
