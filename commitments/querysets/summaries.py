"""Summaries of pledges and statements: counts, and the sums of pledge quantities per unit, by one or two dimensions,
computed by the database (tracker.summaries). Each group is a flat dict (its keys as columns of their own), ready
for JSON and CSV alike."""

from __future__ import annotations

import datetime
from typing import Any, TypeAlias

from django.apps import apps
from django.db.models import Case, CharField, Expression, F, QuerySet, Value, When
from django.db.models.functions import Coalesce, NullIf, TruncMonth

from tracker.dates import DatePrecision
from tracker.rows import VALID_STATUS, Tables
from tracker.summaries import BASE, Aggregate, Dimension, Link, Pairs, Way, Ways, compiled, summarize

from ..choices import PartyType, QuantityQualifier
from .events import StatusTimeline

PLEDGE_TIMELINE = StatusTimeline("pledge")
# What a base column is read from: a field, or an expression over fields.
Column: TypeAlias = "Expression | F"

PLEDGE_DIMENSIONS = {
    dimension.name: dimension
    for dimension in (
        Dimension("country", ("country", "country_name")),
        Dimension("country_group", ("country_group", "country_group_name"), link="country_groups"),
        Dimension("organization", ("organization", "organization_name")),
        Dimension("party", ("party", "party_type", "party_name")),
        Dimension("initiative", ("initiative", "initiative_name")),
        Dimension("status", ("status",)),
        Dimension("kind", ("kind",)),
        Dimension("condition", ("condition", "condition_name"), link="conditions"),
        Dimension("unit", ("unit",)),
    )
}
STATEMENT_DIMENSIONS = {
    dimension.name: dimension
    for dimension in (
        Dimension("stance", ("stance",), link="targets"),
        Dimension("target", ("target", "target_type", "target_name"), link="targets"),
        Dimension("speaker", ("speaker", "speaker_type", "speaker_name"), link="speakers"),
        Dimension("kind", ("kind",)),
        Dimension("month", ("month",)),
    )
}
# Statements dated to the day or the month have a month; a week may straddle two, a year spans twelve.
MONTH_PRECISIONS = (DatePrecision.DAY, DatePrecision.MONTH)
TARGET_RECORDS = ("pledge", "condition", "initiative")


TEXT = CharField()


def text(*expressions: Any) -> Coalesce:
    """The first of `expressions` that is not null, as text."""
    return Coalesce(*expressions, output_field=TEXT)


def model(name: str, app: str = "commitments") -> Any:
    return apps.get_model(app, name)


def counted_where(condition: str) -> str:
    return f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)"


QUALIFIER = f'{BASE}."quantity_qualifier"'
PLEDGE_AGGREGATES = (
    Aggregate("count", "COUNT(*)"),
    Aggregate("unspecified_count", counted_where(f"{QUALIFIER} = %s"), (QuantityQualifier.UNSPECIFIED.value,)),
    # An "up to" pledge has no low bound: it adds nothing to the low sum (its low bound is 0).
    Aggregate(
        "quantity_low",
        f'SUM(CASE WHEN {QUALIFIER} <> %s THEN COALESCE({BASE}."quantity_low", 0) END)',
        (QuantityQualifier.UNSPECIFIED.value,),
    ),
    Aggregate("quantity_high", f'SUM({BASE}."quantity_high")'),
    Aggregate("open_count", counted_where(f"{QUALIFIER} = %s"), (QuantityQualifier.AT_LEAST.value,)),
)
STATEMENT_AGGREGATES = (Aggregate("count", "COUNT(*)"),)


def party_columns(prefix: str, name: str) -> dict[str, Column]:
    """`dim_<name>` (ISO3 or slug), `dim_<name>_type` and `dim_<name>_name` of the party at `prefix`."""
    kinds = (
        ("country", "iso3", PartyType.COUNTRY),
        ("country_group", "slug", PartyType.COUNTRY_GROUP),
        ("organization", "slug", PartyType.ORGANIZATION),
    )
    return {
        f"dim_{name}": text(*(F(f"{prefix}__{field}__{key}") for field, key, _type in kinds)),
        f"dim_{name}_type": Case(
            *(When(**{f"{prefix}__{field}__isnull": False}, then=Value(type_.value)) for field, _key, type_ in kinds),
            output_field=TEXT,
        ),
        f"dim_{name}_name": text(*(F(f"{prefix}__{field}__name") for field, _key, _type in kinds)),
    }


QUANTITY_FIELDS = ("quantity_qualifier", "quantity_low", "quantity_high")
# {dimension: {base column: the pledge's field}}, but for `party` (party_columns) and `status` (today's, or the
# status on the `valid_at` date); `conditions` joins on the pledge's own columns.
PLEDGE_FIELDS = {
    "country": {"dim_country": "party__country__iso3", "dim_country_name": "party__country__name"},
    "country_group": {"via_country": "party__country_id", "via_group": "party__country_group_id"},
    "organization": {
        "dim_organization": "party__organization__slug",
        "dim_organization_name": "party__organization__name",
    },
    "initiative": {"dim_initiative": "initiative__slug", "dim_initiative_name": "initiative__name"},
    "kind": {"dim_kind": "kind"},
    "unit": {"dim_unit": "quantity_unit"},
    "condition": {},
}


class PledgeSummary:
    """Pledges by up to two dimensions and, always, by unit: each group's count, how many of them have an
    unspecified quantity, and the sums of the bounds of the others (never across units)."""

    dimensions = PLEDGE_DIMENSIONS

    def __init__(self, tables: Tables, valid_at: datetime.date | None = None) -> None:
        self.tables = tables
        self.status = VALID_STATUS if valid_at is not None else "status"

    def groups(self, pledges: QuerySet[Any], group_by: list[Dimension]) -> list[dict[str, Any]]:
        dimensions = group_by if self.dimensions["unit"] in group_by else [*group_by, self.dimensions["unit"]]
        base = pledges.values("id", "initiative_id", "party_id", *QUANTITY_FIELDS, **self.base_columns(dimensions))
        links: dict[str, Link] = {"conditions": self.condition_pairs, "country_groups": self.country_group_pairs}
        return [quantities(group) for group in summarize(base, dimensions, PLEDGE_AGGREGATES, links)]

    def base_columns(self, dimensions: list[Dimension]) -> dict[str, Column]:
        """The columns of `base` that the dimensions read (a link reads the ids it joins on)."""
        columns: dict[str, Column] = {}
        for dimension in dimensions:
            if dimension.name == "party":
                columns |= party_columns("party", "party")
            else:
                fields = PLEDGE_FIELDS.get(dimension.name, {"dim_status": self.status})
                columns |= {alias: F(field) for alias, field in fields.items()}
        return columns

    def condition_pairs(self) -> Ways:
        return condition_pairs(self.tables)

    def country_group_pairs(self) -> Pairs:
        """Each pledge with the group that made it, or with each group its country is a member of."""
        groups, group_params = compiled(self.tables.of(model("CountryGroup", "countries")).values("id", "slug", "name"))
        members, member_params = compiled(
            self.tables.of(model("CountryGroupMembership", "countries")).values("country_id", "group_id")
        )
        picked = f'{BASE}.id AS owner, g.slug AS "dim_country_group", g.name AS "dim_country_group_name"'
        sql = (
            f"SELECT {picked} FROM {BASE} JOIN ({groups}) AS g ON g.id = {BASE}.via_group UNION ALL "
            f"SELECT {picked} FROM {BASE} JOIN ({members}) AS m ON m.country_id = {BASE}.via_country "
            f"JOIN ({groups}) AS g ON g.id = m.group_id"
        )
        return Pairs(sql, group_params + member_params + group_params)


def condition_pairs(tables: Tables, condition_ids: list[int] | None = None) -> Ways:
    """Each pledge of `base` with each condition that holds it up, once: through its initiative (on
    `initiative_id`), through its party's participation in the initiative (on `initiative_id` and `party_id`),
    or directly (on `id`); only `condition_ids`, when given. The ways are kept apart: a participation the
    condition does not already hold up as a whole, a pledge it holds up neither way."""
    links = tables.of(model("ConditionLink"))
    if condition_ids is not None:
        links = links.filter(condition_id__in=condition_ids)
    columns = {"l_condition": F("condition_id"), "l_pledge": F("pledge_id"), "l_initiative": F("initiative_id")}
    links_sql, lp = compiled(links.values(**columns, l_party=F("party_id")))
    conditions, cp = compiled(tables.of(model("Condition")).values("id", "slug", "name"))
    of_links = f"FROM ({links_sql}) AS l WHERE l.l_pledge IS"
    whole = f"SELECT DISTINCT l.l_condition, l.l_initiative {of_links} NULL AND l.l_party IS NULL"

    def held_whole(condition: str, initiative: str) -> str:
        pair = f"w.l_condition = {condition} AND w.l_initiative = {initiative}"
        return f"EXISTS (SELECT 1 FROM ({whole}) AS w WHERE {pair})"

    participation = (
        f"SELECT DISTINCT l.l_condition, l.l_initiative, l.l_party {of_links} NULL AND l.l_party IS NOT NULL "
        f"AND NOT {held_whole('l.l_condition', 'l.l_initiative')}"
    )
    held_participation = (
        f"EXISTS (SELECT 1 FROM ({participation}) AS p WHERE p.l_condition = d.l_condition "
        f"AND p.l_initiative = {BASE}.initiative_id AND p.l_party = {BASE}.party_id)"
    )
    direct = f"SELECT DISTINCT l.l_condition, l.l_pledge {of_links} NOT NULL"
    named = 'c.slug AS "dim_condition", c.name AS "dim_condition_name"'
    condition = f"JOIN ({conditions}) AS c ON c.id ="
    return Ways(
        [
            Way(
                ("initiative_id",),
                f"SELECT w.l_initiative AS initiative_id, {named} FROM ({whole}) AS w {condition} w.l_condition",
                [*lp, *cp],
            ),
            Way(
                ("initiative_id", "party_id"),
                f"SELECT p.l_initiative AS initiative_id, p.l_party AS party_id, {named} FROM ({participation}) AS p "
                f"{condition} p.l_condition",
                [*lp, *lp, *cp],
            ),
            Way(
                ("id",),
                f"SELECT {BASE}.id AS id, {named} FROM {BASE} JOIN ({direct}) AS d ON d.l_pledge = {BASE}.id "
                f"{condition} d.l_condition "
                f"WHERE NOT {held_whole('d.l_condition', f'{BASE}.initiative_id')} AND NOT {held_participation}",
                [*lp, *cp, *lp, *lp, *lp],
            ),
        ]
    )


def quantities(group: dict[str, Any]) -> dict[str, Any]:
    """A group with its sums as integers, and its high sum open (null, `quantity_high_open`) when an "at least"
    pledge is in it."""
    open_count = int(group.pop("open_count") or 0)
    low, high = group["quantity_low"], group["quantity_high"]
    return {
        **group,
        "count": int(group["count"]),
        "unspecified_count": int(group["unspecified_count"] or 0),
        "quantity_low": None if low is None else int(low),
        "quantity_high": None if high is None or open_count else int(high),
        "quantity_high_open": bool(open_count),
    }


class StatementSummary:
    """Statements by up to two dimensions: each group's count. A statement counts once in each group it belongs
    to: in each stance and target it has, and with each of its speakers."""

    dimensions = STATEMENT_DIMENSIONS

    def __init__(self, tables: Tables, valid_at: datetime.date | None = None) -> None:
        self.tables = tables

    def groups(self, statements: QuerySet[Any], group_by: list[Dimension]) -> list[dict[str, Any]]:
        month = Case(When(date_precision__in=MONTH_PRECISIONS, then=TruncMonth("date")), default=None)
        base = statements.values("id", dim_kind=F("kind"), dim_month=month)
        links: dict[str, Link] = {"targets": self.targets, "speakers": self.speakers}
        groups = summarize(base, group_by, STATEMENT_AGGREGATES, links)
        return [{**group, **months(group)} for group in groups]

    def targets(self) -> Pairs:
        """Each statement's targets, each with the statement's stance on it (null for none given)."""
        party = party_columns("party", "target")
        columns = {
            "dim_stance": NullIf("stance", Value("")),
            "dim_target": text(party["dim_target"], "pledge__key", "condition__slug", "initiative__slug"),
            "dim_target_type": text(
                party["dim_target_type"],
                Case(*(When(**{f"{field}__isnull": False}, then=Value(field)) for field in TARGET_RECORDS)),
            ),
            "dim_target_name": text(party["dim_target_name"], "pledge__key", "condition__name", "initiative__name"),
        }
        return Pairs(*compiled(self.tables.of(model("StatementTarget")).values(owner=F("statement_id"), **columns)))

    def speakers(self) -> Pairs:
        columns = {
            "dim_speaker": text("person__slug", "organization__slug"),
            "dim_speaker_type": Case(When(person__isnull=False, then=Value("person")), default=Value("organization")),
            "dim_speaker_name": text(
                NullIf("person__name", Value("")), NullIf("person__description", Value("")), "organization__name"
            ),
        }
        return Pairs(*compiled(self.tables.of(model("StatementSpeaker")).values(owner=F("statement_id"), **columns)))


def months(group: dict[str, Any]) -> dict[str, Any]:
    """The month as `YYYY-MM` (the database gives a date, or its text)."""
    if "month" not in group:
        return {}
    month = group["month"]
    return {"month": None if month is None else str(month)[:7]}


def pledges_by_status(tables: Tables, condition_ids: list[int], valid_at: datetime.date | None = None) -> Any:
    """{condition slug: {status: count}} of the pledges each condition holds up, in one query."""
    pledges: Any = tables.of(model("Pledge"))
    pledges = pledges.held_up_by(condition_ids, tables)
    status = "status"
    if valid_at is not None:
        pledges, status = PLEDGE_TIMELINE.valid_at(pledges, valid_at, tables), VALID_STATUS
    base = pledges.values("id", "initiative_id", "party_id", dim_status=F(status))
    by_condition = [Dimension("condition", ("condition",), link="conditions"), Dimension("status", ("status",))]
    links: dict[str, Link] = {"conditions": lambda: condition_pairs(tables, condition_ids)}
    counts: dict[str, dict[str, int]] = {}
    for group in summarize(base, by_condition, STATEMENT_AGGREGATES, links):
        counts.setdefault(group["condition"], {})[group["status"] or "none"] = int(group["count"])
    return counts
