from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef, Q

from ..choices import QuantityQualifier


def model(name):
    return apps.get_model("commitments", name)


class OrganizationQuerySet(models.QuerySet):
    pass


class PersonQuerySet(models.QuerySet):
    pass


class PartyQuerySet(models.QuerySet):
    def of_countries(self, country_ids):
        return self.filter(country_id__in=country_ids)


class SourceQuerySet(models.QuerySet):
    pass


class InitiativeQuerySet(models.QuerySet):
    pass


class StatusEventQuerySet(models.QuerySet):
    def timeline(self):
        return self.order_by("date", "created", "id")


class PledgeQuerySet(models.QuerySet):
    def by_countries(self, country_ids):
        return self.filter(party__country_id__in=country_ids)

    def by_groups(self, group_ids):
        """Pledges by the groups themselves or by any of their member countries."""
        members = apps.get_model("countries", "CountryGroupMembership").objects.filter(group_id__in=group_ids)
        return self.filter(
            Q(party__country_group_id__in=group_ids) | Q(party__country_id__in=members.values("country_id"))
        )

    def by_organizations(self, organization_ids):
        return self.filter(party__organization_id__in=organization_ids)

    def held_up_by(self, condition_ids):
        """Pledges a condition holds up: directly, through their initiative, or through their party's
        participation in that initiative."""
        links = model("ConditionLink").objects.filter(condition_id__in=condition_ids)
        whole_initiatives = links.filter(pledge__isnull=True, party__isnull=True).values("initiative_id")
        participation = links.filter(pledge__isnull=True, initiative=OuterRef("initiative"), party=OuterRef("party"))
        return self.filter(
            Q(id__in=links.filter(pledge__isnull=False).values("pledge_id"))
            | Q(initiative_id__in=whole_initiatives)
            | Exists(participation)
        )

    def citing(self, source_ids):
        """Pledges that cite one of these sources, themselves or through their events."""
        direct = model("PledgeSource").objects.filter(source_id__in=source_ids).values("pledge_id")
        evidence = model("EventEvidence").objects.filter(source_id__in=source_ids, event__pledge__isnull=False)
        return self.filter(Q(id__in=direct) | Q(id__in=evidence.values("event__pledge_id")))

    def reaching(self, number):
        """Pledges whose quantity can reach `number` or more (unspecified quantities never match)."""
        return self.filter(Q(quantity_high__gte=number) | Q(quantity_qualifier=QuantityQualifier.AT_LEAST))

    def staying_within(self, number):
        """Pledges whose quantity can stay at `number` or less (unspecified quantities never match)."""
        return self.filter(Q(quantity_low__lte=number) | Q(quantity_qualifier=QuantityQualifier.UP_TO))


class ConditionQuerySet(models.QuerySet):
    def for_initiatives(self, initiative_ids):
        links = model("ConditionLink").objects.filter(
            Q(initiative_id__in=initiative_ids) | Q(pledge__initiative_id__in=initiative_ids)
        )
        return self.filter(id__in=links.values("condition_id"))

    def holding_up(self, pledges):
        """Conditions that hold up any of `pledges` (a queryset), directly, through the initiative or through
        the party's participation."""
        links = model("ConditionLink").objects.filter(
            Q(pledge_id__in=pledges.values("id"))
            | Q(pledge__isnull=True, party__isnull=True, initiative_id__in=pledges.values("initiative_id"))
            | Exists(pledges.filter(initiative=OuterRef("initiative"), party=OuterRef("party")))
        )
        return self.filter(id__in=links.values("condition_id"))

    def for_countries(self, country_ids):
        """Conditions that hold up these countries' pledges or participation."""
        pledges = model("Pledge").objects.by_countries(country_ids)
        participation = model("ConditionLink").objects.filter(party__country_id__in=country_ids)
        return self.holding_up(pledges) | self.filter(id__in=participation.values("condition_id"))


class ConditionLinkQuerySet(models.QuerySet):
    pass


class StatementQuerySet(models.QuerySet):
    def spoken_by_people(self, person_ids):
        speakers = model("StatementSpeaker").objects.filter(person_id__in=person_ids)
        return self.filter(id__in=speakers.values("statement_id"))

    def involving_organizations(self, organization_ids):
        """Statements whose speaker is, or belongs to, one of the organizations, or that speak for one."""
        speakers = model("StatementSpeaker").objects.filter(
            Q(organization_id__in=organization_ids) | Q(person__organization_id__in=organization_ids)
        )
        return self.filter(
            Q(id__in=speakers.values("statement_id")) | Q(on_behalf_of__organization_id__in=organization_ids)
        )

    def with_targets(self, target_filter):
        """Statements with a target matching `target_filter` (a Q on StatementTarget)."""
        targets = model("StatementTarget").objects.filter(target_filter)
        return self.filter(id__in=targets.values("statement_id"))

    def citing(self, source_ids):
        links = model("StatementSource").objects.filter(source_id__in=source_ids)
        return self.filter(id__in=links.values("statement_id"))

    def published_by(self, organization_ids):
        links = model("StatementSource").objects.filter(source__publisher_id__in=organization_ids)
        return self.filter(id__in=links.values("statement_id"))

    def evidence_for_conditions(self, condition_ids):
        links = model("ConditionLink").objects.filter(condition_id__in=condition_ids, statement__isnull=False)
        events = model("EventEvidence").objects.filter(event__condition_id__in=condition_ids, statement__isnull=False)
        return Q(id__in=links.values("statement_id")) | Q(id__in=events.values("statement_id"))
