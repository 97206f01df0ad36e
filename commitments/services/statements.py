import datetime
from collections.abc import Hashable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tracker.dates import normalized_dates, updated_dates
from tracker.services import sync_links, validated_save, validated_update, write_transaction

from ..models import Statement, StatementBasis, StatementSource, StatementSpeaker, StatementTarget
from .keys import unique_key
from .sources import Citation, source_links_set


@write_transaction()
def statement_create(
    *,
    speakers: Sequence[StatementSpeaker] = (),
    sources: Sequence[Citation],
    targets: Sequence[StatementTarget] = (),
    according_to: Sequence[StatementBasis] = (),
    key: str | None = None,
    **fields: Any,
) -> Statement:
    """A new statement with its speakers, targets and the parties it reports according to (unsaved link
    instances) and sources (at least one)."""
    require_statement_sources(sources)
    fields = normalized_dates(fields, "date")
    key = key or unique_key(Statement, statement_key_base(fields.get("date"), speakers))
    statement = validated_save(Statement(key=key, **fields))
    statement_links_set(statement, speakers=speakers, sources=sources, targets=targets, according_to=according_to)
    return statement


@write_transaction()
def statement_update(
    statement: Statement,
    *,
    speakers: Sequence[StatementSpeaker] | None = None,
    sources: Sequence[Citation] | None = None,
    targets: Sequence[StatementTarget] | None = None,
    according_to: Sequence[StatementBasis] | None = None,
    **fields: Any,
) -> Statement:
    validated_update(statement, updated_dates(statement, fields, "date"))
    if sources is not None:
        require_statement_sources(sources)
    statement_links_set(statement, speakers=speakers, sources=sources, targets=targets, according_to=according_to)
    return statement


@write_transaction()
def statement_delete(statement: Statement) -> None:
    """Delete a statement with its speakers, source links and targets."""
    statement.delete()


def statement_links_set(
    statement: Statement,
    *,
    speakers: Sequence[StatementSpeaker] | None = None,
    sources: Sequence[Citation] | None = None,
    targets: Sequence[StatementTarget] | None = None,
    according_to: Sequence[StatementBasis] | None = None,
) -> None:
    if speakers is not None:
        for position, speaker in enumerate(speakers):
            speaker.statement, speaker.position = statement, position
        sync_links(statement.speakers.all(), list(speakers), key=speaker_identity, field_name="speakers")
    if sources is not None:
        source_links_set(statement, StatementSource, sources)
    if targets is not None:
        for target in targets:
            target.statement = statement
        sync_links(statement.targets.all(), list(targets), key=target_identity, field_name="targets")
    if according_to is not None:
        for basis in according_to:
            basis.statement = statement
        sync_links(statement.according_to.all(), list(according_to), key=basis_identity, field_name="according_to")


def speaker_identity(speaker: StatementSpeaker) -> Hashable:
    return (speaker.person_id, speaker.organization_id)


def basis_identity(basis: StatementBasis) -> Hashable:
    return basis.party_id


def target_identity(target: StatementTarget) -> Hashable:
    return (target.party_id, target.pledge_id, target.condition_id, target.initiative_id)


def statement_key_base(date: datetime.date | None, speakers: Sequence[StatementSpeaker]) -> str:
    named = [speaker.person or speaker.organization for speaker in speakers]
    who = next((record.slug for record in named if record is not None), "statement")
    return f"{date.isoformat() if date else 'undated'}-{who}"


def require_statement_sources(sources: Sequence[Citation]) -> None:
    if not sources:
        raise ValidationError({"sources": [_("Cite at least one source.")]})
