"""Queryset methods that filters call. Each reads its link tables through `tables_for(self)`: today's, or, on a
queryset as of an instant (`tracker.rows.as_of_queryset`, which has these methods too), as they stood then."""

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery

from tracker.rows import tables_for

from ..choices import QuantityQualifier


def model(name, app="commitments"):
    return apps.get_model(app, name)


def table(queryset, name, app="commitments"):
    """The rows of model `name` that go with `queryset`: today's, or as of its instant."""
    return tables_for(queryset).of(model(name, app))


class StatusEventQuerySet(models.QuerySet):
    def timeline(self):
        return self.order_by("date", "created", "id")


class PledgeQuerySet(models.QuerySet):
    def by_countries(self, country_ids):
        return self.filter(party__country_id__in=country_ids)

    def by_groups(self, group_ids):
        """Pledges by the groups themselves or by any of their member countries."""
        members = table(self, "CountryGroupMembership", "countries").filter(group_id__in=group_ids)
        return self.filter(
            Q(party__country_group_id__in=group_ids) | Q(party__country_id__in=members.values("country_id"))
        )

    def by_organizations(self, organization_ids):
        return self.filter(party__organization_id__in=organization_ids)

    def held_up_by(self, condition_ids):
        """Pledges a condition holds up: directly, through their initiative, or through their party's
        participation in that initiative."""
        links = table(self, "ConditionLink").filter(condition_id__in=condition_ids)
        whole_initiatives = links.filter(pledge__isnull=True, party__isnull=True).values("initiative_id")
        participation = links.filter(pledge__isnull=True, initiative=OuterRef("initiative"), party=OuterRef("party"))
        return self.filter(
            Q(id__in=links.filter(pledge__isnull=False).values("pledge_id"))
            | Q(initiative_id__in=whole_initiatives)
            | Exists(participation)
        )

    def citing(self, source_ids):
        """Pledges that cite one of these sources, themselves or through their events."""
        direct = table(self, "PledgeSource").filter(source_id__in=source_ids).values("pledge_id")
        evidence = table(self, "EventEvidence").filter(source_id__in=source_ids).values("event_id")
        events = table(self, "StatusEvent").filter(id__in=evidence, pledge__isnull=False)
        return self.filter(Q(id__in=direct) | Q(id__in=events.values("pledge_id")))

    def reaching(self, number):
        """Pledges whose quantity can reach `number` or more (unspecified quantities never match)."""
        return self.filter(Q(quantity_high__gte=number) | Q(quantity_qualifier=QuantityQualifier.AT_LEAST))

    def staying_within(self, number):
        """Pledges whose quantity can stay at `number` or less (unspecified quantities never match)."""
        return self.filter(Q(quantity_low__lte=number) | Q(quantity_qualifier=QuantityQualifier.UP_TO))


class ConditionQuerySet(models.QuerySet):
    def for_initiatives(self, initiative_ids):
        pledges = table(self, "Pledge").filter(initiative_id__in=initiative_ids)
        links = table(self, "ConditionLink").filter(
            Q(initiative_id__in=initiative_ids) | Q(pledge_id__in=pledges.values("id"))
        )
        return self.filter(id__in=links.values("condition_id"))

    def holding_up(self, pledges):
        """Conditions that hold up any of `pledges` (a queryset), directly, through the initiative or through
        the party's participation. As of an instant, the pledges are read as they stood then."""
        if tables_for(self).instant is not None:
            pledges = table(self, "Pledge").filter(id__in=pledges.values("id"))
        links = table(self, "ConditionLink").filter(
            Q(pledge_id__in=pledges.values("id"))
            | Q(pledge__isnull=True, party__isnull=True, initiative_id__in=pledges.values("initiative_id"))
            | Exists(pledges.filter(initiative=OuterRef("initiative"), party=OuterRef("party")))
        )
        return self.filter(id__in=links.values("condition_id"))

    def for_countries(self, country_ids):
        """Conditions that hold up these countries' pledges or participation."""
        pledges = table(self, "Pledge").by_countries(country_ids)
        participation = table(self, "ConditionLink").filter(party__country_id__in=country_ids)
        return self.holding_up(pledges) | self.filter(id__in=participation.values("condition_id"))


class StatementQuerySet(models.QuerySet):
    def with_reported(self):
        """Annotates `reported` and `reported_precision`: the publication date of the earliest cited source that
        has one. Computed, not stored, so that a correction to a source's date shows on every statement citing it,
        and, as of an instant, read from the sources and links as they stood then."""
        links = table(self, "StatementSource").filter(statement_id=OuterRef(OuterRef("id")))
        earliest = (
            table(self, "Source")
            .filter(id__in=links.values("source_id"), published__isnull=False)
            .order_by("published", "id")
        )
        return self.annotate(
            reported=Subquery(earliest.values("published")[:1]),
            reported_precision=Subquery(earliest.values("published_precision")[:1]),
        )

    def spoken_by_people(self, person_ids):
        speakers = table(self, "StatementSpeaker").filter(person_id__in=person_ids)
        return self.filter(id__in=speakers.values("statement_id"))

    def involving_organizations(self, organization_ids):
        """Statements whose speaker is, or belongs to, one of the organizations, or that speak for one."""
        members = table(self, "Person").filter(organization_id__in=organization_ids)
        speakers = table(self, "StatementSpeaker").filter(
            Q(organization_id__in=organization_ids) | Q(person_id__in=members.values("id"))
        )
        return self.filter(
            Q(id__in=speakers.values("statement_id")) | Q(on_behalf_of__organization_id__in=organization_ids)
        )

    def according_to(self, basis_filter):
        """Statements that report according to a party matching `basis_filter` (a Q on StatementBasis)."""
        bases = table(self, "StatementBasis").filter(basis_filter)
        return self.filter(id__in=bases.values("statement_id"))

    def with_targets(self, target_filter):
        """Statements with a target matching `target_filter` (a Q on StatementTarget)."""
        targets = table(self, "StatementTarget").filter(target_filter)
        return self.filter(id__in=targets.values("statement_id"))

    def citing(self, source_ids):
        links = table(self, "StatementSource").filter(source_id__in=source_ids)
        return self.filter(id__in=links.values("statement_id"))

    def published_by(self, organization_ids):
        sources = table(self, "Source").filter(publisher_id__in=organization_ids)
        links = table(self, "StatementSource").filter(source_id__in=sources.values("id"))
        return self.filter(id__in=links.values("statement_id"))

    def evidence_for_conditions(self, condition_ids):
        links = table(self, "ConditionLink").filter(condition_id__in=condition_ids, statement__isnull=False)
        events = table(self, "StatusEvent").filter(condition_id__in=condition_ids).values("id")
        events = table(self, "EventEvidence").filter(event_id__in=events, statement__isnull=False)
        return Q(id__in=links.values("statement_id")) | Q(id__in=events.values("statement_id"))
