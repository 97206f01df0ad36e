import pytest

from tests.factories import PledgeFactory, StatementFactory, add_event


@pytest.mark.django_db
def test_pledge_factory_builds_a_sourced_pledge_whose_status_follows_its_event():
    pledge = PledgeFactory()
    add_event(pledge, "possible")
    pledge.refresh_from_db()
    assert pledge.status == "possible"
    assert pledge.source_links.count() == 1
    assert StatementFactory().source_links.count() == 1
