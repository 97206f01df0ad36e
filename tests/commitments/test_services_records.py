"""The services of the records without links of their own: sources, initiatives, organizations, people and
parties, called directly."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from commitments.models import Initiative, Organization, Party, Source
from commitments.services.initiatives import initiative_create, initiative_delete, initiative_update
from commitments.services.parties import (
    organization_create,
    organization_delete,
    organization_update,
    party_create,
    party_delete,
    party_for,
    party_update,
    person_create,
)
from commitments.services.sources import source_create, source_delete, source_update
from tests.factories import InitiativeFactory, OrganizationFactory, country
from tracker.history import change_context

pytestmark = pytest.mark.django_db

FRIDAY = datetime.date(2025, 10, 24)


def report(**fields):
    return source_create(**{"title": "Report", "language": "en", "kind": "news_report", **fields})


def test_a_source_published_in_a_month_is_stored_from_its_first_day():
    assert report(published=FRIDAY, published_precision="month").published == datetime.date(2025, 10, 1)


def test_a_source_update_of_the_precision_alone_moves_the_stored_date():
    source = report(published=FRIDAY)
    source_update(source, published_precision="year")
    source.refresh_from_db()
    assert source.published == datetime.date(2025, 1, 1)


def test_a_source_without_a_title_is_refused():
    with pytest.raises(ValidationError) as refused:
        report(title="")
    assert "title" in refused.value.message_dict
    assert not Source.objects.exists()


def test_a_source_change_records_the_reason(editor):
    source = report()
    with change_context(reason="The archived copy.", user=editor):
        source_update(source, archive_url="https://web.archive.org/web/2025/https://example.org/")
    assert source.history.latest().history_change_reason == "The archived copy."
    source_delete(source)
    assert not Source.objects.exists()


def test_an_initiative_dates_are_stored_from_the_first_day_of_their_periods():
    initiative = initiative_create(slug="gaza-isf", name="ISF", start=FRIDAY, start_precision="week")
    assert initiative.start == datetime.date(2025, 10, 20)
    initiative_update(initiative, end=datetime.date(2026, 3, 17), end_precision="month")
    initiative.refresh_from_db()
    assert initiative.end == datetime.date(2026, 3, 1)


def test_an_initiative_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValidationError):
        initiative_create(slug="gaza-isf", name="ISF", start=FRIDAY, end=datetime.date(2025, 1, 1))
    assert not Initiative.objects.exists()


def test_an_initiative_cannot_sit_below_itself():
    parent = InitiativeFactory()
    child = InitiativeFactory(parent=parent)
    with pytest.raises(ValidationError) as refused:
        initiative_update(parent, parent=child)
    assert "parent" in refused.value.message_dict
    initiative_delete(child)
    assert list(Initiative.objects.values_list("pk", flat=True)) == [parent.pk]


def test_an_organization_slug_already_taken_is_refused():
    OrganizationFactory(slug="aseanapol")
    with pytest.raises(ValidationError) as refused:
        organization_create(slug="aseanapol", name="ASEAN Police", kind="multilateral")
    assert "slug" in refused.value.message_dict


def test_an_organization_and_its_people_are_written():
    organization = organization_create(slug="tni", name="TNI", kind="military", country=country("IDN"))
    person = person_create(slug="spokesperson", name="A spokesperson", organization=organization)
    organization_update(organization, acronym="TNI")
    assert (Organization.objects.get().acronym, person.organization_id) == ("TNI", organization.pk)


def test_a_party_is_made_once_for_its_record():
    indonesia = country("IDN")
    party = party_create(country=indonesia)
    assert party_create(country=indonesia) == party == party_for(country=indonesia)


def test_a_party_of_two_records_is_refused():
    with pytest.raises(ValidationError):
        party_create(country=country("IDN"), organization=OrganizationFactory())
    assert not Party.objects.exists()


def test_a_party_stays_the_record_it_was_made_for():
    party = party_create(country=country("IDN"))
    party_update(party, country=party.country)
    with pytest.raises(ValidationError) as refused:
        party_update(party, country=country("PAK"))
    assert "country" in refused.value.message_dict
    party_delete(party)
    assert not Party.objects.exists()


def test_deleting_an_organization_deletes_its_party():
    organization = OrganizationFactory()
    party_for(organization=organization)
    organization_delete(organization)
    assert not Party.objects.exists()
