"""Queryset methods that filters call. One that reads link tables reads them from the `tables` it is given
(`tracker.rows.Tables`): today's, or as they stood at an instant. They also apply to a queryset as of an instant
(`tracker.rows.as_of_queryset`), whose fields have the model's names."""

from django.apps import apps
from django.db import connections, models
from django.db.models import Exists, F, OuterRef, Q, Subquery

from tracker.lookups import AnyOf

from ..choices import QuantityQualifier


def model(name, app="commitments"):
    return apps.get_model(app, name)


def table(tables, name, app="commitments"):
    """The rows of model `name` in `tables`: today's, or as of an instant."""
    return tables.of(model(name, app))


# Up to how many statements a target filter names by their ids. The ids are read once, and the page and its count
# then read those statements by id alone; a subquery would be read twice (PostgreSQL does not keep it between the
# two), and at 6,000 statements about one country each read took some 30 ms.
FEW_STATEMENTS = 10_000


def among(ids, database):
    """Records whose id is one of `ids` (a query of ids): on PostgreSQL, when it holds at most FEW_STATEMENTS, read
    once and given as their array; else the query itself."""
    if connections[database].vendor == "postgresql":
        read, array = read_as_array(ids[: FEW_STATEMENTS + 1], database)
        if read <= FEW_STATEMENTS:
            return AnyOf(F("id"), array)
    return Q(id__in=ids)


def read_as_array(ids, database):
    """(how many rows the query of ids returns, its distinct ids in order as the text of a PostgreSQL array): one
    row, so that the ids are not read, sorted and written out one by one in Python (some 3 ms for 6,000 ids), nor
    their array written again for each query that names it."""
    sql, params = ids.query.get_compiler(using=database).as_sql()
    with connections[database].cursor() as cursor:
        cursor.execute(
            f"SELECT count(*), coalesce(array_agg(DISTINCT id ORDER BY id)::text, '{{}}') FROM ({sql}) AS read_ids(id)",
            params,
        )
        return cursor.fetchone()


def party_ids(condition):
    """The ids of the parties that meet `condition`, read before the records that name them: given as a list, they
    let the planner see how many records each party has (a join to the parties gave it a generic guess, and it read
    every pledge of a large contributor to return its first hundred). A party's country, group or organization never
    changes, so today's parties answer for any instant."""
    return list(model("Party").objects.filter(condition).values_list("id", flat=True))


class StatusEventQuerySet(models.QuerySet):
    def timeline(self):
        return self.order_by("date", "created", "id")


class PledgeQuerySet(models.QuerySet):
    # What a search of pledges reads, in the API and the admin alike; PostgreSQL keeps their words in a stored
    # column (migration 0008).
    search_fields = (
        "key",
        "description",
        "quantity_text",
        "initiative__name",
        "party__country__name",
        "party__country_group__name",
        "party__organization__name",
    )
    stores_search_document = True

    def by_countries(self, country_ids):
        return self.filter(party_id__in=party_ids(Q(country_id__in=country_ids)))

    def by_groups(self, group_ids, tables):
        """Pledges by the groups themselves or by any of their member countries."""
        members = table(tables, "CountryGroupMembership", "countries").filter(group_id__in=group_ids)
        return self.filter(
            party_id__in=party_ids(Q(country_group_id__in=group_ids) | Q(country_id__in=members.values("country_id")))
        )

    def by_organizations(self, organization_ids):
        return self.filter(party_id__in=party_ids(Q(organization_id__in=organization_ids)))

    def held_up_by(self, condition_ids, tables):
        """Pledges a condition holds up: directly, through their initiative, or through their party's
        participation in that initiative."""
        links = table(tables, "ConditionLink").filter(condition_id__in=condition_ids)
        whole_initiatives = links.filter(pledge__isnull=True, party__isnull=True).values("initiative_id")
        participation = links.filter(pledge__isnull=True, initiative=OuterRef("initiative"), party=OuterRef("party"))
        return self.filter(
            Q(id__in=links.filter(pledge__isnull=False).values("pledge_id"))
            | Q(initiative_id__in=whole_initiatives)
            | Exists(participation)
        )

    def citing(self, source_ids, tables):
        """Pledges that cite one of these sources, themselves or through their events."""
        direct = table(tables, "PledgeSource").filter(source_id__in=source_ids).values("pledge_id")
        evidence = table(tables, "EventEvidence").filter(source_id__in=source_ids).values("event_id")
        events = table(tables, "StatusEvent").filter(id__in=evidence, pledge__isnull=False)
        return self.filter(Q(id__in=direct) | Q(id__in=events.values("pledge_id")))

    def reaching(self, number):
        """Pledges whose quantity can reach `number` or more (unspecified quantities never match)."""
        return self.filter(Q(quantity_high__gte=number) | Q(quantity_qualifier=QuantityQualifier.AT_LEAST))

    def staying_within(self, number):
        """Pledges whose quantity can stay at `number` or less (unspecified quantities never match)."""
        return self.filter(Q(quantity_low__lte=number) | Q(quantity_qualifier=QuantityQualifier.UP_TO))


class ConditionQuerySet(models.QuerySet):
    def for_initiatives(self, initiative_ids, tables):
        pledges = table(tables, "Pledge").filter(initiative_id__in=initiative_ids)
        links = table(tables, "ConditionLink").filter(
            Q(initiative_id__in=initiative_ids) | Q(pledge_id__in=pledges.values("id"))
        )
        return self.filter(id__in=links.values("condition_id"))

    def holding_up(self, pledges, tables):
        """Conditions that hold up any of `pledges` (a queryset), directly, through the initiative or through
        the party's participation. As of an instant, the pledges are read as they stood then."""
        if tables.instant is not None:
            pledges = table(tables, "Pledge").filter(id__in=pledges.values("id"))
        links = table(tables, "ConditionLink").filter(
            Q(pledge_id__in=pledges.values("id"))
            | Q(pledge__isnull=True, party__isnull=True, initiative_id__in=pledges.values("initiative_id"))
            | Exists(pledges.filter(initiative=OuterRef("initiative"), party=OuterRef("party")))
        )
        return self.filter(id__in=links.values("condition_id"))

    def for_countries(self, country_ids, tables):
        """Conditions that hold up these countries' pledges or participation."""
        pledges = table(tables, "Pledge").by_countries(country_ids)
        participation = table(tables, "ConditionLink").filter(party__country_id__in=country_ids)
        return self.holding_up(pledges, tables) | self.filter(id__in=participation.values("condition_id"))


class StatementQuerySet(models.QuerySet):
    # What a search of statements reads, in the API and the admin alike; PostgreSQL keeps their words in a stored
    # column (migration 0008).
    search_fields = (
        "key",
        "text",
        "translation",
        "speakers__person__name",
        "speakers__person__description",
        "speakers__organization__name",
    )
    stores_search_document = True

    def with_reported(self, tables):
        """Annotates `reported` and `reported_precision`: the publication date of the earliest cited source that
        has one. Computed, not stored, so that a correction to a source's date shows on every statement citing it,
        and, as of an instant, read from the sources and links as they stood then."""
        links = table(tables, "StatementSource").filter(statement_id=OuterRef(OuterRef("id")))
        earliest = (
            table(tables, "Source")
            .filter(id__in=links.values("source_id"), published__isnull=False)
            .order_by("published", "id")
        )
        return self.annotate(
            reported=Subquery(earliest.values("published")[:1]),
            reported_precision=Subquery(earliest.values("published_precision")[:1]),
        )

    def spoken_by_people(self, person_ids, tables):
        speakers = table(tables, "StatementSpeaker").filter(person_id__in=person_ids)
        return self.filter(id__in=speakers.values("statement_id"))

    def involving_organizations(self, organization_ids, tables):
        """Statements whose speaker is, or belongs to, one of the organizations, or that speak for one."""
        members = table(tables, "Person").filter(organization_id__in=organization_ids)
        speakers = table(tables, "StatementSpeaker").filter(
            Q(organization_id__in=organization_ids) | Q(person_id__in=members.values("id"))
        )
        return self.filter(
            Q(id__in=speakers.values("statement_id")) | Q(on_behalf_of__organization_id__in=organization_ids)
        )

    def according_to(self, basis_filter, tables):
        """Statements that report according to a party matching `basis_filter` (a Q on StatementBasis)."""
        bases = table(tables, "StatementBasis").filter(basis_filter)
        return self.filter(id__in=bases.values("statement_id"))

    def with_targets(self, alternatives, tables):
        """Statements with a target matching any of `alternatives` (Qs on StatementTarget), read as the union of
        each one's targets, so that each can use its own index (an OR in one query would read every target)."""
        targets = table(tables, "StatementTarget").order_by()
        first, *others = (targets.filter(each).values_list("statement_id", flat=True) for each in alternatives)
        matching = first.union(*others, all=True) if others else first
        return self.filter(among(matching, self.db))

    def citing(self, source_ids, tables):
        links = table(tables, "StatementSource").filter(source_id__in=source_ids)
        return self.filter(id__in=links.values("statement_id"))

    def published_by(self, organization_ids, tables):
        sources = table(tables, "Source").filter(publisher_id__in=organization_ids)
        links = table(tables, "StatementSource").filter(source_id__in=sources.values("id"))
        return self.filter(id__in=links.values("statement_id"))

    def evidence_for_conditions(self, condition_ids, tables):
        links = table(tables, "ConditionLink").filter(condition_id__in=condition_ids, statement__isnull=False)
        events = table(tables, "StatusEvent").filter(condition_id__in=condition_ids).values("id")
        events = table(tables, "EventEvidence").filter(event_id__in=events, statement__isnull=False)
        return Q(id__in=links.values("statement_id")) | Q(id__in=events.values("statement_id"))
