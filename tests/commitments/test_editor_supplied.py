"""Values an editor supplied rather than a source stated: written, read, validated, kept in history and audited."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from commitments.audit import audit_lines
from commitments.models import Organization
from commitments.services.parties import organization_create
from countries.services import country_group_members_set
from tests.factories import (
    ConditionFactory,
    CountryGroupFactory,
    InitiativeFactory,
    OrganizationFactory,
    PersonFactory,
    PledgeFactory,
    country,
)
from tests.helpers import assert_problem, results

pytestmark = pytest.mark.django_db

RECORDS = [
    ("organization", OrganizationFactory, "slug", "kind"),
    ("person", PersonFactory, "slug", "country"),
    ("countrygroup", CountryGroupFactory, "slug", "members"),
    ("initiative", InitiativeFactory, "slug", "lead"),
    ("condition", ConditionFactory, "slug", "description"),
    ("pledge", PledgeFactory, "key", "quantity"),
]


@pytest.mark.parametrize(("basename", "factory", "lookup", "value"), RECORDS)
def test_a_record_reads_which_of_its_values_an_editor_supplied(api_client, basename, factory, lookup, value):
    record = factory(editor_supplied=[value])
    plain = factory()
    detail = api_client.get(reverse(f"v1:{basename}-detail", args=[getattr(record, lookup)])).json()
    assert detail["editor_supplied"] == [value]
    listed = {row[lookup]: row["editor_supplied"] for row in results(api_client.get(reverse(f"v1:{basename}-list")))}
    assert listed[getattr(plain, lookup)] == []


@pytest.mark.parametrize(("basename", "factory", "lookup", "value"), RECORDS)
def test_an_editor_marks_and_unmarks_a_value(editor_client, basename, factory, lookup, value):
    record = factory()
    url = reverse(f"v1:{basename}-detail", args=[getattr(record, lookup)])
    marked = editor_client.patch(url, {"editor_supplied": [value]}, format="json")
    assert marked.status_code == 200, marked.content
    assert marked.json()["editor_supplied"] == [value]
    cleared = editor_client.patch(url, {"editor_supplied": []}, format="json")
    assert cleared.json()["editor_supplied"] == []


@pytest.mark.parametrize(("basename", "factory", "lookup", "value"), RECORDS)
def test_a_name_the_record_does_not_have_is_a_400_listing_those_it_has(editor_client, basename, factory, lookup, value):
    record = factory()
    url = reverse(f"v1:{basename}-detail", args=[getattr(record, lookup)])
    body = assert_problem(editor_client.patch(url, {"editor_supplied": ["colour"]}, format="json"), 400)
    message = str(body["errors"]["editor_supplied.0"])
    assert "colour" in message and value in message


def test_the_service_refuses_a_name_the_record_does_not_have_and_writes_nothing():
    with pytest.raises(ValidationError) as refused:
        organization_create(slug="rusi", name="RUSI", kind="think_tank", editor_supplied=["colour"])
    assert "editor_supplied" in refused.value.message_dict
    assert not Organization.objects.filter(slug="rusi").exists()


def test_a_reader_cannot_mark_a_value(reader_client):
    organization = OrganizationFactory()
    url = reverse("v1:organization-detail", args=[organization.slug])
    assert reader_client.patch(url, {"editor_supplied": ["kind"]}, format="json").status_code == 403
    assert Organization.objects.get(pk=organization.pk).editor_supplied == []


def test_names_are_kept_once_in_the_records_order(editor_client):
    organization = OrganizationFactory()
    url = reverse("v1:organization-detail", args=[organization.slug])
    response = editor_client.patch(url, {"editor_supplied": ["description", "kind", "description"]}, format="json")
    assert response.json()["editor_supplied"] == ["kind", "description"]


def test_the_same_names_in_another_order_change_nothing(editor_client):
    organization = OrganizationFactory(editor_supplied=["kind", "description"])
    versions = organization.history.count()
    url = reverse("v1:organization-detail", args=[organization.slug])
    response = editor_client.patch(url, {"editor_supplied": ["description", "kind"]}, format="json")
    assert response.status_code == 200 and response.json()["editor_supplied"] == ["kind", "description"]
    assert organization.history.count() == versions


def test_marking_a_value_is_a_version_in_the_history(editor_client):
    organization = OrganizationFactory()
    url = reverse("v1:organization-detail", args=[organization.slug])
    editor_client.patch(url, {"editor_supplied": ["kind"]}, format="json", HTTP_X_CHANGE_REASON="kind not sourced")
    newest = editor_client.get(f"{url}history/").json()["results"][0]
    assert newest["reason"] == "kind not sourced"
    assert {change["field"]: change["new"] for change in newest["changes"]}["editor_supplied"] == ["kind"]


def test_the_audit_lists_each_value_an_editor_supplied():
    OrganizationFactory(slug="rusi", editor_supplied=["kind", "description"])
    PledgeFactory(key="idn-troops", editor_supplied=["quantity"])
    lines = audit_lines()
    assert "organizations/rusi: kind supplied by an editor" in lines
    assert "organizations/rusi: description supplied by an editor" in lines
    assert "pledges/idn-troops: quantity supplied by an editor" in lines


def test_group_members_an_editor_marked_are_listed_as_the_editors_not_as_unsourced():
    group = CountryGroupFactory(slug="gulf-states", editor_supplied=["members"])
    country_group_members_set(group, [country("SAU")])
    lines = audit_lines()
    assert "country-groups/gulf-states: members supplied by an editor" in lines
    assert not any("members recorded without a source" in line for line in lines)
