"""The pledge services, called directly: keys, required sources, condition links, history reasons."""

import pytest
from django.core.exceptions import ValidationError

from commitments.models import ConditionLink, Pledge, PledgeSource
from commitments.services.conditions import condition_create
from commitments.services.parties import party_for
from commitments.services.pledges import pledge_create, pledge_delete, pledge_update
from tests.factories import InitiativeFactory, SourceFactory, add_event, country
from tracker.history import change_context

pytestmark = pytest.mark.django_db


@pytest.fixture
def indonesia():
    return party_for(country=country("IDN"))


def new_pledge(party, initiative, **fields):
    return pledge_create(party=party, initiative=initiative, kind="troops", sources=[SourceFactory()], **fields)


def test_a_pledge_is_created_with_its_sources_and_no_status(indonesia):
    source = SourceFactory()
    pledge = pledge_create(party=indonesia, initiative=InitiativeFactory(), kind="troops", sources=[(source, "p. 2")])
    assert list(pledge.source_links.values_list("source", "locator")) == [(source.pk, "p. 2")]
    assert (pledge.status, pledge.announced) == (None, None)


def test_a_pledge_key_names_its_party_initiative_and_kind(indonesia):
    initiative = InitiativeFactory(slug="gaza-isf")
    assert new_pledge(indonesia, initiative).key == "idn-gaza-isf-troops"


def test_a_second_pledge_alike_gets_the_next_key(indonesia):
    initiative = InitiativeFactory(slug="gaza-isf")
    new_pledge(indonesia, initiative)
    assert new_pledge(indonesia, initiative).key == "idn-gaza-isf-troops-2"


def test_a_pledge_without_a_source_is_refused_and_nothing_is_written(indonesia):
    with pytest.raises(ValidationError) as refused:
        pledge_create(party=indonesia, initiative=InitiativeFactory(), kind="troops", sources=[])
    assert refused.value.message_dict == {"sources": ["Cite at least one source."]}
    assert not Pledge.objects.exists()


def test_a_pledge_breaking_a_quantity_rule_is_refused(indonesia):
    with pytest.raises(ValidationError):
        new_pledge(indonesia, InitiativeFactory(), quantity_qualifier="exact", quantity_low=200)
    assert not Pledge.objects.exists() and not PledgeSource.objects.exists()


def test_an_update_cannot_remove_the_last_source(indonesia):
    pledge = new_pledge(indonesia, InitiativeFactory())
    with pytest.raises(ValidationError) as refused:
        pledge_update(pledge, description="Changed.", sources=[])
    assert "sources" in refused.value.message_dict
    pledge.refresh_from_db()
    assert (pledge.description, pledge.source_links.count()) == ("", 1)


def test_an_update_replaces_the_sources_keeping_those_named_again(indonesia):
    pledge = new_pledge(indonesia, InitiativeFactory())
    kept, added = pledge.source_links.get(), SourceFactory()
    pledge_update(pledge, sources=[(kept.source, "p. 4"), added])
    assert list(pledge.source_links.values_list("id", "locator")) == [
        (kept.id, "p. 4"),
        (pledge.source_links.last().id, ""),
    ]
    assert set(pledge.source_links.values_list("source", flat=True)) == {kept.source_id, added.pk}


def test_an_update_that_changes_nothing_leaves_no_version(indonesia):
    pledge = new_pledge(indonesia, InitiativeFactory())
    versions = pledge.history.count()
    pledge_update(pledge, kind="troops", description="")
    assert pledge.history.count() == versions


def test_condition_links_are_set_from_the_pledge(indonesia):
    pledge = new_pledge(indonesia, InitiativeFactory())
    condition = condition_create(slug="mandate", name="A UN mandate")
    source = SourceFactory()
    pledge_update(pledge, condition_links=[ConditionLink(condition=condition, source=source)])
    assert list(pledge.condition_links.values_list("condition", "source")) == [(condition.pk, source.pk)]
    pledge_update(pledge, condition_links=[])
    assert not ConditionLink.objects.exists()


def test_the_same_condition_twice_on_a_pledge_is_refused(indonesia):
    pledge = new_pledge(indonesia, InitiativeFactory())
    condition = condition_create(slug="mandate", name="A UN mandate")
    links = [ConditionLink(condition=condition, source=SourceFactory()) for _ in range(2)]
    with pytest.raises(ValidationError) as refused:
        pledge_update(pledge, condition_links=links)
    assert "condition_links" in refused.value.message_dict


def test_the_reason_and_user_of_the_change_context_reach_the_history(indonesia, editor):
    with change_context(reason="Reported by Antara.", user=editor):
        pledge = new_pledge(indonesia, InitiativeFactory())
    version = pledge.history.get()
    assert (version.history_change_reason, version.history_user) == ("Reported by Antara.", editor)
    link = PledgeSource.history.get(pledge_id=pledge.pk)
    assert link.history_change_reason == "Reported by Antara."


def test_deleting_a_pledge_deletes_its_events_and_source_links(indonesia):
    pledge = new_pledge(indonesia, InitiativeFactory())
    add_event(pledge, "committed")
    pledge_delete(pledge)
    assert not Pledge.objects.exists() and not PledgeSource.objects.exists()
