import pytest
from django.urls import reverse

from commitments.services.parties import party_for
from commitments.services.pledges import pledge_delete
from countries.models import Country, CountryGroup, CountryGroupMembership
from tests.factories import CountryGroupFactory, PledgeFactory
from tests.helpers import assert_problem, assert_queries_flat, results, slugs

pytestmark = pytest.mark.django_db

LIST = reverse("v1:countrygroup-list")


def detail(slug):
    return reverse("v1:countrygroup-detail", args=[slug])


def countries(*codes):
    return [Country.objects.get(iso3=code) for code in codes]


def member_codes(group):
    return sorted(group.memberships.values_list("country__iso3", flat=True))


def test_list_row_shows_members_as_small_objects_with_absolute_urls(api_client):
    group = CountryGroupFactory(name="Gulf states", description="As the sources say.", members=countries("SAU"))
    (row,) = results(api_client.get(LIST))
    assert row["url"] == f"http://testserver{detail(group.slug)}"
    assert (row["slug"], row["name"], row["description"]) == (group.slug, "Gulf states", "As the sources say.")
    country_url = "http://testserver" + reverse("v1:country-detail", args=["SAU"])
    assert row["members"] == [{"iso3": "SAU", "name": "Saudi Arabia", "url": country_url}]
    assert row["created"].endswith("Z") and row["updated"].endswith("Z")


def test_detail_is_shaped_like_the_list_row(api_client):
    group = CountryGroupFactory(members=countries("SAU", "ARE"))
    (listed,) = results(api_client.get(LIST))
    assert api_client.get(detail(group.slug)).json() == listed


def test_member_filter_takes_alpha3_or_alpha2_codes_in_any_case_as_any_of(api_client):
    gulf = CountryGroupFactory(members=countries("SAU", "ARE"))
    levant = CountryGroupFactory(members=countries("JOR"))
    CountryGroupFactory(members=countries("QAT"))
    CountryGroupFactory(members=[])
    response = api_client.get(LIST, {"member": "sau,ae,jo", "ordering": "id"})
    assert slugs(response) == [gulf.slug, levant.slug]


def test_unknown_member_code_is_a_400_naming_member(api_client):
    assert_problem(api_client.get(LIST, {"member": "SAU,QQ"}), 400, "member")


def test_search_matches_names_and_descriptions(api_client):
    named = CountryGroupFactory(name="Arab League states")
    described = CountryGroupFactory(description="Members of the Arab League that sources name")
    CountryGroupFactory(name="Nordic states")
    assert sorted(slugs(api_client.get(LIST, {"search": "arab league"}))) == sorted([named.slug, described.slug])


def test_ordering_by_descending_name(api_client):
    for name in ("Beta", "Alpha", "Gamma"):
        CountryGroupFactory(name=name)
    assert [row["name"] for row in results(api_client.get(LIST, {"ordering": "-name"}))] == ["Gamma", "Beta", "Alpha"]


def test_editor_creates_a_group_with_members_by_alpha3_or_alpha2_code(editor_client):
    body = {"slug": "gulf-states", "name": "Gulf states", "description": "", "members": ["SAU", "ae"]}
    response = editor_client.post(LIST, body, format="json")
    assert response.status_code == 201, response.content
    assert response["Location"] == response.json()["url"]
    read = editor_client.get(detail("gulf-states")).json()
    assert [member["iso3"] for member in read["members"]] == ["SAU", "ARE"]
    assert member_codes(CountryGroup.objects.get(slug="gulf-states")) == ["ARE", "SAU"]


def test_editor_replaces_a_group_and_its_members_with_put(editor_client):
    group = CountryGroupFactory(members=countries("SAU", "ARE"))
    body = {"slug": group.slug, "name": "Renamed", "description": "New.", "members": ["QAT", "SAU"]}
    response = editor_client.put(detail(group.slug), body, format="json")
    assert response.status_code == 200, response.content
    group.refresh_from_db()
    assert (group.name, group.description, member_codes(group)) == ("Renamed", "New.", ["QAT", "SAU"])


def test_patch_without_members_keeps_them(editor_client):
    group = CountryGroupFactory(members=countries("SAU"))
    response = editor_client.patch(detail(group.slug), {"name": "Renamed"}, format="json")
    assert response.status_code == 200, response.content
    assert [member["iso3"] for member in response.json()["members"]] == ["SAU"]


def test_patch_with_empty_members_removes_them(editor_client):
    group = CountryGroupFactory(members=countries("SAU"))
    response = editor_client.patch(detail(group.slug), {"members": []}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["members"] == [] and member_codes(group) == []


def test_group_read_with_members_as_keys_can_be_written_back(editor_client):
    group = CountryGroupFactory(description="Described.", members=countries("SAU", "ARE"))
    read = editor_client.get(detail(group.slug)).json()
    written = {**read, "members": [member["iso3"] for member in read["members"]]}
    response = editor_client.put(detail(group.slug), written, format="json")
    assert response.status_code == 200, response.content
    assert {**response.json(), "updated": None} == {**read, "updated": None}


def test_editor_deletes_a_group_and_its_memberships(editor_client):
    group = CountryGroupFactory(members=countries("SAU"))
    assert editor_client.delete(detail(group.slug)).status_code == 204
    assert not CountryGroup.objects.filter(pk=group.pk).exists()
    assert not CountryGroupMembership.objects.filter(group_id=group.pk).exists()


def test_deleting_a_group_a_pledge_is_made_by_is_a_409_that_keeps_it(editor_client):
    group = CountryGroupFactory()
    PledgeFactory(party=party_for(country_group=group))
    assert_problem(editor_client.delete(detail(group.slug)), 409)
    assert CountryGroup.objects.filter(pk=group.pk).exists()


def test_deleting_a_group_a_pledge_is_made_by_is_a_409_naming_the_pledge(editor_client):
    group = CountryGroupFactory()
    pledge = PledgeFactory(party=party_for(country_group=group))
    body = assert_problem(editor_client.delete(detail(group.slug)), 409)
    assert pledge.key in body["detail"]


def test_deleting_a_group_whose_pledges_are_gone_succeeds(editor_client):
    group = CountryGroupFactory()
    pledge_delete(PledgeFactory(party=party_for(country_group=group)))
    assert editor_client.delete(detail(group.slug)).status_code == 204


def test_unknown_member_code_is_a_400_naming_members_and_writes_nothing(editor_client):
    body = {"slug": "gulf-states", "name": "Gulf states", "members": ["SAU", "QQQ"]}
    problem = assert_problem(editor_client.post(LIST, body, format="json"), 400)
    assert any(field.startswith("members") for field in problem["errors"]), problem
    assert not CountryGroup.objects.exists()


def test_member_listed_twice_is_a_400_naming_members_and_writes_nothing(editor_client):
    body = {"slug": "gulf-states", "name": "Gulf states", "members": ["SAU", "sa"]}
    assert_problem(editor_client.post(LIST, body, format="json"), 400, "members")
    assert not CountryGroup.objects.exists() and not CountryGroupMembership.objects.exists()


def test_a_change_through_the_api_leaves_history_rows_for_the_group_and_its_members(editor_client):
    group = CountryGroupFactory()
    before = (CountryGroup.history.count(), CountryGroupMembership.history.count())
    editor_client.patch(detail(group.slug), {"name": "Renamed", "members": ["SAU"]}, format="json")
    assert (CountryGroup.history.count(), CountryGroupMembership.history.count()) == (before[0] + 1, before[1] + 1)


def test_list_query_count_does_not_grow_with_rows(api_client):
    def add_rows(more):
        for index in range(more):
            CountryGroupFactory(members=countries("SAU", "ARE", "QAT")[: index % 3 + 1])

    CountryGroupFactory(members=countries("SAU"))
    assert_queries_flat(api_client, LIST, add_rows)
