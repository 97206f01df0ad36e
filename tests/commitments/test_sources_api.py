"""The sources collection: shape, filters, URLs, translations, deletes and permissions."""

import datetime

import pytest
from django.urls import reverse

from commitments.models import Source
from tests.factories import OrganizationFactory, PledgeFactory, SourceFactory, StatementFactory, add_event
from tests.helpers import assert_problem, assert_queries_flat, results

pytestmark = pytest.mark.django_db


def list_url():
    return reverse("v1:source-list")


def detail_url(source_id):
    return reverse("v1:source-detail", args=[source_id])


def absolute(name, *args):
    return "http://testserver" + reverse(f"v1:{name}", args=args)


def found(client, **params):
    return [row["id"] for row in results(client.get(list_url(), params))]


def row_of(client, source):
    return next(row for row in results(client.get(list_url())) if row["id"] == source.id)


def payload(**changes):
    return {
        "title": "Pasukan AS di Kiryat Gat",
        "title_supplied": True,
        "language": "id",
        "kind": "news_report",
        "published": "2025-10-24",
        "published_precision": "day",
        **changes,
    }


def test_source_list_shows_the_documents_own_url_apart_from_the_records(api_client):
    source = SourceFactory(url="https://www.reuters.com/world/middle-east/cmcc/")
    row = row_of(api_client, source)
    assert row["document_url"] == "https://www.reuters.com/world/middle-east/cmcc/"
    assert row["url"] == absolute("source-detail", source.id)


def test_a_source_without_a_url_shows_an_empty_document_url(api_client):
    assert row_of(api_client, SourceFactory())["document_url"] == ""


def test_source_list_shows_the_original_of_a_translation_and_a_supplied_title(api_client):
    original = SourceFactory(title="US troops at Kiryat Gat", title_supplied=True)
    translation = SourceFactory(language="id", translation_of=original)
    row = row_of(api_client, translation)
    assert row["translation_of"] == {
        "id": original.id,
        "title": "US troops at Kiryat Gat",
        "url": absolute("source-detail", original.id),
    }
    assert row["title_supplied"] is False
    assert row_of(api_client, original)["title_supplied"] is True
    assert row_of(api_client, original)["translation_of"] is None


def test_source_list_shows_the_publisher_as_a_small_object(api_client):
    reuters = OrganizationFactory(name="Reuters")
    row = row_of(api_client, SourceFactory(publisher=reuters))
    url = absolute("organization-detail", reuters.slug)
    assert row["publisher"] == {"slug": reuters.slug, "name": "Reuters", "url": url}


def test_source_detail_is_shaped_as_in_the_list(api_client):
    source = SourceFactory(publisher=OrganizationFactory(), url="https://example.org/report")
    response = api_client.get(detail_url(source.id))
    assert response.status_code == 200
    assert response.json() == row_of(api_client, source)


def test_publisher_keeps_sources_of_that_publisher(api_client):
    reuters = OrganizationFactory()
    hit, _miss = SourceFactory(publisher=reuters), SourceFactory(publisher=OrganizationFactory())
    assert found(api_client, publisher=reuters.slug) == [hit.id]


def test_language_keeps_sources_in_those_languages(api_client):
    hit, _miss = SourceFactory(language="id"), SourceFactory(language="en")
    assert found(api_client, language="id,ar") == [hit.id]


def test_kind_keeps_sources_of_those_kinds(api_client):
    hit, _miss = SourceFactory(kind="press_release"), SourceFactory(kind="news_report")
    assert found(api_client, kind="press_release,interview") == [hit.id]


def test_published_after_keeps_a_source_of_a_month_that_ends_after_the_day(api_client):
    month = SourceFactory(published=datetime.date(2025, 10, 1), published_precision="month")
    SourceFactory(published=datetime.date(2025, 10, 14))
    assert found(api_client, published_after="2025-10-15") == [month.id]


def test_published_before_keeps_a_source_of_a_week_that_starts_before_the_day(api_client):
    week = SourceFactory(published=datetime.date(2025, 10, 24), published_precision="week")
    SourceFactory(published=datetime.date(2025, 10, 22))
    assert found(api_client, published_before="2025-10-21") == [week.id]


@pytest.mark.parametrize("fields", [{"title": "Gaza ceasefire"}, {"author": "Ceasefire desk"}, {"notes": "ceasefire"}])
def test_search_matches_title_author_and_notes(api_client, fields):
    hit, _miss = SourceFactory(**fields), SourceFactory()
    assert found(api_client, search="ceasefire") == [hit.id]


@pytest.mark.parametrize(
    "param, value",
    [
        ("publisher", "no-such-publisher"),
        ("language", "xx-!!"),
        ("kind", "tweet"),
        ("published_after", "2025-02-30"),
        ("published_before", "October"),
    ],
)
def test_a_malformed_filter_value_is_a_400_naming_the_parameter(api_client, param, value):
    SourceFactory()
    assert_problem(api_client.get(list_url(), {param: value}), 400, param)


def test_editor_creates_a_source(editor_client):
    reuters = OrganizationFactory()
    body = payload(publisher=reuters.slug, document_url="https://example.org/cmcc", published_precision="week")
    response = editor_client.post(list_url(), body, format="json")
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["document_url"] == "https://example.org/cmcc"
    assert created["publisher"]["slug"] == reuters.slug
    assert (created["published"], created["published_precision"]) == ("2025-10-20", "week")
    assert created["title_supplied"] is True


def test_changing_only_the_published_precision_moves_the_date_to_the_first_day_of_its_period(editor_client):
    source = SourceFactory(published=datetime.date(2025, 10, 24))
    response = editor_client.patch(detail_url(source.id), {"published_precision": "week"})
    assert response.status_code == 200, response.content
    assert (response.json()["published"], response.json()["published_precision"]) == ("2025-10-20", "week")


def test_a_source_may_be_written_as_a_translation_of_another(editor_client):
    original = SourceFactory()
    response = editor_client.post(list_url(), payload(translation_of=original.id), format="json")
    assert response.status_code == 201, response.content
    assert response.json()["translation_of"]["id"] == original.id


def test_a_source_cannot_be_a_translation_of_itself(editor_client):
    source = SourceFactory()
    response = editor_client.put(detail_url(source.id), payload(translation_of=source.id), format="json")
    assert_problem(response, 400, "translation_of")


def test_a_duplicate_document_url_is_a_400_naming_document_url(editor_client):
    SourceFactory(url="https://example.org/cmcc")
    response = editor_client.post(list_url(), payload(document_url="https://example.org/cmcc"), format="json")
    assert_problem(response, 400, "document_url")
    assert Source.objects.filter(url="https://example.org/cmcc").count() == 1


def test_two_sources_without_a_url_are_allowed(editor_client):
    SourceFactory()
    response = editor_client.post(list_url(), payload(document_url=""), format="json")
    assert response.status_code == 201, response.content
    assert Source.objects.filter(url="").count() == 2


def test_an_invalid_document_url_is_a_400_naming_document_url(editor_client):
    response = editor_client.post(list_url(), payload(document_url="reuters dot com"), format="json")
    assert_problem(response, 400, "document_url")


def test_an_unknown_publisher_is_a_400_naming_publisher(editor_client):
    assert_problem(editor_client.post(list_url(), payload(publisher="no-such"), format="json"), 400, "publisher")


def test_deleting_an_uncited_source_deletes_it(editor_client):
    source = SourceFactory()
    assert editor_client.delete(detail_url(source.id)).status_code == 204
    assert not Source.objects.filter(pk=source.pk).exists()


def test_deleting_a_source_cited_by_a_pledge_and_a_statement_is_a_409_naming_them(editor_client):
    source = SourceFactory()
    pledge, statement = PledgeFactory(sources=[source]), StatementFactory(sources=[source])
    body = assert_problem(editor_client.delete(detail_url(source.id)), 409)
    assert pledge.key in body["detail"] and statement.key in body["detail"]
    assert Source.objects.filter(pk=source.pk).exists()


def test_deleting_a_source_cited_by_a_pledge_event_is_a_409_naming_the_pledge(editor_client):
    source = SourceFactory()
    pledge = PledgeFactory()
    add_event(pledge, "possible", sources=[source])
    assert pledge.key in assert_problem(editor_client.delete(detail_url(source.id)), 409)["detail"]


def test_deleting_a_source_that_has_a_translation_is_a_409(editor_client):
    original = SourceFactory()
    SourceFactory(translation_of=original)
    assert_problem(editor_client.delete(detail_url(original.id)), 409)


def write(client, method):
    source_id = SourceFactory().id
    if method == "post":
        return client.post(list_url(), payload(), format="json")
    if method == "put":
        return client.put(detail_url(source_id), payload(), format="json")
    return client.delete(detail_url(source_id))


@pytest.mark.parametrize("method, status", [("post", 201), ("put", 200), ("delete", 204)])
def test_editor_can_write_sources(editor_client, method, status):
    assert write(editor_client, method).status_code == status


def test_source_list_query_count_stays_flat(api_client):
    original = SourceFactory()

    def add_rows(more):
        for n in range(more):
            SourceFactory(publisher=OrganizationFactory(), url=f"https://example.org/{n}", translation_of=original)

    assert_queries_flat(api_client, list_url(), add_rows)
