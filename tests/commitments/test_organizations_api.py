import pytest
from django.urls import reverse

from commitments.models import Organization
from commitments.services.parties import party_for
from commitments.services.pledges import pledge_delete
from tests.factories import OrganizationFactory, PersonFactory, PledgeFactory, SourceFactory, country
from tests.helpers import assert_problem, assert_queries_flat, results, slugs

pytestmark = pytest.mark.django_db

LIST = reverse("v1:organization-list")


def detail(slug):
    return reverse("v1:organization-detail", args=[slug])


def absolute(path):
    return f"http://testserver{path}"


def as_keys(read):
    """What a client writes back: the read representation with nested records replaced by their keys."""
    keys = {"country": (read["country"] or {}).get("iso3"), "parent": (read["parent"] or {}).get("slug")}
    return {**read, **keys}


def test_list_row_shows_country_and_parent_as_small_objects_with_absolute_urls(api_client):
    parent = OrganizationFactory(name="Ministry of Defence")
    org = OrganizationFactory(
        name="Turkish Land Forces", acronym="TLF", kind="military", country=country("TUR"), parent=parent
    )
    row = next(row for row in results(api_client.get(LIST)) if row["slug"] == org.slug)
    assert row["url"] == absolute(detail(org.slug))
    assert (row["name"], row["acronym"], row["kind"], row["description"]) == (
        "Turkish Land Forces",
        "TLF",
        "military",
        "",
    )
    country_url = absolute(reverse("v1:country-detail", args=["TUR"]))
    assert row["country"] == {"iso3": "TUR", "name": "Türkiye", "url": country_url}
    assert row["parent"] == {"slug": parent.slug, "name": "Ministry of Defence", "url": absolute(detail(parent.slug))}
    assert row["created"].endswith("Z") and row["updated"].endswith("Z")


def test_organization_without_country_or_parent_shows_them_as_null(api_client):
    OrganizationFactory()
    (row,) = results(api_client.get(LIST))
    assert row["country"] is None and row["parent"] is None


def test_detail_is_shaped_like_the_list_row(api_client):
    org = OrganizationFactory(country=country("TUR"), parent=OrganizationFactory())
    listed = next(row for row in results(api_client.get(LIST)) if row["slug"] == org.slug)
    assert api_client.get(detail(org.slug)).json() == listed


def test_kind_filter_keeps_any_of_the_kinds(api_client):
    military = OrganizationFactory(kind="military")
    media = OrganizationFactory(kind="media")
    OrganizationFactory(kind="ngo")
    assert slugs(api_client.get(LIST, {"kind": "military,media", "ordering": "id"})) == [military.slug, media.slug]


def test_invalid_kind_filter_is_a_400_naming_kind(api_client):
    assert_problem(api_client.get(LIST, {"kind": "military,army"}), 400, "kind")


def test_country_filter_takes_alpha3_or_alpha2_codes_as_any_of(api_client):
    turkish = OrganizationFactory(country=country("TUR"))
    egyptian = OrganizationFactory(country=country("EGY"))
    OrganizationFactory(country=country("QAT"))
    OrganizationFactory()
    response = api_client.get(LIST, {"country": "tur,EG", "ordering": "id"})
    assert slugs(response) == [turkish.slug, egyptian.slug]


def test_unknown_country_filter_is_a_400_naming_country(api_client):
    assert_problem(api_client.get(LIST, {"country": "QQQ"}), 400, "country")


def test_search_matches_name_acronym_and_description(api_client):
    by_name = OrganizationFactory(name="Crisis Group")
    by_acronym = OrganizationFactory(name="International Crisis Watch", acronym="ICW")
    by_description = OrganizationFactory(description="A think tank that writes on crisis diplomacy.")
    OrganizationFactory(name="Reuters")
    found = slugs(api_client.get(LIST, {"search": "crisis", "ordering": "id"}))
    assert found == [by_name.slug, by_acronym.slug, by_description.slug]
    assert slugs(api_client.get(LIST, {"search": "icw"})) == [by_acronym.slug]


def test_ordering_by_kind_then_descending_name(api_client):
    for name, kind in [("A", "ngo"), ("B", "media"), ("C", "ngo")]:
        OrganizationFactory(name=name, kind=kind)
    names = [row["name"] for row in results(api_client.get(LIST, {"ordering": "kind,-name"}))]
    assert names == ["B", "C", "A"]


def test_editor_creates_an_organization_with_country_and_parent_by_key(editor_client):
    parent = OrganizationFactory()
    body = {"slug": "tsk", "name": "Turkish Armed Forces", "kind": "military", "country": "tr", "parent": parent.slug}
    response = editor_client.post(LIST, body, format="json")
    assert response.status_code == 201, response.content
    assert response["Location"] == response.json()["url"] == absolute(detail("tsk"))
    read = editor_client.get(detail("tsk")).json()
    assert (read["country"]["iso3"], read["parent"]["slug"], read["acronym"]) == ("TUR", parent.slug, "")


def test_editor_replaces_an_organization_with_put(editor_client):
    org = OrganizationFactory(country=country("TUR"))
    body = {"slug": org.slug, "name": "Renamed", "kind": "ngo", "country": None}
    response = editor_client.put(detail(org.slug), body, format="json")
    assert response.status_code == 200, response.content
    org.refresh_from_db()
    assert (org.name, org.kind, org.country) == ("Renamed", "ngo", None)


def test_editor_changes_one_field_with_patch(editor_client):
    org = OrganizationFactory(country=country("TUR"))
    response = editor_client.patch(detail(org.slug), {"acronym": "NEW"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["acronym"] == "NEW" and response.json()["country"]["iso3"] == "TUR"


def test_organization_read_with_related_records_as_keys_can_be_written_back(editor_client):
    org = OrganizationFactory(
        acronym="X", description="Described.", country=country("TUR"), parent=OrganizationFactory()
    )
    read = editor_client.get(detail(org.slug)).json()
    response = editor_client.put(detail(org.slug), as_keys(read), format="json")
    assert response.status_code == 200, response.content
    assert {**response.json(), "updated": None} == {**read, "updated": None}


def test_editor_deletes_an_organization(editor_client):
    org = OrganizationFactory()
    assert editor_client.delete(detail(org.slug)).status_code == 204
    assert not Organization.objects.filter(pk=org.pk).exists()


def test_editor_deletes_an_organization_whose_pledges_are_gone(editor_client):
    org = OrganizationFactory()
    pledge_delete(PledgeFactory(party=party_for(organization=org)))
    assert editor_client.delete(detail(org.slug)).status_code == 204
    assert not Organization.objects.filter(pk=org.pk).exists()


def test_deleting_an_organization_a_pledge_is_made_by_is_a_409_naming_the_pledge(editor_client):
    org = OrganizationFactory()
    pledge = PledgeFactory(party=party_for(organization=org))
    body = assert_problem(editor_client.delete(detail(org.slug)), 409)
    assert pledge.key in body["detail"]
    assert Organization.objects.filter(pk=org.pk).exists()


def test_deleting_an_organization_that_published_a_source_is_a_409_naming_the_source(editor_client):
    org = OrganizationFactory()
    source = SourceFactory(title="Gaza force talks stall", publisher=org)
    body = assert_problem(editor_client.delete(detail(org.slug)), 409)
    assert source.title in body["detail"]
    assert Organization.objects.filter(pk=org.pk).exists()


def test_deleting_an_organization_a_person_is_affiliated_with_is_a_409_naming_the_person(editor_client):
    org = OrganizationFactory()
    person = PersonFactory(organization=org)
    body = assert_problem(editor_client.delete(detail(org.slug)), 409)
    assert person.name in body["detail"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("country", "QQQ"), ("country", "Turkey"), ("kind", "army"), ("parent", "no-such-organization")],
)
def test_invalid_related_record_or_choice_is_a_400_naming_the_field_and_writes_nothing(editor_client, field, value):
    body = {"slug": "new-organization", "name": "New", "kind": "other", field: value}
    assert_problem(editor_client.post(LIST, body, format="json"), 400, field)
    assert not Organization.objects.exists()


def test_a_change_through_the_api_leaves_a_history_row(editor_client):
    org = OrganizationFactory()
    before = Organization.history.count()
    editor_client.patch(detail(org.slug), {"name": "Renamed"}, format="json")
    assert Organization.history.count() == before + 1


def test_list_query_count_does_not_grow_with_rows(api_client):
    parent = OrganizationFactory(country=country("TUR"))

    def add_rows(more):
        for index in range(more):
            OrganizationFactory(country=country(("EGY", "QAT")[index % 2]), parent=parent)

    assert_queries_flat(api_client, LIST, add_rows)
