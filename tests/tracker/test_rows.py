"""Rows shape what their read serializer declares: its fields in its order, each read as its Rows says."""

import pytest
from django.urls import get_script_prefix, reverse, set_script_prefix
from rest_framework import serializers

from commitments.api.rows.conditions import ConditionLinkRows, ConditionRows
from commitments.api.rows.events import EventRows
from commitments.api.rows.initiatives import InitiativeRows
from commitments.api.rows.parties import OrganizationRows, PersonRows
from commitments.api.rows.pledges import PledgeRows
from commitments.api.rows.sources import SourceRows
from commitments.api.rows.statements import BasisRows, SpeakerRows, StatementRows, TargetRows
from commitments.models import StatementTarget
from commitments.services.parties import party_for
from countries.api.rows import CountryGroupRows, CountryRows
from tests.factories import StatementFactory, country
from tests.helpers import results
from tracker.columns import output_order
from tracker.feed import ChangeRows
from tracker.fields import FieldSelection
from tracker.rows import Rows, UrlBuilder, columns_read, field_plan, reads

EVERY_ROWS_CLASS = [
    BasisRows,
    ChangeRows,
    ConditionLinkRows,
    ConditionRows,
    CountryGroupRows,
    CountryRows,
    EventRows,
    InitiativeRows,
    OrganizationRows,
    PersonRows,
    PledgeRows,
    SourceRows,
    SpeakerRows,
    StatementRows,
    TargetRows,
]


class StampedSerializer(serializers.Serializer):
    created = serializers.DateTimeField()


class SizeSerializer(serializers.Serializer):
    low = serializers.IntegerField(source="size_low")
    high = serializers.IntegerField(source="size_high")


class ThingSerializer(StampedSerializer):
    name = serializers.CharField()
    size = SizeSerializer()
    label = serializers.CharField(source="title")
    owner = serializers.CharField(source="owner.name")
    loud = serializers.CharField()
    parts = serializers.ListField(child=serializers.CharField())
    counts = serializers.DictField(child=serializers.IntegerField())


class ThingRows(Rows):
    serializer_class = ThingSerializer
    page_reads: list[list[int]]

    def __init__(self):
        super().__init__(UrlBuilder(None))
        self.page_reads = []

    @reads("name")
    def read_loud(self, row):
        return row["name"].upper()

    def links_parts(self, rows):
        self.page_reads.append([row["id"] for row in rows])
        return {1: ["a", "b"]}

    def links_counts(self, rows):
        return {}


ROWS = [
    {"id": 1, "name": "one", "size_low": 1, "size_high": 2, "title": "One", "owner__name": "ana", "created": "then"},
    {"id": 2, "name": "two", "size_low": 3, "size_high": 4, "title": "Two", "owner__name": "bo", "created": "now"},
]


def test_a_row_has_the_serializers_fields_in_its_order_with_the_timestamps_last():
    shaped = ThingRows().shape(ROWS)
    assert [list(row) for row in shaped] == [
        ["name", "size", "label", "owner", "loud", "parts", "counts", "created"]
    ] * 2


def test_each_field_is_read_as_its_rows_class_says():
    first, second = ThingRows().shape(ROWS)
    assert first == {
        "name": "one",
        "size": {"low": 1, "high": 2},  # an object of plain members, each its own column
        "label": "One",  # the column its `source` names
        "owner": "ana",  # a dotted source is a `__` path
        "loud": "ONE",  # read_<field>
        "parts": ["a", "b"],  # links_<field>, by the row's id
        "counts": {},
        "created": "then",
    }
    assert second["parts"] == [] and second["counts"] == {}  # a row without links reads the field's empty value


def test_the_columns_read_are_the_keys_and_the_declared_fields_columns_once_each():
    assert columns_read(ThingRows) == ("id", "name", "size_low", "size_high", "title", "owner__name", "created")


def test_a_page_reads_its_links_once_and_not_at_all_when_the_field_is_not_wanted():
    rows = ThingRows()
    rows.shape(ROWS)
    assert rows.page_reads == [[1, 2]]
    rows.select(FieldSelection(output_order(ThingSerializer().fields), ["name"]))
    assert rows.shape(ROWS) == [{"name": "one"}, {"name": "two"}]
    assert rows.page_reads == [[1, 2]]


@pytest.mark.parametrize("rows_class", EVERY_ROWS_CLASS, ids=lambda rows_class: rows_class.__name__)
def test_every_reader_of_a_resource_reads_a_field_its_read_serializer_declares(rows_class):
    """A reader no field names would be dead, and a misspelt one would leave its field read as a raw column."""
    fields = set(rows_class.serializer_class().fields)
    own = [name for name in dir(rows_class) if name.startswith(("read_", "links_")) and not hasattr(Rows, name)]
    assert {name.split("_", 1)[1] for name in own} <= fields
    assert {name for name, _how, _detail in field_plan(rows_class)} == fields


def test_a_blank_text_reads_null_though_its_column_holds_an_empty_string(db, api_client):
    target = StatementTarget(party=party_for(country=country("TUR")), stance="")
    statement = StatementFactory(targets=[target], spoken_language="", translation_by="", date=None)
    (row,) = results(api_client.get(reverse("v1:statement-list")))
    assert row["key"] == statement.key
    assert row["targets"][0]["stance"] is None
    assert (row["spoken_language"], row["translation_by"], row["date_precision"]) == (None, None, None)


def test_addresses_follow_the_script_prefix_they_are_built_under():
    """Routes are reversed once for the process, under each script prefix apart."""
    before = get_script_prefix()
    try:
        plain = UrlBuilder(None).detail("pledge", 3)
        set_script_prefix("/tracker/")
        prefixed = UrlBuilder(None).detail("pledge", 3)
    finally:
        set_script_prefix(before)
    assert (plain, prefixed) == ("/api/v1/pledges/3/", "/tracker/api/v1/pledges/3/")
    assert UrlBuilder(None).detail("pledge", 3) == plain
