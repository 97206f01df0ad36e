"""The condition services, called directly: links where the condition bites, history reasons."""

import pytest
from django.core.exceptions import ValidationError

from commitments.models import Condition, ConditionLink
from commitments.services.conditions import condition_create, condition_delete, condition_update
from tests.factories import InitiativeFactory, PledgeFactory, SourceFactory
from tracker.history import change_context

pytestmark = pytest.mark.django_db


def test_a_condition_is_created_with_its_links():
    pledge, source = PledgeFactory(), SourceFactory()
    condition = condition_create(
        slug="mandate", name="A UN mandate", links=[ConditionLink(pledge=pledge, source=source)]
    )
    assert list(condition.links.values_list("pledge", "source")) == [(pledge.pk, source.pk)]
    assert condition.status is None


def test_a_link_without_evidence_is_refused_and_nothing_is_written():
    with pytest.raises(ValidationError):
        condition_create(slug="mandate", name="A UN mandate", links=[ConditionLink(pledge=PledgeFactory())])
    assert not Condition.objects.exists()


def test_the_same_link_twice_is_refused():
    pledge = PledgeFactory()
    links = [ConditionLink(pledge=pledge, source=SourceFactory()) for _ in range(2)]
    with pytest.raises(ValidationError) as refused:
        condition_create(slug="mandate", name="A UN mandate", links=links)
    assert "links" in refused.value.message_dict


def test_an_update_keeps_a_link_named_again_and_drops_the_others():
    pledge, initiative, source = PledgeFactory(), InitiativeFactory(), SourceFactory()
    condition = condition_create(
        slug="mandate",
        name="A UN mandate",
        links=[ConditionLink(pledge=pledge, source=source), ConditionLink(initiative=initiative, source=source)],
    )
    kept = condition.links.get(pledge=pledge)
    condition_update(condition, links=[ConditionLink(pledge=pledge, source=source, note="Per the resolution.")])
    assert list(condition.links.values_list("id", "note")) == [(kept.pk, "Per the resolution.")]


def test_an_update_without_links_leaves_them():
    condition = condition_create(
        slug="mandate", name="A UN mandate", links=[ConditionLink(pledge=PledgeFactory(), source=SourceFactory())]
    )
    condition_update(condition, description="Security Council resolution 2803.")
    assert condition.links.count() == 1


def test_the_reason_of_the_change_context_reaches_the_condition_and_its_links(editor):
    with change_context(reason="Named by the minister.", user=editor):
        condition = condition_create(
            slug="mandate", name="A UN mandate", links=[ConditionLink(pledge=PledgeFactory(), source=SourceFactory())]
        )
    assert condition.history.get().history_change_reason == "Named by the minister."
    assert ConditionLink.history.get().history_user == editor


def test_deleting_a_condition_deletes_its_links():
    condition = condition_create(
        slug="mandate", name="A UN mandate", links=[ConditionLink(pledge=PledgeFactory(), source=SourceFactory())]
    )
    condition_delete(condition)
    assert not ConditionLink.objects.exists()
