"""`manage.py audit_sources`: every value that rests on an editor rather than a source, one line each."""

import datetime
import io

import pytest
from django.core.management import call_command

from commitments.models import StatementSpeaker
from countries.services import country_group_create
from tests.factories import PersonFactory, PledgeFactory, SourceFactory, StatementFactory, add_event, country

pytestmark = pytest.mark.django_db


def audit():
    out = io.StringIO()
    call_command("audit_sources", stdout=out)
    return out.getvalue().splitlines()


def test_a_statement_without_a_date_or_a_speaker_is_listed():
    statement = StatementFactory(date=None)
    assert f"statements/{statement.key}: no date" in audit()
    assert f"statements/{statement.key}: no speaker" in audit()


def test_a_quote_in_translation_from_an_unknown_language_is_listed():
    statement = StatementFactory(
        kind="quote", text_origin="translation", speakers=[StatementSpeaker(person=PersonFactory())]
    )
    assert f"statements/{statement.key}: quoted words are a translation (from an unknown language)" in audit()


def test_a_statement_citing_only_a_translation_is_listed():
    translation = SourceFactory(translation_of=SourceFactory())
    statement = StatementFactory(sources=[translation])
    assert f"statements/{statement.key}: its only sources are translations" in audit()


def test_an_event_without_dated_evidence_is_listed_and_one_with_it_is_not():
    undated, dated = PledgeFactory(), PledgeFactory()
    add_event(undated, "possible", sources=[SourceFactory(published=None)])
    add_event(dated, "possible", sources=[SourceFactory(published=datetime.date(2025, 10, 24))])
    lines = [line for line in audit() if "/events/" in line]
    assert lines == [f"pledges/{undated.key}/events/possible: no dated evidence; dated 2025-10-24 (day)"]


def test_a_group_with_members_is_listed_as_resting_on_an_editor():
    country_group_create(slug="gulf-states", name="Gulf states", members=[country("QAT")])
    assert "country-groups/gulf-states: members recorded without a source" in audit()
