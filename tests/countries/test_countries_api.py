import pytest
from django.db.models import Q
from django.urls import reverse

from commitments.services.parties import party_for
from commitments.services.pledges import pledge_delete
from countries.models import Country
from countries.services import country_create, country_delete
from tests.factories import CountryGroupFactory, PledgeFactory
from tests.helpers import assert_problem, assert_queries_flat, results, walk

pytestmark = pytest.mark.django_db

LIST = reverse("v1:country-list")


def detail(iso3):
    return reverse("v1:country-detail", args=[iso3])


def codes(response):
    return [row["iso3"] for row in results(response)]


def in_regions(*region_codes):
    """ISO alpha-3 codes of the countries whose region or sub-region has one of these M49 codes."""
    found = Country.objects.filter(Q(region__code__in=region_codes) | Q(subregion__code__in=region_codes))
    return sorted(found.values_list("iso3", flat=True))


def freed_country(iso3):
    """The write fields of a migration country that nothing points to, deleted so that a test may create it."""
    country = Country.objects.get(iso3=iso3)
    fields = {"iso3": country.iso3, "iso2": country.iso2, "m49": country.m49, "name": country.name}
    for name in ("region", "subregion", "intermediate_region"):
        fields[name] = getattr(country, name)
    country_delete(country)
    return fields


def test_list_row_shows_codes_regions_and_groups_with_absolute_urls(api_client):
    group = CountryGroupFactory(members=[Country.objects.get(iso3="TUR")])
    row = next(row for row in results(api_client.get(LIST, {"search": "TUR"})) if row["iso3"] == "TUR")
    assert row["url"] == f"http://testserver{detail('TUR')}"
    assert (row["iso2"], row["m49"]) == ("TR", "792")
    assert row["region"] == {"code": "142", "name": "Asia"}
    assert row["subregion"] == {"code": "145", "name": "Western Asia"}
    assert row["intermediate_region"] is None
    group_url = "http://testserver" + reverse("v1:countrygroup-detail", args=[group.slug])
    assert row["groups"] == [{"slug": group.slug, "name": group.name, "url": group_url}]
    assert row["created"].endswith("Z") and row["updated"].endswith("Z")


def test_list_counts_every_country_in_the_default_page_of_fifty(api_client):
    body = api_client.get(LIST).json()
    assert body["count"] == Country.objects.count()
    assert len(body["results"]) == 50 and body["previous"] is None and "page=2" in body["next"]


def test_detail_is_shaped_like_the_list_row(api_client):
    listed = next(row for row in results(api_client.get(LIST, {"search": "TUR"})) if row["iso3"] == "TUR")
    assert api_client.get(detail("TUR")).json() == listed


def test_detail_looks_up_the_alpha3_code_in_any_case(api_client):
    response = api_client.get(detail("tur"))
    assert response.status_code == 200
    assert response.json()["iso3"] == "TUR"


def test_address_that_is_not_an_alpha3_code_is_a_problem_404(api_client):
    assert_problem(api_client.get(f"{LIST}TR/"), 404)


def test_group_filter_keeps_the_members_of_any_of_the_groups(api_client):
    first = CountryGroupFactory(members=[Country.objects.get(iso3="SAU")])
    second = CountryGroupFactory(members=[Country.objects.get(iso3="ARE"), Country.objects.get(iso3="SAU")])
    CountryGroupFactory(members=[Country.objects.get(iso3="QAT")])
    response = api_client.get(LIST, {"group": f"{first.slug},{second.slug}"})
    assert sorted(codes(response)) == ["ARE", "SAU"]


def test_unknown_group_is_a_400_naming_group(api_client):
    assert_problem(api_client.get(LIST, {"group": "no-such-group"}), 400, "group")


@pytest.mark.parametrize("code", ["142", "145"])
def test_region_filter_takes_a_region_or_a_subregion_code(api_client, code):
    response = api_client.get(LIST, {"region": code, "page_size": 500})
    assert sorted(codes(response)) == in_regions(code)
    assert "TUR" in codes(response) and "FRA" not in codes(response)


def test_region_filter_with_several_codes_keeps_countries_in_any_of_them(api_client):
    response = api_client.get(LIST, {"region": "145,155", "page_size": 500})
    assert sorted(codes(response)) == in_regions("145", "155")
    assert {"TUR", "FRA"} <= set(codes(response))


def test_unknown_region_is_a_400_naming_region(api_client):
    assert_problem(api_client.get(LIST, {"region": "999"}), 400, "region")


def test_search_matches_names(api_client):
    response = api_client.get(LIST, {"search": "Türkiye"})
    assert codes(response) == ["TUR"]


def test_ordering_by_descending_iso3(api_client):
    found = codes(api_client.get(LIST, {"ordering": "-iso3", "page_size": 500}))
    assert found == sorted(Country.objects.values_list("iso3", flat=True), reverse=True)


def test_second_page_links_back_to_the_first(api_client):
    body = api_client.get(LIST, {"page": 2}).json()
    assert codes(api_client.get(body["previous"])) == codes(api_client.get(LIST))


def test_cursor_pages_keep_the_filters_and_count_the_filtered_rows(api_client):
    expected = sorted(in_regions("145"), key=lambda iso3: Country.objects.get(iso3=iso3).id)
    first = api_client.get(LIST, {"cursor": "", "region": "145", "page_size": 5}).json()
    assert first["count"] == len(expected)
    rows = first["results"] + walk(api_client, first["next"])
    assert [row["iso3"] for row in rows] == expected


def test_editor_creates_a_country_by_region_codes(editor_client):
    fields = freed_country("BVT")
    regions = {name: fields.pop(name).code for name in ("region", "subregion", "intermediate_region")}
    response = editor_client.post(LIST, {**fields, **regions}, format="json")
    assert response.status_code == 201, response.content
    assert response["Location"] == response.json()["url"] == f"http://testserver{detail('BVT')}"
    created = editor_client.get(detail("bvt")).json()
    assert {name: created[name]["code"] for name in regions} == regions


def test_editor_replaces_a_country_with_put(editor_client):
    country = Country.objects.get(iso3="TUR")
    body = {"iso3": "TUR", "iso2": "TR", "m49": "792", "name": "Turkey", "region": "142", "subregion": "145"}
    response = editor_client.put(detail("tur"), body, format="json")
    assert response.status_code == 200, response.content
    country.refresh_from_db()
    assert country.name == "Turkey" and country.subregion.code == "145"


def test_editor_changes_one_field_with_patch(editor_client):
    response = editor_client.patch(detail("TUR"), {"name": "Turkey"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["name"] == "Turkey" and response.json()["subregion"]["code"] == "145"


def test_country_read_with_related_records_as_keys_can_be_written_back(editor_client):
    read = editor_client.get(detail("TUR")).json()
    regions = {name: (read[name] or {}).get("code") for name in ("region", "subregion", "intermediate_region")}
    response = editor_client.put(detail("TUR"), {**read, **regions}, format="json")
    assert response.status_code == 200, response.content
    assert {**response.json(), "updated": None} == {**read, "updated": None}


def test_editor_deletes_a_country_nothing_points_to(editor_client):
    response = editor_client.delete(detail("ata"))
    assert response.status_code == 204
    assert not Country.objects.filter(iso3="ATA").exists()


def test_deleting_a_country_a_group_lists_is_a_409_naming_the_group(editor_client):
    group = CountryGroupFactory(name="Gulf states", members=[Country.objects.get(iso3="QAT")])
    body = assert_problem(editor_client.delete(detail("QAT")), 409)
    assert group.name in body["detail"]
    assert Country.objects.filter(iso3="QAT").exists()


def test_deleting_a_country_whose_pledges_are_gone_succeeds(editor_client):
    pledge_delete(PledgeFactory(party=party_for(country=Country.objects.get(iso3="ATA"))))
    assert editor_client.delete(detail("ATA")).status_code == 204


def test_subregion_code_given_as_region_is_a_400_naming_region(editor_client):
    assert_problem(editor_client.patch(detail("TUR"), {"region": "145"}, format="json"), 400, "region")
    assert Country.objects.get(iso3="TUR").region.code == "142"


def test_a_change_through_the_api_leaves_a_history_row(editor_client):
    before = Country.history.filter(iso3="TUR").count()
    editor_client.patch(detail("TUR"), {"name": "Turkey"}, format="json")
    assert Country.history.filter(iso3="TUR").count() == before + 1


def test_list_query_count_does_not_grow_with_rows(api_client):
    freed = [freed_country(iso3) for iso3 in ("ATA", "BVT", "HMD", "SGS", "UMI", "ATF")]

    def add_rows(more):
        added = [country_create(**fields) for fields in freed]
        for index in range(more):
            CountryGroupFactory(members=added[: index % len(added) + 1])

    assert_queries_flat(api_client, f"{LIST}?page_size=500", add_rows)
