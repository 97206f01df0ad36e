"""`generate_synthetic_data`: a deterministic data set that keeps every rule, with its history and change feed."""

import hashlib
import io
import random

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import Q
from django.urls import reverse

from commitments.models import (
    Condition,
    ConditionLink,
    Initiative,
    Organization,
    Person,
    Pledge,
    Source,
    Statement,
    StatementSource,
    StatementSpeaker,
    StatementTarget,
    StatusEvent,
)
from commitments.synthetic import Sizes, SyntheticData
from tests.helpers import results
from tracker.models import Change

pytestmark = pytest.mark.django_db

SIZES = Sizes(pledges=300, statements=2000)
RECORDS = (Organization, Person, Source, Initiative, Condition, Pledge, Statement)


def generate(seed=1):
    SyntheticData(connection, SIZES, seed=seed, report=lambda message: None).generate()


def digest():
    rows = Statement.objects.order_by("key").values_list("key", "text", "language", "date", "on_behalf_of")
    pledges = Pledge.objects.order_by("key").values_list("key", "party", "quantity_low", "status", "announced")
    return hashlib.sha256(repr((list(rows), list(pledges))).encode()).hexdigest()


def test_the_sizes_asked_for_are_written_with_links():
    generate()
    assert Pledge.objects.count() == 300 and Statement.objects.count() == 2000
    speakers, targets, sources = (
        model.objects.count() for model in (StatementSpeaker, StatementTarget, StatementSource)
    )
    assert 2000 <= speakers <= 6000 and 2000 <= targets <= 6000 and 2000 <= sources <= 6000


def test_pledges_are_held_up_by_a_few_conditions_as_in_the_seed(client):
    generate()
    pledges = results(client.get(reverse("v1:pledge-list"), {"page_size": 200}))
    shown = [len(pledge["conditions"]) for pledge in pledges if pledge["key"].startswith("syn-")]
    own = ConditionLink.objects.filter(pledge__key__startswith="syn-").values("pledge").distinct().count()
    assert len(shown) == 200 and max(shown) <= 11 and 1 <= sum(shown) / len(shown) <= 6
    assert 5 <= own <= 30


def test_the_same_seed_gives_the_same_rows_and_another_seed_others():
    with transaction.atomic():
        generate(seed=7)
        first = digest()
        transaction.set_rollback(True)
    with transaction.atomic():
        generate(seed=7)
        again = digest()
        transaction.set_rollback(True)
    generate(seed=8)
    assert first == again != digest()


def test_every_row_keeps_the_models_rules():
    generate()
    sample = random.Random(0)
    for model in (*RECORDS, StatementSpeaker, StatementTarget, StatusEvent):
        ids = list(model.objects.values_list("id", flat=True))
        for record in model.objects.filter(id__in=sample.sample(ids, min(50, len(ids)))):
            record.full_clean()


def test_a_pledges_status_and_announced_date_follow_its_events():
    generate()
    for pledge in Pledge.objects.prefetch_related("events")[:100]:
        events = sorted(pledge.events.all(), key=lambda event: (event.date, event.created, event.id))
        assert pledge.status == events[-1].status
        assert (pledge.announced, pledge.announced_precision) == (events[0].date, events[0].date_precision)


def test_every_row_has_a_version_and_every_record_a_feed_entry():
    generate()
    for model in (*RECORDS, StatementTarget):
        assert model.history.count() == model.objects.count(), model
    for model in RECORDS:
        assert Change.objects.filter(model=model._meta.label_lower, action="create").count() == model.objects.count()


def test_as_of_midway_sees_part_of_the_records(api_client):
    generate()
    midway = results(api_client.get(reverse("v1:pledge-list"), {"as_of": "2026-06-01", "page_size": 500}))
    assert 0 < len(midway) < 300


def test_statements_are_in_english_and_indonesian_and_some_name_rafah(api_client):
    generate()
    languages = set(Statement.objects.values_list("language", flat=True))
    assert languages == {"en", "id"}
    found = api_client.get(reverse("v1:statement-list"), {"search": "rafah"}).json()["count"]
    assert 0 < found < Statement.objects.count() / 20


def test_the_command_refuses_a_database_that_already_holds_synthetic_data():
    call_command("generate_synthetic_data", "--pledges", "20", "--statements", "50", stdout=io.StringIO())
    with pytest.raises(CommandError, match="already holds synthetic data"):
        call_command("generate_synthetic_data", "--pledges", "20", "--statements", "50", stdout=io.StringIO())


def test_the_command_refuses_sizes_below_one():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("generate_synthetic_data", "--pledges", "0", stdout=io.StringIO())


def indexes():
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, "commitments_statement"))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL builds the indexes after the copy")
def test_the_indexes_dropped_for_the_copy_are_built_again(api_client):
    before = indexes()
    generate()
    assert indexes() == before and "commitments_statement_search_idx" in before
    body = api_client.get(reverse("v1:statement-list"), {"search": "rafah", "page_size": 1}).json()
    mentioning = Statement.objects.filter(Q(text__icontains="rafah") | Q(translation__icontains="rafah"))
    assert body["count"] == mentioning.count() > 0
