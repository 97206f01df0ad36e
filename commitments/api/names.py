"""The API's names for this app's records and rules, registered when the app is ready: the collection each
record is served in, and the request field each database constraint concerns (a violation of one that is not
listed is reported in `non_field_errors`)."""

from tracker.api_names import Collection, register_collection, register_constraint_fields

from ..choices import QuantityQualifier
from ..models import Condition, Initiative, Organization, Person, Pledge, Source, Statement

ORGANIZATIONS = Collection("organizations", lookup="slug")
PEOPLE = Collection("people", lookup="slug")
INITIATIVES = Collection("initiatives", lookup="slug")
PLEDGES = Collection("pledges")
CONDITIONS = Collection("conditions", lookup="slug")
STATEMENTS = Collection("statements")
SOURCES = Collection("sources")

CONSTRAINT_FIELDS = {
    "initiative_not_its_own_parent": "parent",
    "initiative_ends_after_it_starts": "end",
    "pledge_quantity_low_not_negative": "quantity",
    "pledge_quantity_high_not_negative": "quantity",
    "pledge_quantity_low_not_above_high": "quantity",
    **{f"pledge_quantity_{qualifier}": "quantity" for qualifier in QuantityQualifier.values},
    "pledge_quantity_unit_persons_or_currency": "quantity",
    "pledge_personnel_counted_in_persons": "quantity",
    "pledge_funding_in_currency": "quantity",
    "pledge_source_unique": "sources",
    "statusevent_exactly_one_record": "status",
    "statusevent_status_fits_record": "status",
    "eventevidence_source_or_statement": "sources",
    "eventevidence_source_unique": "sources",
    "eventevidence_statement_unique": "statements",
    "conditionlink_holds_up_one_thing": "links",
    "conditionlink_has_evidence": "links",
    "source_url_unique": "document_url",
    "source_not_translation_of_itself": "translation_of",
    "statement_translation_has_translator": "translation_by",
    "statement_own_words_in_the_spoken_language": "text_origin",
    "statement_translation_from_another_language": "text_origin",
    "statement_said_something_has_text": "text",
    "statementspeaker_person_or_organization": "speakers",
    "statementspeaker_person_unique": "speakers",
    "statementspeaker_organization_unique": "speakers",
    "statementspeaker_count_positive": "speakers",
    "statement_source_unique": "sources",
    "statementtarget_exactly_one": "targets",
    **{f"statementtarget_{field}_unique": "targets" for field in ("party", "pledge", "condition", "initiative")},
    "statementbasis_party_unique": "according_to",
}


def register_names():
    register_collection(Organization, ORGANIZATIONS)
    register_collection(Person, PEOPLE)
    register_collection(Initiative, INITIATIVES)
    register_collection(Pledge, PLEDGES)
    register_collection(Condition, CONDITIONS)
    register_collection(Statement, STATEMENTS)
    register_collection(Source, SOURCES)
    register_constraint_fields(CONSTRAINT_FIELDS)
