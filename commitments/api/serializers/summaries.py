"""The shapes of summary groups (for the schema; tracker.summaries builds them). Every column is flat, so that a
group is a CSV row as it is; a group's key columns are present only when the summary is grouped by them."""

from rest_framework import serializers

from ...choices import PartyType, PledgeKind, PledgeStatus, Stance, StatementKind
from ...validators import UNITS


def key(help_text, **kwargs):
    return serializers.CharField(required=False, allow_null=True, help_text=help_text, **kwargs)


def choice(choices, help_text):
    return serializers.ChoiceField(choices=choices, required=False, allow_null=True, help_text=help_text)


class PledgeSummaryGroupSerializer(serializers.Serializer):
    """One group of pledges in one unit. Sums never add one unit to another."""

    country = key("ISO alpha-3 code of the pledging country (group_by=country); null: the party is not a country.")
    country_name = key("The country's name.")
    country_group = key(
        "Slug of the country group (group_by=country_group): the group pledged, or its party is a member of it; a "
        "pledge counts in each such group. Null: neither."
    )
    country_group_name = key("The group's name.")
    organization = key("Slug of the pledging organization (group_by=organization); null: not an organization.")
    organization_name = key("The organization's name.")
    party = key("The pledging party's ISO alpha-3 code or slug (group_by=party).")
    party_type = choice(PartyType.choices, "The party's type.")
    party_name = key("The party's name.")
    initiative = key("Slug of the initiative (group_by=initiative).")
    initiative_name = key("The initiative's name.")
    status = choice(PledgeStatus.choices, "Status (group_by=status); null before a pledge's first event.")
    kind = choice(PledgeKind.choices, "Kind of contribution (group_by=kind).")
    condition = key(
        "Slug of a condition that holds the pledges up (group_by=condition); a pledge counts in each condition "
        "that holds it up. Null: no condition holds it up."
    )
    condition_name = key("The condition's name.")
    unit = serializers.ChoiceField(choices=UNITS, help_text="The unit of the quantities: persons or ISO 4217.")
    count = serializers.IntegerField(help_text="Pledges in the group, in this unit.")
    unspecified_count = serializers.IntegerField(
        help_text="Of them, those whose quantity is unspecified: in neither sum."
    )
    quantity_low = serializers.IntegerField(
        allow_null=True,
        help_text="Sum of the low bounds of the others (an `up_to` pledge adds 0); null when none has a quantity.",
    )
    quantity_high = serializers.IntegerField(
        allow_null=True,
        help_text="Sum of their high bounds; null when open (`quantity_high_open`) or when none has a quantity.",
    )
    quantity_high_open = serializers.BooleanField(
        help_text="An `at_least` pledge is in the group: the high sum has no bound (and is null)."
    )


class StatementSummaryGroupSerializer(serializers.Serializer):
    """One group of statements."""

    stance = choice(
        Stance.choices,
        "Stance on a target (group_by=stance); a statement counts once in each stance it takes. Null: a target "
        "without a stance, or no target.",
    )
    target = key(
        "A target's key (group_by=target): ISO alpha-3 code or slug of a party, pledge key, condition or initiative "
        "slug; a statement counts in each of its targets. Null: no target."
    )
    target_type = choice(
        [*PartyType.choices, ("pledge", "pledge"), ("condition", "condition"), ("initiative", "initiative")],
        "What the target is.",
    )
    target_name = key("The target's name (a pledge's key).")
    speaker = key(
        "Slug of a speaker, person or organization (group_by=speaker); a statement counts with each speaker. "
        "Null: no speaker recorded."
    )
    speaker_type = choice([("person", "person"), ("organization", "organization")], "What the speaker is.")
    speaker_name = key("The speaker's name (an anonymous person's description).")
    kind = choice(StatementKind.choices, "Statement kind (group_by=kind).")
    month = key(
        "Month of the statement's date, YYYY-MM (group_by=month). Null: undated, or dated only to a week or a year.",
        max_length=7,
    )
    count = serializers.IntegerField(help_text="Statements in the group.")
