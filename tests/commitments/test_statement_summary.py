"""`/statements/summary/`: statements counted by stance, target, speaker, kind and month; a statement counts once in
each group it belongs to."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from commitments.models import StatementSpeaker, StatementTarget
from commitments.services.parties import party_for
from commitments.services.statements import statement_update
from tests.factories import (
    ConditionFactory,
    InitiativeFactory,
    OrganizationFactory,
    PersonFactory,
    PledgeFactory,
    StatementFactory,
    country,
)
from tests.helpers import assert_problem, assert_queries_flat, walk

pytestmark = pytest.mark.django_db

SUMMARY = reverse("v1:statement-summary")
STATEMENTS = reverse("v1:statement-list")


def summary(client, group_by="", **params):
    response = client.get(SUMMARY, {"group_by": group_by, **params} if group_by else params)
    assert response.status_code == 200, response.content
    return response.json()


def counts(groups, *columns):
    return {tuple(group[column] for column in columns): group["count"] for group in groups}


def on(stance="", **record):
    ((name, value),) = record.items()
    if name in ("country", "country_group", "organization"):
        return StatementTarget(party=party_for(**{name: value}), stance=stance)
    return StatementTarget(**{name: value}, stance=stance)


def test_a_statement_counts_once_in_each_stance_it_takes(api_client):
    StatementFactory(targets=[on("supports", country=country("IDN")), on("opposes", country=country("ISR"))])
    StatementFactory(targets=[on("supports", country=country("IDN")), on("supports", country=country("TUR"))])
    StatementFactory()
    assert counts(summary(api_client, "stance"), "stance") == {("supports",): 2, ("opposes",): 1, (None,): 1}


def test_a_target_without_a_stance_is_in_the_null_stance(api_client):
    StatementFactory(targets=[on(country=country("IDN"))])
    assert counts(summary(api_client, "stance"), "stance") == {(None,): 1}


def test_each_kind_of_target_is_named_by_its_key(api_client):
    pledge = PledgeFactory()
    condition = ConditionFactory(slug="mandate", name="A UN mandate")
    initiative = InitiativeFactory(slug="isf", name="International Stabilization Force")
    organization = OrganizationFactory(slug="hamas", name="Hamas")
    StatementFactory(
        targets=[
            on(country=country("IDN")),
            on(organization=organization),
            on(pledge=pledge),
            on(condition=condition),
            on(initiative=initiative),
        ]
    )
    groups = summary(api_client, "target")
    assert {(group["target_type"], group["target"], group["target_name"]) for group in groups} == {
        ("country", "IDN", "Indonesia"),
        ("organization", "hamas", "Hamas"),
        ("pledge", pledge.key, pledge.key),
        ("condition", "mandate", "A UN mandate"),
        ("initiative", "isf", "International Stabilization Force"),
    }
    assert {group["count"] for group in groups} == {1}


def test_stance_and_target_pair_each_target_with_its_own_stance(api_client):
    StatementFactory(targets=[on("supports", country=country("IDN")), on("opposes", country=country("ISR"))])
    StatementFactory(targets=[on("supports", country=country("IDN"))])
    assert counts(summary(api_client, "target,stance"), "target", "stance") == {
        ("IDN", "supports"): 2,
        ("ISR", "opposes"): 1,
    }


def test_a_statement_counts_with_each_of_its_speakers(api_client):
    prabowo = PersonFactory(slug="prabowo", name="Prabowo Subianto")
    spokesperson = PersonFactory(slug="spokesperson", name="", description="a Hamas spokesperson")
    hamas = OrganizationFactory(slug="hamas", name="Hamas")
    StatementFactory(speakers=[StatementSpeaker(person=prabowo), StatementSpeaker(organization=hamas)])
    StatementFactory(speakers=[StatementSpeaker(person=prabowo)])
    StatementFactory(speakers=[StatementSpeaker(person=spokesperson)])
    groups = summary(api_client, "speaker")
    assert {(g["speaker"], g["speaker_type"], g["speaker_name"], g["count"]) for g in groups} == {
        ("prabowo", "person", "Prabowo Subianto", 2),
        ("hamas", "organization", "Hamas", 1),
        ("spokesperson", "person", "a Hamas spokesperson", 1),
    }


def test_kind_counts_the_statements_of_each_kind(api_client):
    StatementFactory(kind="quote")
    StatementFactory(kind="quote")
    StatementFactory(kind="paraphrase")
    assert summary(api_client, "kind") == [{"kind": "quote", "count": 2}, {"kind": "paraphrase", "count": 1}]


def test_month_groups_statements_dated_to_the_day_or_month(api_client):
    StatementFactory(date=datetime.date(2025, 10, 24))
    StatementFactory(date=datetime.date(2025, 10, 3))
    StatementFactory(date=datetime.date(2025, 11, 1), date_precision="month")
    StatementFactory(date=datetime.date(2025, 1, 1), date_precision="year")
    StatementFactory(date=None)
    assert counts(summary(api_client, "month"), "month") == {("2025-10",): 2, ("2025-11",): 1, (None,): 2}


def test_two_level_grouping_by_kind_and_month(api_client):
    StatementFactory(kind="quote", date=datetime.date(2025, 10, 24))
    StatementFactory(kind="quote", date=datetime.date(2025, 11, 2))
    StatementFactory(kind="report", date=datetime.date(2025, 10, 2))
    assert counts(summary(api_client, "kind,month"), "kind", "month") == {
        ("quote", "2025-10"): 1,
        ("quote", "2025-11"): 1,
        ("report", "2025-10"): 1,
    }


def test_without_group_by_one_group_counts_every_statement(api_client):
    StatementFactory()
    StatementFactory()
    assert summary(api_client) == [{"count": 2}]


def test_filters_select_what_is_counted(api_client):
    StatementFactory(kind="quote", targets=[on("supports", country=country("IDN"))])
    StatementFactory(kind="quote", targets=[on("opposes", country=country("IDN"))])
    StatementFactory(kind="paraphrase", targets=[on("supports", country=country("TUR"))])
    groups = summary(api_client, "kind", stance="supports")
    assert counts(groups, "kind") == {("quote",): 1, ("paraphrase",): 1}
    assert sum(group["count"] for group in groups) == len(walk(api_client, f"{STATEMENTS}?stance=supports"))
    assert counts(summary(api_client, "stance", about_country="IDN"), "stance") == {("supports",): 1, ("opposes",): 1}


def test_as_of_counts_the_statements_and_targets_as_they_stood(api_client):
    statement = StatementFactory(kind="quote", targets=[on("supports", country=country("IDN"))])
    before = timezone.now()
    statement_update(statement, targets=[on("opposes", country=country("IDN"))])
    StatementFactory(kind="paraphrase")
    assert counts(summary(api_client, "stance", as_of=before.isoformat()), "stance") == {("supports",): 1}
    assert counts(summary(api_client, "stance"), "stance") == {("opposes",): 1, (None,): 1}


def test_summary_query_count_stays_flat(api_client):
    def add_rows(more):
        for _ in range(more):
            StatementFactory(
                speakers=[StatementSpeaker(person=PersonFactory())],
                targets=[on("supports", pledge=PledgeFactory()), on("opposes", country=country("ISR"))],
            )

    add_rows(1)
    assert_queries_flat(api_client, f"{SUMMARY}?group_by=speaker,target&kind=quote", add_rows)
    assert_queries_flat(api_client, f"{SUMMARY}?group_by=stance&as_of=2100-01-01", add_rows)


@pytest.mark.parametrize("group_by", ["country", "stance,kind,month", "kind,status", "status"])
def test_a_bad_group_by_is_a_400_naming_it(api_client, group_by):
    assert_problem(api_client.get(SUMMARY, {"group_by": group_by}), 400, "group_by")


@pytest.mark.parametrize("param, value", [("stance", "angry"), ("valid_at", "2025-10-01"), ("cursor", "x")])
def test_a_bad_or_unknown_parameter_is_a_400_naming_it(api_client, param, value):
    assert_problem(api_client.get(SUMMARY, {"group_by": "kind", param: value}), 400, param)


def test_anonymous_users_may_read_the_summary(api_client):
    StatementFactory()
    assert api_client.get(SUMMARY).status_code == 200


def test_the_summary_cannot_be_written(editor_client):
    assert_problem(editor_client.post(SUMMARY, {}, format="json"), 405)
