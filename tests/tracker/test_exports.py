"""Exports in detail: the flat CSV columns, inert formula-like cells, filters and `valid_at`, batches, a stream that
fails midway, and the change feed and status timelines; what every collection does alike is in
tests/test_collection_exports.py."""

import datetime
import json

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commitments.models import ConditionLink, Pledge, StatementTarget
from commitments.services.parties import party_for
from tests.collections import bulk_pledges
from tests.factories import (
    ConditionFactory,
    InitiativeFactory,
    PledgeFactory,
    SourceFactory,
    StatementFactory,
    add_event,
    country,
)
from tests.helpers import csv_rows, export_queries_for, jsonl_rows, streamed, walk
from tracker import exports
from tracker.exports import cell

pytestmark = pytest.mark.django_db

PLEDGES = reverse("v1:pledge-list")
STATEMENTS = reverse("v1:statement-list")


def test_a_pledge_exports_its_nested_objects_as_flat_columns(api_client):
    first, second = SourceFactory(), SourceFactory()
    quantity = {"quantity_qualifier": "range", "quantity_low": 1000, "quantity_high": 2000, "quantity_unit": "persons"}
    pledge = PledgeFactory(sources=[first, second], **quantity)
    condition = ConditionFactory(links=[ConditionLink(pledge=pledge, source=first)])
    (row,), _header = csv_rows(api_client.get(PLEDGES, {"format": "csv"}))
    assert (row["party_type"], row["party_key"], row["party_name"]) == ("country", "IDN", "Indonesia")
    assert (row["country_iso3"], row["country_group_slug"], row["organization_slug"]) == ("IDN", "", "")
    assert (row["initiative_slug"], row["quantity_low"], row["quantity_high"]) == (
        pledge.initiative.slug,
        "1000",
        "2000",
    )
    assert row["sources"] == f"{first.pk}|{second.pk}" and row["conditions"] == condition.slug
    assert "party_url" not in row and row["url"].endswith(f"/pledges/{pledge.pk}/")


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+1+1", "-2-2", "@SUM(A1)", "\tTab", "\rReturn"])
def test_a_formula_like_cell_comes_back_inert(api_client, text):
    PledgeFactory(description=text, quantity_text=text)
    (row,), _header = csv_rows(api_client.get(PLEDGES, {"format": "csv"}))
    assert row["description"] == row["quantity_text"] == f"'{text}"


def test_jsonl_keeps_text_as_it_is(api_client):
    PledgeFactory(description="=1+1")
    assert jsonl_rows(api_client.get(PLEDGES, {"format": "jsonl"}))[0]["description"] == "=1+1"


@pytest.mark.parametrize(
    ("value", "shown"),
    [(-5, "-5"), (-1.5, "-1.5"), (0, "0"), (True, "true"), (None, ""), ("-5", "'-5"), (["a", "b"], "a|b")],
)
def test_a_number_is_never_altered_and_text_that_looks_like_one_is(value, shown):
    assert cell(value) == shown


def test_a_utc_time_ends_in_z_as_in_json():
    assert cell(datetime.datetime(2025, 11, 1, 12, 0, tzinfo=datetime.UTC)) == "2025-11-01T12:00:00Z"


def test_export_of_a_filtered_searched_list_holds_the_rows_of_its_pages(api_client):
    initiative = InitiativeFactory(name="Gaza stabilization force")
    for kind in ("troops", "funding", "troops", "troops", "police"):
        unit = "USD" if kind == "funding" else "persons"
        PledgeFactory(initiative=initiative, kind=kind, quantity_unit=unit)
    PledgeFactory(kind="troops")
    params = {"kind": "troops,police", "search": "stabilization", "ordering": "-kind,-id"}
    rows = walk(api_client, f"{PLEDGES}?kind=troops,police&search=stabilization&ordering=-kind,-id&page_size=2")
    assert len(rows) == 4
    assert jsonl_rows(api_client.get(PLEDGES, {**params, "format": "jsonl"})) == rows
    exported, _header = csv_rows(api_client.get(PLEDGES, {**params, "format": "csv"}))
    assert [int(row["id"]) for row in exported] == [row["id"] for row in rows]


def test_export_valid_at_a_date_holds_the_rows_and_statuses_of_that_date(api_client):
    early, late, never = PledgeFactory(), PledgeFactory(), PledgeFactory()
    add_event(early, "possible", date=datetime.date(2025, 10, 1))
    add_event(early, "committed", date=datetime.date(2025, 11, 1))
    add_event(late, "possible", date=datetime.date(2025, 12, 1))
    params = {"valid_at": "2025-10-15", "format": "csv"}
    exported, _header = csv_rows(api_client.get(PLEDGES, params))
    assert [(int(row["id"]), row["status"]) for row in exported] == [(early.pk, "possible")]
    assert never.pk not in [row["id"] for row in jsonl_rows(api_client.get(PLEDGES, {**params, "format": "jsonl"}))]


def test_a_statement_exports_each_target_with_its_type_and_stance(api_client):
    pledge = PledgeFactory()
    targets = [
        StatementTarget(party=party_for(country=country("TUR")), stance="opposes"),
        StatementTarget(pledge=pledge, stance="supports"),
    ]
    statement = StatementFactory(targets=targets)
    (row,), _header = csv_rows(api_client.get(STATEMENTS, {"format": "csv"}))
    assert row["targets"] == f"country:TUR:opposes|pledge:{pledge.key}:supports"
    assert row["sources"] == "|".join(
        str(source["id"]) for source in api_client.get(STATEMENTS).json()["results"][0]["sources"]
    )
    assert row["key"] == statement.key


def test_links_cost_one_query_per_batch(api_client, settings):
    settings.API_EXPORT_BATCH_SIZE = 10
    bulk_pledges(10)
    one_batch = export_queries_for(api_client, PLEDGES, {"format": "csv"})
    Pledge.objects.all().delete()
    bulk_pledges(30)
    # Each further batch reads its sources and its conditions: two queries.
    assert export_queries_for(api_client, PLEDGES, {"format": "csv"}) == one_batch + 2 * 2


def test_omitting_links_skips_their_queries(api_client):
    PledgeFactory.create_batch(3)
    every = export_queries_for(api_client, PLEDGES, {"format": "csv"})
    assert export_queries_for(api_client, PLEDGES, {"format": "csv", "omit": "sources,conditions"}) == every - 2
    with CaptureQueriesContext(connection) as captured:
        api_client.get(PLEDGES, {"fields": "id,key"})
    assert not any("pledgesource" in query["sql"] for query in captured)


def fail_after_the_first_batch(monkeypatch):
    read = exports.batches

    def batches(queryset, size):
        rows = read(queryset, size)
        yield next(rows)
        raise DatabaseError("the connection was lost")

    monkeypatch.setattr(exports, "batches", batches)


def test_a_csv_export_that_fails_midway_ends_with_an_error_row(api_client, settings, monkeypatch):
    settings.API_EXPORT_BATCH_SIZE = 2
    PledgeFactory.create_batch(5)
    fail_after_the_first_batch(monkeypatch)
    lines = streamed(api_client.get(PLEDGES, {"format": "csv"})).decode().splitlines()
    assert len(lines) == 1 + 2 + 1
    assert lines[-1].startswith("#error,") and "incomplete" in lines[-1] and "2 rows" in lines[-1]


def test_a_jsonl_export_that_fails_midway_ends_with_an_error_object(api_client, settings, monkeypatch):
    settings.API_EXPORT_BATCH_SIZE = 2
    PledgeFactory.create_batch(5)
    fail_after_the_first_batch(monkeypatch)
    lines = streamed(api_client.get(PLEDGES, {"format": "jsonl"})).splitlines()
    assert len(lines) == 2 + 1
    assert set(json.loads(lines[-1])) == {"error"} and "incomplete" in json.loads(lines[-1])["error"]


def test_the_header_is_sent_before_any_row_is_read(api_client):
    PledgeFactory()
    response = api_client.get(PLEDGES, {"format": "csv"})
    with CaptureQueriesContext(connection) as captured:
        first = next(iter(response.streaming_content))
    assert first.startswith(b"url,id,key,party_type") and len(captured) == 0
    b"".join(response.streaming_content)


def test_the_change_feed_exports_every_change_since_a_position(api_client):
    PledgeFactory.create_batch(3)
    since = walk(api_client, reverse("v1:change-list") + "?page_size=500")[-4]["position"]
    changes = walk(api_client, reverse("v1:change-list") + f"?since={since}&page_size=2")
    exported, header = csv_rows(api_client.get(reverse("v1:change-list"), {"since": since, "format": "csv"}))
    assert header == ["position", "collection", "lookup", "action", "time", "url", "reason", "user"]
    assert [int(row["position"]) for row in exported] == [change["position"] for change in changes]
    assert jsonl_rows(api_client.get(reverse("v1:change-list"), {"since": since, "format": "jsonl"})) == changes


def test_a_status_timeline_exports_its_events(api_client):
    pledge = PledgeFactory()
    add_event(pledge, "possible", date=datetime.date(2025, 10, 1))
    add_event(pledge, "committed", date=datetime.date(2025, 11, 1))
    url = reverse("v1:pledge-events", args=[pledge.pk])
    events = walk(api_client, f"{url}?page_size=1")
    response = api_client.get(url, {"format": "csv", "fields": "status,date,sources"})
    assert response["Content-Disposition"].startswith(f'attachment; filename="pledges-{pledge.pk}-events-')
    exported, header = csv_rows(response)
    assert header == ["status", "date", "sources"]
    assert [(row["status"], row["date"]) for row in exported] == [(event["status"], event["date"]) for event in events]
    assert jsonl_rows(api_client.get(url, {"format": "jsonl"})) == events
