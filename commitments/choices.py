"""The fixed enumerations of the public API. Values never change; labels may be translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganizationKind(models.TextChoices):
    ARMED_GROUP = "armed_group", _("armed group")
    GOVERNMENT_BODY = "government_body", _("government body")
    MILITARY = "military", _("military")
    MULTILATERAL = "multilateral", _("multilateral")
    THINK_TANK = "think_tank", _("think tank")
    MEDIA = "media", _("media")
    NGO = "ngo", _("NGO")
    OTHER = "other", _("other")


class PledgeStatus(models.TextChoices):
    POSSIBLE = "possible", _("possible (named by others as a possible contributor)")
    CONSIDERING = "considering", _("considering (the party says it is considering)")
    OFFERED = "offered", _("offered")
    COMMITTED = "committed", _("committed")
    DEPLOYED = "deployed", _("deployed")
    FULFILLED = "fulfilled", _("fulfilled")
    WITHDRAWN = "withdrawn", _("withdrawn")
    RULED_OUT = "ruled_out", _("ruled out")


class PledgeKind(models.TextChoices):
    TROOPS = "troops", _("troops")
    PERSONNEL = "personnel", _("military personnel (type not given)")
    POLICE = "police", _("police")
    STAFF_OFFICERS = "staff_officers", _("staff officers")
    OBSERVERS = "observers", _("observers")
    TRAINERS = "trainers", _("trainers")
    FUNDING = "funding", _("funding")
    EQUIPMENT = "equipment", _("equipment")
    LOGISTICS = "logistics", _("logistics")
    OTHER = "other", _("other")


PERSONNEL_KINDS = (
    PledgeKind.TROOPS,
    PledgeKind.PERSONNEL,
    PledgeKind.POLICE,
    PledgeKind.STAFF_OFFICERS,
    PledgeKind.OBSERVERS,
    PledgeKind.TRAINERS,
)


class QuantityQualifier(models.TextChoices):
    EXACT = "exact", _("exact")
    APPROXIMATE = "approximate", _("approximate")
    RANGE = "range", _("range")
    AT_LEAST = "at_least", _("at least")
    UP_TO = "up_to", _("up to")
    UNSPECIFIED = "unspecified", _("unspecified")


PERSONS = "persons"


class ConditionStatus(models.TextChoices):
    UNRESOLVED = "unresolved", _("unresolved")
    UNDER_NEGOTIATION = "under_negotiation", _("under negotiation")
    MET = "met", _("met")
    ABANDONED = "abandoned", _("abandoned")


class InitiativeStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    PLANNED = "planned", _("planned")
    ACTIVE = "active", _("active")
    SUSPENDED = "suspended", _("suspended")
    ENDED = "ended", _("ended")


class StatementKind(models.TextChoices):
    QUOTE = "quote", _("quote")
    PARAPHRASE = "paraphrase", _("paraphrase")
    ANNOUNCEMENT = "announcement", _("announcement")
    REPORT = "report", _("report (the publisher's own voice)")
    DECLINED_TO_COMMENT = "declined_to_comment", _("declined to comment")
    NO_RESPONSE = "no_response", _("no response")


class Stance(models.TextChoices):
    SUPPORTS = "supports", _("supports")
    OPPOSES = "opposes", _("opposes")
    CONDITIONAL = "conditional", _("conditional")
    SKEPTICAL = "skeptical", _("skeptical")
    UNDECIDED = "undecided", _("undecided")
    NEUTRAL = "neutral", _("neutral")


class TextOrigin(models.TextChoices):
    """Whose words a statement's text is: the speaker's own, or a translation of them (from `spoken_language`,
    blank when that is unknown)."""

    OWN_WORDS = "own_words", _("the speaker's own words")
    TRANSLATION = "translation", _("a translation of them")


class TranslationBy(models.TextChoices):
    SOURCE = "source", _("the source")
    EDITOR = "editor", _("an editor")
    MACHINE = "machine", _("a machine")


class SourceKind(models.TextChoices):
    NEWS_REPORT = "news_report", _("news report")
    OFFICIAL_STATEMENT = "official_statement", _("official statement")
    PRESS_RELEASE = "press_release", _("press release")
    INTERVIEW = "interview", _("interview")
    DOCUMENT = "document", _("document")


class PartyType(models.TextChoices):
    COUNTRY = "country", _("country")
    COUNTRY_GROUP = "country_group", _("country group")
    ORGANIZATION = "organization", _("organization")
