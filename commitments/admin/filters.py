"""The changelist filters that match the API's filters of the same names (commitments/filters), applied by the
same queryset methods."""

from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from countries.models import Country, CountryGroup
from tracker.admin_filters import choices_filter, records_filter
from tracker.rows import CURRENT_TABLES

from ..choices import Stance
from ..models import Condition, Initiative

RELATED_ONLY = admin.RelatedOnlyFieldListFilter


def countries_with_parties():
    return Country.objects.filter(party__isnull=False).order_by("name")


PledgeConditionFilter = records_filter(
    _("held up by the condition"),
    "condition",
    lambda: Condition.objects.order_by("name"),
    lambda pledges, ids: pledges.held_up_by(ids, CURRENT_TABLES),
)
PledgeGroupFilter = records_filter(
    _("by the country group or a member"),
    "group",
    lambda: CountryGroup.objects.order_by("name"),
    lambda pledges, ids: pledges.by_groups(ids, CURRENT_TABLES),
)
ConditionInitiativeFilter = records_filter(
    _("on the initiative or its pledges"),
    "initiative",
    lambda: Initiative.objects.order_by("name"),
    lambda conditions, ids: conditions.for_initiatives(ids, CURRENT_TABLES),
)
ConditionCountryFilter = records_filter(
    _("holding up the country"),
    "country",
    countries_with_parties,
    lambda conditions, ids: conditions.for_countries(ids, CURRENT_TABLES),
)
StatementStanceFilter = choices_filter(
    _("stance"),
    "stance",
    Stance,
    lambda statements, stance: statements.with_targets([Q(stance=stance)], CURRENT_TABLES),
)


def about(field):
    """Statements about the record (a target) or, for an initiative, about its pledges."""
    pledges = {"initiative": "pledge__initiative_id__in"}.get(field)

    def apply(statements, ids):
        alternatives = [Q(**{f"{field}_id__in": ids})] + ([Q(**{pledges: ids})] if pledges else [])
        return statements.with_targets(alternatives, CURRENT_TABLES)

    return apply


StatementInitiativeFilter = records_filter(
    _("about the initiative or its pledges"),
    "initiative",
    lambda: Initiative.objects.order_by("name"),
    about("initiative"),
)


def about_conditions(statements, ids):
    """About the conditions, or cited as their evidence, as the API's `condition` filter."""
    about_them = about("condition")(statements, ids)
    return statements.filter(
        Q(id__in=about_them.values("id")) | statements.evidence_for_conditions(ids, CURRENT_TABLES)
    )


StatementConditionFilter = records_filter(
    _("about the condition"), "condition", lambda: Condition.objects.order_by("name"), about_conditions
)


class AnonymousFilter(admin.SimpleListFilter):
    """People recorded without a name (an official the source leaves unnamed), as the API's `anonymous`."""

    title = _("anonymous")
    parameter_name = "anonymous"

    def lookups(self, request, model_admin):
        return [("true", _("Yes")), ("false", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "true":
            return queryset.filter(name="")
        if self.value() == "false":
            return queryset.exclude(name="")
        return queryset
