"""The main filters, search, the feed and `as_of` are served by indexes that the migrations create: PostgreSQL's
plan of each query a request makes names the index. Sequential scans are turned off for the plans, so that the
few rows of a test database do not make a scan cheaper than the index it would use at scale."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from commitments.models import Pledge, Statement, StatementSpeaker, StatementTarget
from commitments.services.parties import party_for
from tests.factories import InitiativeFactory, PersonFactory, PledgeFactory, StatementFactory, country

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="query plans of PostgreSQL"),
]


def plans(client, url):
    """The plans of the queries that reading `url` makes, as one text."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    queries = [query["sql"] for query in captured if not query["sql"].startswith("EXPLAIN")]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE commitments_statementtarget")
        cursor.execute("ANALYZE commitments_pledge")
        cursor.execute("SET LOCAL enable_seqscan = off")
        texts = []
        for sql in queries:
            cursor.execute(f"EXPLAIN {sql}")
            texts.extend(row[0] for row in cursor.fetchall())
    return "\n".join(texts)


# Statements that support Türkiye and its pledge: with them, a target's record alone says little of its stance, as
# at scale, whatever statistics earlier tests' committed rows have left.
SUPPORTING = 2000


@pytest.fixture
def records():
    turkey = party_for(country=country("TUR"))
    pledge = PledgeFactory(party=turkey, description="Pasukan penjaga perdamaian di Rafah")
    StatementFactory(
        text="Turki menolak mengirim pasukan ke Rafah",
        speakers=[StatementSpeaker(person=PersonFactory(name="Hakan Fidan"))],
        targets=[StatementTarget(party=turkey, stance="opposes"), StatementTarget(pledge=pledge, stance="opposes")],
    )
    supporting = Statement.objects.bulk_create(
        Statement(key=f"support-{n}", kind="report", text="Mendukung", language="id") for n in range(SUPPORTING)
    )
    StatementTarget.objects.bulk_create(
        StatementTarget(statement=statement, stance="supports", **target)
        for statement in supporting
        for target in ({"party": turkey}, {"pledge": pledge})
    )


@pytest.mark.parametrize(
    "url, index",
    [
        ("/api/v1/statements/?search=rafah", "commitments_statement_search_idx"),
        ("/api/v1/statements/?search=fidan", "commitments_person_search_idx"),
        ("/api/v1/statements/?search=fidan", "commitments_organization_search_idx"),
        ("/api/v1/pledges/?search=penjaga", "commitments_pledge_search_idx"),
        ("/api/v1/statements/?about_country=TUR&stance=opposes", "target_party_stance"),
        ("/api/v1/statements/?about_country=TUR&stance=opposes", "target_stance_pledge"),
        ("/api/v1/statements/?stance=opposes", "target_stance"),
        ("/api/v1/statements/?stated_after=2025-10-01&stated_before=2025-10-31", "statement_precision_date_idx"),
        ("/api/v1/changes/?since=1", "tracker_change_pkey"),
    ],
)
def test_a_filter_is_served_by_its_index(api_client, records, url, index):
    assert index in plans(api_client, url)


# Pledges of one party: many more than the pledge targets that hold a stance, as Türkiye's at scale, or than the
# pledges of another party and initiative.
MANY_PLEDGES = 3000


@pytest.fixture
def other_pledges(records):
    """Many pledges of another party to another initiative, so that a scan in id order costs more than an index."""
    indonesia, initiative = party_for(country=country("IDN")), InitiativeFactory()
    Pledge.objects.bulk_create(
        Pledge(key=f"idn-{n}", kind="troops", party=indonesia, initiative=initiative, description="Pasukan")
        for n in range(MANY_PLEDGES)
    )


def test_a_partys_pledges_are_read_from_the_index_of_party_and_id(api_client, other_pledges):
    assert "pledge_party_id_idx" in plans(api_client, "/api/v1/pledges/?country=TUR")


def test_an_initiatives_pledges_are_read_from_the_index_of_initiative_and_party(api_client, other_pledges):
    initiative = Pledge.objects.get(party__country__iso3="TUR").initiative
    assert "pledge_initiative_party_idx" in plans(api_client, f"/api/v1/pledges/?initiative={initiative.slug}")


def test_a_search_reads_no_table_whole(api_client, records):
    plan = plans(api_client, "/api/v1/statements/?search=rafah")
    assert "Seq Scan on commitments_statement " not in plan and "Seq Scan on commitments_person " not in plan


def test_a_stance_on_a_large_partys_pledges_is_read_in_pledge_order_from_the_stances_index(api_client, records):
    """The party's pledges merged with the pledge targets of that stance, read in pledge order, rather than one
    probe of the targets for each of the party's pledges."""
    turkey = party_for(country=country("TUR"))
    initiative = Pledge.objects.get(party=turkey).initiative
    Pledge.objects.bulk_create(
        Pledge(key=f"tur-{n}", kind="troops", party=turkey, initiative=initiative, description="Pasukan")
        for n in range(MANY_PLEDGES)
    )
    plan = plans(api_client, "/api/v1/statements/?about_country=TUR&stance=opposes")
    assert "Merge Join" in plan and "Index Only Scan using target_stance_pledge" in plan
