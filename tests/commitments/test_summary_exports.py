import pytest
from django.urls import reverse

from tests.factories import PledgeFactory, StatementFactory
from tests.helpers import assert_problem, csv_rows, jsonl_rows

pytestmark = pytest.mark.django_db

PLEDGE_SUMMARY = reverse("v1:pledge-summary")
STATEMENT_SUMMARY = reverse("v1:statement-summary")


def cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def test_a_pledge_summary_exports_its_groups_as_csv(api_client):
    PledgeFactory.create_batch(2, quantity_qualifier="exact", quantity_low=100, quantity_high=100)
    params = {"group_by": "country,status"}
    groups = api_client.get(PLEDGE_SUMMARY, params).json()
    response = api_client.get(PLEDGE_SUMMARY, {**params, "format": "csv"})
    rows, header = csv_rows(response)
    assert header == [
        "country",
        "country_name",
        "status",
        "unit",
        "count",
        "unspecified_count",
        "quantity_low",
        "quantity_high",
        "quantity_high_open",
    ]
    assert rows == [{name: cell(group[name]) for name in header} for group in groups]
    assert response["Content-Disposition"].startswith('attachment; filename="pledges-summary-')


def test_a_statement_summary_exports_its_groups_as_json_lines(api_client):
    StatementFactory.create_batch(3)
    groups = api_client.get(STATEMENT_SUMMARY, {"group_by": "kind"}).json()
    assert jsonl_rows(api_client.get(STATEMENT_SUMMARY, {"group_by": "kind", "format": "jsonl"})) == groups


def test_an_empty_summary_exports_its_header(api_client):
    rows, header = csv_rows(api_client.get(STATEMENT_SUMMARY, {"group_by": "stance", "format": "csv"}))
    assert rows == [] and header == ["stance", "count"]


def test_a_summary_export_takes_accept(api_client):
    StatementFactory()
    response = api_client.get(STATEMENT_SUMMARY, HTTP_ACCEPT="text/csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_rows(response)[0] == [{"count": "1"}]


def test_an_unknown_summary_format_is_a_400_naming_format(api_client):
    assert_problem(api_client.get(PLEDGE_SUMMARY, {"format": "xlsx"}), 400, "format")
