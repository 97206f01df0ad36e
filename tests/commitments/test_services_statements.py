"""The statement services, called directly: keys, required sources, dates, link rows, history reasons."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from commitments.models import Statement, StatementBasis, StatementSource, StatementSpeaker, StatementTarget
from commitments.services.parties import party_for
from commitments.services.statements import statement_create, statement_delete, statement_update
from tests.factories import PersonFactory, PledgeFactory, SourceFactory, StatementFactory, country
from tracker.history import change_context

pytestmark = pytest.mark.django_db

FRIDAY = datetime.date(2025, 10, 24)


def quote(**fields):
    values = {"kind": "quote", "text": "We are ready.", "language": "en", "date": FRIDAY, "sources": [SourceFactory()]}
    return statement_create(**{**values, **fields})


def test_a_statement_key_names_its_date_and_first_speaker():
    person = PersonFactory(slug="prabowo-subianto")
    statement = quote(speakers=[StatementSpeaker(person=person)])
    assert statement.key == "2025-10-24-prabowo-subianto"


def test_an_undated_statement_without_speakers_has_a_key_saying_so():
    assert quote(date=None).key == "undated-statement"


def test_a_second_statement_alike_gets_the_next_key():
    quote()
    assert quote().key == "2025-10-24-statement-2"


def test_a_statement_date_is_stored_from_the_first_day_of_its_period():
    assert quote(date_precision="month").date == datetime.date(2025, 10, 1)


def test_an_update_of_the_precision_alone_moves_the_stored_date():
    statement = quote()
    statement_update(statement, date_precision="week")
    statement.refresh_from_db()
    assert statement.date == datetime.date(2025, 10, 20)


def test_a_statement_without_a_source_is_refused():
    with pytest.raises(ValidationError) as refused:
        quote(sources=[])
    assert refused.value.message_dict == {"sources": ["Cite at least one source."]}
    assert not Statement.objects.exists()


def test_an_update_cannot_remove_the_last_source():
    statement = quote()
    with pytest.raises(ValidationError):
        statement_update(statement, text="Changed.", sources=[])
    statement.refresh_from_db()
    assert (statement.text, statement.source_links.count()) == ("We are ready.", 1)


def test_a_quote_without_text_is_refused():
    with pytest.raises(ValidationError):
        quote(text="")
    assert not Statement.objects.exists()


def test_speakers_are_numbered_in_the_order_given():
    first, second = PersonFactory(), PersonFactory()
    statement = quote(speakers=[StatementSpeaker(person=first, position=7), StatementSpeaker(person=second)])
    assert list(statement.speakers.values_list("person", "position")) == [(first.pk, 0), (second.pk, 1)]


def test_links_are_replaced_only_when_given():
    pledge = PledgeFactory()
    indonesia = party_for(country=country("IDN"))
    statement = quote(
        targets=[StatementTarget(pledge=pledge, stance="supports")],
        according_to=[StatementBasis(party=indonesia)],
    )
    statement_update(statement, targets=[StatementTarget(pledge=pledge, stance="conditional")])
    assert list(statement.targets.values_list("stance", flat=True)) == ["conditional"]
    assert list(statement.according_to.values_list("party", flat=True)) == [indonesia.pk]
    statement_update(statement, according_to=[])
    assert not StatementBasis.objects.exists()


def test_the_same_speaker_twice_is_refused():
    person = PersonFactory()
    with pytest.raises(ValidationError) as refused:
        quote(speakers=[StatementSpeaker(person=person), StatementSpeaker(person=person)])
    assert "speakers" in refused.value.message_dict
    assert not Statement.objects.exists()


def test_the_reason_of_the_change_context_reaches_the_statement_and_its_links(editor):
    with change_context(reason="From the press conference.", user=editor):
        statement = quote()
    assert statement.history.get().history_change_reason == "From the press conference."
    assert StatementSource.history.get(statement_id=statement.pk).history_change_reason == "From the press conference."


def test_deleting_a_statement_deletes_its_links():
    statement = StatementFactory()
    statement_delete(statement)
    assert not Statement.objects.exists() and not StatementSource.objects.exists()
