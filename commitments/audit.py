"""What rests on an editor rather than a source: the lines of `manage.py audit_sources`.

Each finding is one line, `collection/key: what`, in a stable order (by collection, then key), so that the
output for a data set can be committed and reviewed, and a change to it shows in review. The seed's reviewed output
is commitments/seed/gaza_2025/audit_sources.txt; its decisions are in that package's docstring.
"""

from django.db.models import Exists, OuterRef, Q

from countries.models import CountryGroup

from .choices import StatementKind, TextOrigin, TranslationBy
from .models import (
    Condition,
    EventEvidence,
    Initiative,
    Organization,
    Person,
    Pledge,
    PledgeSource,
    Source,
    Statement,
    StatementSource,
    StatementSpeaker,
    StatusEvent,
)

# Each record that says which of its values an editor supplied, with its collection and the field it is known by.
EDITOR_SUPPLIED = (
    (CountryGroup, "country-groups", "slug"),
    (Organization, "organizations", "slug"),
    (Person, "people", "slug"),
    (Initiative, "initiatives", "slug"),
    (Condition, "conditions", "slug"),
    (Pledge, "pledges", "key"),
)


def audit_lines():
    """Every finding, one line each, sorted within its collection in Python: a database's collation would order
    keys with hyphens differently on SQLite and PostgreSQL."""
    sections = (source_lines, group_lines, editor_supplied_lines, pledge_lines, statement_lines, event_lines)
    return [line for section in sections for line in sorted(section())]


def source_lines():
    for source in Source.objects.order_by("title"):
        if source.title_supplied:
            yield f"sources/{source.title}: title supplied by an editor"
        if source.published is None:
            yield f"sources/{source.title}: no publication date"


def group_lines():
    """Groups with members that no editor marked as theirs: no source is recorded for a group's members."""
    groups = CountryGroup.objects.filter(memberships__isnull=False).distinct()
    for group in groups:
        if "members" not in group.editor_supplied:
            yield f"country-groups/{group.slug}: members recorded without a source"


def editor_supplied_lines():
    for model, collection, lookup in EDITOR_SUPPLIED:
        for record in model.objects.exclude(editor_supplied=[]).only(lookup, "editor_supplied"):
            for name in record.editor_supplied:
                yield f"{collection}/{getattr(record, lookup)}: {name} supplied by an editor"


def only_translations(link_model, owner):
    """Q for records each of whose cited sources is a translation."""
    untranslated = link_model.objects.filter(**{owner: OuterRef("pk")}, source__translation_of__isnull=True)
    return Q(~Exists(untranslated))


def pledge_lines():
    for pledge in Pledge.objects.filter(only_translations(PledgeSource, "pledge")).order_by("key"):
        yield f"pledges/{pledge.key}: its only sources are translations"


def statement_lines():
    statements = Statement.objects.annotate(
        translated_only=only_translations(StatementSource, "statement"),
        has_speaker=Exists(StatementSpeaker.objects.filter(statement=OuterRef("pk"))),
    )
    for statement in statements.order_by("key"):
        yield from statement_findings(statement)


def statement_findings(statement):
    where = f"statements/{statement.key}"
    if statement.date is None:
        yield f"{where}: no date"
    if not statement.has_speaker:
        yield f"{where}: no speaker"
    if statement.translated_only:
        yield f"{where}: its only sources are translations"
    if statement.kind == StatementKind.QUOTE and statement.text_origin == TextOrigin.TRANSLATION:
        spoken = statement.spoken_language or "an unknown language"
        yield f"{where}: quoted words are a translation (from {spoken})"
    if statement.translation_by == TranslationBy.EDITOR:
        yield f"{where}: English translation by an editor"


def event_lines():
    dated = EventEvidence.objects.filter(event=OuterRef("pk")).filter(
        Q(statement__date__isnull=False) | Q(source__published__isnull=False)
    )
    events = StatusEvent.objects.filter(~Exists(dated)).select_related("pledge", "condition", "initiative")
    for event in events:
        yield f"{event_label(event)}: no dated evidence; dated {event.date.isoformat()} ({event.date_precision})"


def event_label(event):
    if event.pledge_id:
        return f"pledges/{event.pledge.key}/events/{event.status}"
    if event.condition_id:
        return f"conditions/{event.condition.slug}/events/{event.status}"
    return f"initiatives/{event.initiative.slug}/events/{event.status}"
