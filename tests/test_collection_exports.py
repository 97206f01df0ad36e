"""What every collection's list does alike when exported (`format=csv|jsonl`) and when it selects fields
(`fields`, `omit`): every row its parameters select, in its order, streamed; the same rows its JSON pages hold."""

import datetime

import pytest
from django.utils import timezone

from tests.collections import COLLECTIONS
from tests.helpers import assert_problem, csv_rows, export_queries_for, jsonl_rows, results, streamed, walk

pytestmark = pytest.mark.django_db

every_collection = pytest.mark.parametrize("collection", COLLECTIONS, ids=str)


def ordering(collection):
    """An ordering other than by id, with id to break ties, so that pages and exports agree on one order."""
    return f"-{collection.other_ordering},id"


def pages(client, collection, size=3, **params):
    query = "&".join(f"{name}={value}" for name, value in {"page_size": size, **params}.items())
    return walk(client, f"{collection.url}?{query}")


def as_csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@every_collection
def test_jsonl_export_holds_the_rows_of_every_json_page_in_their_order(api_client, collection):
    collection.add(7)
    rows = pages(api_client, collection, ordering=ordering(collection))
    exported = jsonl_rows(api_client.get(collection.url, {"format": "jsonl", "ordering": ordering(collection)}))
    assert exported == rows and len(rows) == collection.model.objects.count()


@every_collection
def test_csv_export_holds_the_rows_of_every_json_page_in_their_order(api_client, collection):
    collection.add(7)
    rows = pages(api_client, collection, ordering=ordering(collection))
    exported, header = csv_rows(api_client.get(collection.url, {"format": "csv", "ordering": ordering(collection)}))
    assert [row[collection.lookup] for row in exported] == [str(row[collection.lookup]) for row in rows]
    plain = [name for name in header if all(not isinstance(row.get(name, {}), dict | list) for row in rows)]
    assert plain and all(name in rows[0] for name in plain)
    assert [[row[name] for name in plain] for row in exported] == [
        [as_csv_cell(row[name]) for name in plain] for row in rows
    ]


@every_collection
def test_export_as_of_an_instant_holds_the_rows_of_the_json_pages_as_of_it(api_client, collection):
    collection.add(4)
    instant = timezone.now().isoformat()
    collection.add(3)
    rows = pages(api_client, collection, as_of=instant.replace("+", "%2B"), ordering="-id")
    exported = jsonl_rows(api_client.get(collection.url, {"format": "jsonl", "as_of": instant, "ordering": "-id"}))
    assert exported == rows
    assert len(rows) < collection.model.objects.count() or collection.basename == "country"


@every_collection
@pytest.mark.parametrize("accept", ["text/csv", "application/x-ndjson"])
def test_accept_header_asks_for_an_export_as_format_does(api_client, collection, accept):
    collection.add(2)
    response = api_client.get(collection.url, HTTP_ACCEPT=accept)
    assert response["Content-Type"].split(";")[0] == accept
    assert len(streamed(response).splitlines()) == collection.model.objects.count() + (accept == "text/csv")


@every_collection
def test_export_is_an_attachment_named_for_the_collection_and_the_instant(api_client, collection):
    response = api_client.get(collection.url, {"format": "csv", "as_of": "2025-11-01T12:30:00Z"})
    prefix = collection.url.strip("/").split("/")[-1]
    assert response["Content-Disposition"] == f'attachment; filename="{prefix}-2025-11-01T123000Z.csv"'
    streamed(response)


@every_collection
def test_export_without_as_of_is_named_for_now(api_client, collection):
    response = api_client.get(collection.url, {"format": "jsonl"})
    now = datetime.datetime.now(datetime.UTC)
    assert f"-{now:%Y-%m-%dT%H}" in response["Content-Disposition"]
    assert response["Content-Disposition"].endswith('.jsonl"')
    streamed(response)


@every_collection
@pytest.mark.parametrize("format_", ["csv", "jsonl"])
def test_export_query_count_does_not_grow_with_the_rows(api_client, collection, format_):
    collection.add(3)
    before = export_queries_for(api_client, collection.url, {"format": format_})
    collection.bulk(30)
    assert export_queries_for(api_client, collection.url, {"format": format_}) == before


@every_collection
@pytest.mark.parametrize("paging", [{"page": "2"}, {"page_size": "10"}, {"cursor": ""}])
def test_paging_parameters_are_refused_by_an_export(api_client, collection, paging):
    (name,) = paging
    assert_problem(api_client.get(collection.url, {"format": "csv", **paging}), 400, name)


@every_collection
@pytest.mark.parametrize("format_", ["xml", "CSV", "pdf"])
def test_unknown_format_is_a_400_naming_format(api_client, collection, format_):
    body = assert_problem(api_client.get(collection.url, {"format": format_}), 400, "format")
    assert "csv" in body["errors"]["format"][0] and "jsonl" in body["errors"]["format"][0]


@every_collection
def test_a_detail_does_not_export(api_client, collection):
    url = collection.detail_url(collection.record())
    assert_problem(api_client.get(url, {"format": "csv"}), 400, "format")
    assert_problem(api_client.get(url, HTTP_ACCEPT="text/csv"), 406)


@every_collection
def test_fields_shape_the_json_list_and_the_csv_export(api_client, collection):
    collection.add(2)
    selected = f"{collection.lookup},url"
    assert all(
        set(row) == {collection.lookup, "url"} for row in results(api_client.get(collection.url, {"fields": selected}))
    )
    rows, header = csv_rows(api_client.get(collection.url, {"format": "csv", "fields": selected}))
    assert sorted(header) == sorted([collection.lookup, "url"]) and len(rows) == collection.model.objects.count()


@every_collection
def test_omit_leaves_fields_out_of_the_json_list_and_the_jsonl_export(api_client, collection):
    collection.add(2)
    full = results(api_client.get(collection.url))[0]
    shown = results(api_client.get(collection.url, {"omit": "url,created"}))[0]
    assert set(shown) == set(full) - {"url", "created"}
    exported = jsonl_rows(api_client.get(collection.url, {"format": "jsonl", "omit": "url,created"}))
    assert all(set(row) == set(shown) for row in exported)


@every_collection
def test_fields_shape_a_detail(api_client, collection):
    url = collection.detail_url(collection.record())
    assert set(api_client.get(url, {"fields": collection.lookup}).json()) == {collection.lookup}
    assert "url" not in api_client.get(url, {"omit": "url"}).json()


@every_collection
def test_each_field_selection_of_a_detail_has_its_own_etag(api_client, collection):
    url = collection.detail_url(collection.record())
    etags = {
        api_client.get(url, params)["ETag"]
        for params in ({}, {"fields": collection.lookup}, {"fields": f"{collection.lookup},url"}, {"omit": "url"})
    }
    assert len(etags) == 4
    selected = api_client.get(url, {"fields": collection.lookup})
    assert api_client.get(url, {"fields": collection.lookup}, HTTP_IF_NONE_MATCH=selected["ETag"]).status_code == 304


@every_collection
@pytest.mark.parametrize("param", ["fields", "omit"])
def test_unknown_field_is_a_400_naming_the_parameter_and_listing_the_fields(api_client, collection, param):
    body = assert_problem(api_client.get(collection.url, {param: f"{collection.lookup},nonsense"}), 400, param)
    assert "nonsense" in body["errors"][param][0] and collection.lookup in body["errors"][param][0]
    url = collection.detail_url(collection.record())
    assert_problem(api_client.get(url, {param: "nonsense"}), 400, param)


@every_collection
def test_fields_and_omit_together_are_a_400(api_client, collection):
    assert_problem(api_client.get(collection.url, {"fields": collection.lookup, "omit": "url"}), 400, "omit")


@every_collection
def test_a_write_refuses_fields(editor_client, collection):
    url = collection.detail_url(collection.record())
    assert_problem(editor_client.patch(f"{url}?fields=url", {}, format="json"), 400, "fields")
