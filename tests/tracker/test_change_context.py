import pytest
from django.contrib.auth.models import User

from commitments.models import Pledge, PledgeSource
from commitments.services.pledges import pledge_update
from tests.factories import PledgeFactory, SourceFactory
from tracker.history import change_context
from tracker.models import Change

pytestmark = pytest.mark.django_db


def test_a_service_call_in_a_change_context_leaves_a_version_with_its_reason_user_and_diff():
    pledge = PledgeFactory(description="before")
    user = User.objects.create_user("script")
    with change_context(reason="corrected from the original report", user=user):
        pledge_update(pledge, description="after")
    latest, previous = Pledge.history.filter(id=pledge.pk).order_by("-history_date", "-history_id")[:2]
    assert (latest.history_change_reason, latest.history_user) == ("corrected from the original report", user)
    assert [(c.field, c.old, c.new) for c in latest.diff_against(previous).changes] == [
        ("description", "before", "after")
    ]


def test_link_rows_written_by_a_service_carry_the_reason_too():
    pledge = PledgeFactory()
    with change_context(reason="added the translation"):
        pledge_update(pledge, sources=[*[link.source for link in pledge.source_links.all()], SourceFactory()])
    added = PledgeSource.history.filter(pledge_id=pledge.pk, history_type="+").latest("history_date")
    assert added.history_change_reason == "added the translation"
    entry = Change.objects.filter(collection="pledges", lookup=str(pledge.pk)).latest("id")
    assert (entry.action, entry.reason) == ("update", "added the translation")


def test_outside_a_change_context_the_reason_is_empty():
    pledge = PledgeFactory()
    assert Pledge.history.filter(id=pledge.pk).latest("history_date").history_change_reason in ("", None)
