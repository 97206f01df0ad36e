"""A list is filtered by its filterset only when the request gives one of the filterset's parameters: one that
gives none keeps every record without building the filterset and its form."""

import pytest

from commitments.filters import PledgeFilterSet
from commitments.services.parties import party_for
from tests.factories import PledgeFactory, country
from tests.helpers import results

pytestmark = pytest.mark.django_db

PLEDGES = "/api/v1/pledges/"


@pytest.fixture
def built(monkeypatch):
    """The filtersets built, counted."""
    counted = []
    original = PledgeFilterSet.__init__

    def counting(self, *args, **kwargs):
        counted.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(PledgeFilterSet, "__init__", counting)
    return counted


def test_a_list_given_no_filter_keeps_every_record_and_builds_no_filterset(api_client, built):
    pledges = [PledgeFactory(party=party_for(country=country(iso3))) for iso3 in ("IDN", "TUR")]
    for params in ({}, {"page_size": 1, "page": 2}, {"cursor": "", "ordering": "-id"}, {"as_of": "2100-01-01"}):
        found = results(api_client.get(PLEDGES, {"page_size": 10, **params}))
        assert len(found) == (1 if params.get("page") else len(pledges)), params
    assert built == []


def test_a_list_given_a_filter_is_filtered_and_an_invalid_one_refused(api_client, built):
    indonesian = PledgeFactory(party=party_for(country=country("IDN")))
    PledgeFactory(party=party_for(country=country("TUR")))
    assert [row["id"] for row in results(api_client.get(PLEDGES, {"country": "IDN"}))] == [indonesian.id]
    assert api_client.get(PLEDGES, {"quantity_min": "many"}).status_code == 400
    assert len(built) == 2
