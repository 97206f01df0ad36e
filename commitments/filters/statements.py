from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from countries.filters import CountryCodesFilter
from countries.models import CountryGroup
from tracker.filters import AnyOfChoiceFilter, PeriodEndsAfterFilter, PeriodStartsBeforeFilter, TrackerFilterSet

from ..choices import ConditionStatus, Stance, StatementKind
from ..models import Condition, Initiative, Organization, Person, Pledge, Statement
from ..querysets import party_ids
from .records import LanguageFilter, ids_or_keys, slugs, source_ids

ABOUT_FILTERS = ("about_country", "about_group", "about_organization", "pledge", "condition", "initiative")


class ConditionFilterSet(TrackerFilterSet):
    status = AnyOfChoiceFilter(choices=ConditionStatus.choices, help_text=_("Current statuses (any of)."))
    initiative = slugs(
        Initiative, _("Conditions on these initiatives or their pledges (slugs)."), apply="for_initiatives"
    )
    pledge = ids_or_keys(Pledge, _("Conditions that hold up these pledges (ids or keys)."), apply="for_pledges")
    country = CountryCodesFilter(
        apply="for_countries", help_text=_("Conditions that hold up these countries' pledges or participation.")
    )

    class Meta:
        model = Condition
        fields = ["status", "initiative", "pledge", "country"]

    def for_initiatives(self, queryset, ids):
        return queryset.for_initiatives(ids, self.tables)

    def for_pledges(self, queryset, ids):
        return queryset.holding_up(Pledge.objects.filter(id__in=ids), self.tables)

    def for_countries(self, queryset, ids):
        return queryset.for_countries(ids, self.tables)


class StatementFilterSet(TrackerFilterSet):
    """`stance` combined with an `about_…`, `pledge`, `condition` or `initiative` filter matches stances on that
    same target."""

    speaker = slugs(Person, _("Speakers: person slugs (any of)."), apply="spoken_by")
    organization = slugs(
        Organization, _("The speaker's organization, or the one spoken for (slugs)."), apply="involving_organizations"
    )
    country = CountryCodesFilter(field_name="on_behalf_of__country_id", help_text=_("The country spoken for."))
    according_to_country = CountryCodesFilter(
        apply="according_to_countries", help_text=_("Reported according to these countries (their tallies, …).")
    )
    according_to_organization = slugs(
        Organization, _("Reported according to these organizations (slugs)."), apply="according_to_organizations"
    )
    about_country = CountryCodesFilter(apply="about_countries", help_text=_("About these countries or their pledges."))
    about_group = slugs(CountryGroup, _("About these country groups or their pledges."), apply="about_groups")
    about_organization = slugs(
        Organization, _("About these organizations or their pledges."), apply="about_organizations"
    )
    pledge = ids_or_keys(Pledge, _("About these pledges (ids or keys)."), apply="about_pledges")
    condition = slugs(Condition, _("About these conditions, or cited as their evidence."), apply="about_conditions")
    initiative = slugs(Initiative, _("About these initiatives or their pledges."), apply="about_initiatives")
    stance = AnyOfChoiceFilter(
        choices=Stance.choices,
        method="filter_stance",
        help_text=_("Stances (any of); with an about filter, on that same target."),
    )
    kind = AnyOfChoiceFilter(choices=StatementKind.choices, help_text=_("Statement kinds (any of)."))
    language = LanguageFilter(field_name="language", help_text=_("Language of the text: BCP 47 tags (any of)."))
    stated_after = PeriodEndsAfterFilter(field_name="date", help_text=_("Dated in a period ending on or after this."))
    stated_before = PeriodStartsBeforeFilter(field_name="date", help_text=_("Dated in a period starting on or before."))
    reported_after = PeriodEndsAfterFilter(
        field_name="reported", help_text=_("First reported (earliest cited source) in a period ending on or after.")
    )
    reported_before = PeriodStartsBeforeFilter(
        field_name="reported", help_text=_("First reported (earliest cited source) in a period starting on or before.")
    )
    source = source_ids(apply="citing")
    publisher = slugs(Organization, _("Cited sources published by these organizations."), apply="published_by")

    class Meta:
        model = Statement
        fields = []

    def filter_queryset(self, queryset):
        """Each target filter (`about_…`, `pledge`, `condition`, `initiative`) must match a target of its own;
        `stance` applies to that same target, or to any target when no target filter is given.

        A target filter is a list of alternatives, each a condition on a target's own columns (its party, its
        pledge): the targets matching any are their union, each part read from an index of its own."""
        self.target_conditions = []
        queryset = super().filter_queryset(queryset)
        stance = self.form.cleaned_data.get("stance")
        stance_condition = Q(stance__in=stance) if stance else Q()
        if stance and not self.target_conditions:
            return queryset.with_targets([stance_condition], self.tables)
        for alternatives in self.target_conditions:
            queryset = queryset.with_targets([each & stance_condition for each in alternatives], self.tables)
        return queryset

    def filter_stance(self, queryset, name, value):
        return queryset

    def target(self, queryset, *alternatives):
        self.target_conditions.append(alternatives)
        return queryset

    def parties_or_their_pledges(self, queryset, **party):
        """Targets that are these parties (`country_id__in=…`), or pledges of theirs."""
        parties = party_ids(Q(**party))
        pledges = self.tables.of(Pledge).filter(party_id__in=parties).values("id")
        return self.target(queryset, Q(party_id__in=parties), Q(pledge_id__in=pledges))

    def spoken_by(self, queryset, ids):
        return queryset.spoken_by_people(ids, self.tables)

    def involving_organizations(self, queryset, ids):
        return queryset.involving_organizations(ids, self.tables)

    def according_to_countries(self, queryset, ids):
        return queryset.according_to(Q(party__country_id__in=ids), self.tables)

    def according_to_organizations(self, queryset, ids):
        return queryset.according_to(Q(party__organization_id__in=ids), self.tables)

    def about_countries(self, queryset, ids):
        return self.parties_or_their_pledges(queryset, country_id__in=ids)

    def about_groups(self, queryset, ids):
        return self.parties_or_their_pledges(queryset, country_group_id__in=ids)

    def about_organizations(self, queryset, ids):
        return self.parties_or_their_pledges(queryset, organization_id__in=ids)

    def about_pledges(self, queryset, ids):
        return self.target(queryset, Q(pledge_id__in=ids))

    def about_conditions(self, queryset, ids):
        if self.form.cleaned_data.get("stance"):
            return self.target(queryset, Q(condition_id__in=ids))
        about = self.tables.of(Statement).with_targets([Q(condition_id__in=ids)], self.tables)
        return queryset.filter(Q(id__in=about.values("id")) | queryset.evidence_for_conditions(ids, self.tables))

    def about_initiatives(self, queryset, ids):
        pledges = self.tables.of(Pledge).filter(initiative_id__in=ids).values("id")
        return self.target(queryset, Q(initiative_id__in=ids), Q(pledge_id__in=pledges))

    def citing(self, queryset, ids):
        return queryset.citing(ids, self.tables)

    def published_by(self, queryset, ids):
        return queryset.published_by(ids, self.tables)
