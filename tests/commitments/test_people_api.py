import pytest
from django.urls import reverse

from commitments.models import Person
from tests.factories import OrganizationFactory, PersonFactory, country
from tests.helpers import assert_problem, assert_queries_flat, results, slugs

pytestmark = pytest.mark.django_db

LIST = reverse("v1:person-list")


def detail(slug):
    return reverse("v1:person-detail", args=[slug])


def absolute(path):
    return f"http://testserver{path}"


def as_keys(read):
    """What a client writes back: the read representation with nested records replaced by their keys."""
    keys = {"organization": (read["organization"] or {}).get("slug"), "country": (read["country"] or {}).get("iso3")}
    return {**read, **keys}


def test_list_row_shows_organization_and_country_as_small_objects_with_absolute_urls(api_client):
    org = OrganizationFactory(name="Ministry of Foreign Affairs")
    person = PersonFactory(name="Hakan Fidan", description="Foreign minister", organization=org, country=country("TUR"))
    (row,) = results(api_client.get(LIST))
    assert row["url"] == absolute(detail(person.slug))
    assert (row["slug"], row["name"], row["description"]) == (person.slug, "Hakan Fidan", "Foreign minister")
    assert row["is_anonymous"] is False
    org_url = absolute(reverse("v1:organization-detail", args=[org.slug]))
    assert row["organization"] == {"slug": org.slug, "name": "Ministry of Foreign Affairs", "url": org_url}
    country_url = absolute(reverse("v1:country-detail", args=["TUR"]))
    assert row["country"] == {"iso3": "TUR", "name": "Türkiye", "url": country_url}
    assert row["created"].endswith("Z") and row["updated"].endswith("Z")


def test_anonymous_person_has_an_empty_name_and_no_related_records(api_client):
    PersonFactory(name="", description="A Hamas spokesperson")
    (row,) = results(api_client.get(LIST))
    assert (row["name"], row["description"], row["is_anonymous"]) == ("", "A Hamas spokesperson", True)
    assert row["organization"] is None and row["country"] is None


def test_detail_is_shaped_like_the_list_row(api_client):
    person = PersonFactory(organization=OrganizationFactory(), country=country("TUR"))
    (listed,) = results(api_client.get(LIST))
    assert api_client.get(detail(person.slug)).json() == listed


def test_organization_filter_keeps_people_of_any_of_the_organizations(api_client):
    first, second = OrganizationFactory.create_batch(2)
    people = [PersonFactory(organization=first), PersonFactory(organization=second)]
    PersonFactory(organization=OrganizationFactory())
    PersonFactory()
    response = api_client.get(LIST, {"organization": f"{first.slug},{second.slug}", "ordering": "id"})
    assert slugs(response) == [person.slug for person in people]


def test_unknown_organization_filter_is_a_400_naming_organization(api_client):
    assert_problem(api_client.get(LIST, {"organization": "no-such-organization"}), 400, "organization")


def test_country_filter_takes_alpha3_or_alpha2_codes_as_any_of(api_client):
    people = [PersonFactory(country=country("TUR")), PersonFactory(country=country("IDN"))]
    PersonFactory(country=country("EGY"))
    PersonFactory()
    assert slugs(api_client.get(LIST, {"country": "tur,id", "ordering": "id"})) == [person.slug for person in people]


def test_unknown_country_filter_is_a_400_naming_country(api_client):
    assert_problem(api_client.get(LIST, {"country": "TUR,QQ"}), 400, "country")


def test_anonymous_filter_true_keeps_only_anonymous_people(api_client):
    anonymous = PersonFactory(name="", description="An Israeli official")
    PersonFactory()
    assert slugs(api_client.get(LIST, {"anonymous": "true"})) == [anonymous.slug]


def test_anonymous_filter_false_keeps_only_named_people(api_client):
    PersonFactory(name="", description="An Israeli official")
    named = PersonFactory()
    assert slugs(api_client.get(LIST, {"anonymous": "false"})) == [named.slug]


def test_invalid_anonymous_filter_is_a_400_naming_anonymous(api_client):
    PersonFactory(name="", description="An Israeli official")
    PersonFactory()
    assert_problem(api_client.get(LIST, {"anonymous": "maybe"}), 400, "anonymous")


def test_search_matches_names_and_descriptions(api_client):
    by_name = PersonFactory(name="Abu Obeida")
    by_description = PersonFactory(name="", description="A spokesperson close to Abu Obeida")
    PersonFactory(name="Hakan Fidan")
    found = slugs(api_client.get(LIST, {"search": "obeida", "ordering": "id"}))
    assert found == [by_name.slug, by_description.slug]


def test_ordering_by_descending_name(api_client):
    for name in ("Beta", "Alpha", "Gamma"):
        PersonFactory(name=name)
    assert [row["name"] for row in results(api_client.get(LIST, {"ordering": "-name"}))] == ["Gamma", "Beta", "Alpha"]


def test_editor_creates_a_named_person_with_organization_and_country_by_key(editor_client):
    org = OrganizationFactory()
    body = {"slug": "hakan-fidan", "name": "Hakan Fidan", "organization": org.slug, "country": "tr"}
    response = editor_client.post(LIST, body, format="json")
    assert response.status_code == 201, response.content
    assert response["Location"] == response.json()["url"] == absolute(detail("hakan-fidan"))
    read = editor_client.get(detail("hakan-fidan")).json()
    assert (read["organization"]["slug"], read["country"]["iso3"], read["is_anonymous"]) == (org.slug, "TUR", False)


def test_editor_creates_an_anonymous_person_known_by_description(editor_client):
    body = {"slug": "hamas-spokesperson", "name": "", "description": "A Hamas spokesperson"}
    response = editor_client.post(LIST, body, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["is_anonymous"] is True


def test_person_without_name_or_description_is_a_400_and_writes_nothing(editor_client):
    body = {"slug": "nobody", "name": "", "description": ""}
    assert_problem(editor_client.post(LIST, body, format="json"), 400)
    assert not Person.objects.exists()


def test_editor_replaces_a_person_with_put(editor_client):
    person = PersonFactory(organization=OrganizationFactory(), country=country("TUR"))
    body = {"slug": person.slug, "name": "Renamed", "description": "Envoy", "organization": None, "country": "EGY"}
    response = editor_client.put(detail(person.slug), body, format="json")
    assert response.status_code == 200, response.content
    person.refresh_from_db()
    assert (person.name, person.description, person.organization, person.country.iso3) == (
        "Renamed",
        "Envoy",
        None,
        "EGY",
    )


def test_editor_changes_one_field_with_patch(editor_client):
    person = PersonFactory(country=country("TUR"))
    response = editor_client.patch(detail(person.slug), {"description": "Envoy"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["description"] == "Envoy" and response.json()["country"]["iso3"] == "TUR"


def test_person_read_with_related_records_as_keys_can_be_written_back(editor_client):
    person = PersonFactory(description="Envoy", organization=OrganizationFactory(), country=country("TUR"))
    read = editor_client.get(detail(person.slug)).json()
    response = editor_client.put(detail(person.slug), as_keys(read), format="json")
    assert response.status_code == 200, response.content
    assert {**response.json(), "updated": None} == {**read, "updated": None}


def test_editor_deletes_a_person(editor_client):
    person = PersonFactory()
    assert editor_client.delete(detail(person.slug)).status_code == 204
    assert not Person.objects.filter(pk=person.pk).exists()


@pytest.mark.parametrize(("field", "value"), [("organization", "no-such-organization"), ("country", "QQQ")])
def test_unknown_related_record_is_a_400_naming_the_field_and_writes_nothing(editor_client, field, value):
    body = {"slug": "new-person", "name": "New", field: value}
    assert_problem(editor_client.post(LIST, body, format="json"), 400, field)
    assert not Person.objects.exists()


def test_a_change_through_the_api_leaves_a_history_row(editor_client):
    person = PersonFactory()
    before = Person.history.count()
    editor_client.delete(detail(person.slug))
    assert Person.history.count() == before + 1


def test_list_query_count_does_not_grow_with_rows(api_client):
    org = OrganizationFactory()

    def add_rows(more):
        for index in range(more):
            PersonFactory(organization=org, country=country(("TUR", "EGY")[index % 2]))

    PersonFactory(organization=org, country=country("TUR"))
    assert_queries_flat(api_client, LIST, add_rows)
