import datetime
import io
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commitments.models import (
    Condition,
    ConditionLink,
    Initiative,
    Organization,
    Person,
    Pledge,
    PledgeSource,
    Source,
    Statement,
    StatementSource,
    StatementSpeaker,
    StatementTarget,
    StatusEvent,
)
from commitments.seed.authorship import seed_user
from commitments.services.initiatives import initiative_update
from commitments.services.parties import organization_update, party_for
from commitments.services.pledges import pledge_update
from commitments.services.statements import statement_update
from countries.models import Country, CountryGroup
from countries.services import country_group_members_set
from tests.factories import ConditionFactory, StatementFactory, add_event
from tests.helpers import results
from tracker.history import change_context

pytestmark = pytest.mark.django_db

ARTICLE = Path(__file__).resolve().parents[2] / "commitments/seed/gaza_2025/cmcc-kiryat-gat-article.id.txt"
AUDIT = ARTICLE.parent / "audit_sources.txt"
LEFTOVER = "membuka tab baru"
TRACKED_APPS = ("countries", "commitments")
UNDATED = {
    "2025-10-20-hamas-spokesperson-sensitive-issue",
    "2025-10-20-uk-spokesperson-planning-officers",
    "2025-10-20-uk-spokesperson-declined-further-comment",
    "2025-10-20-us-and-canadian-militaries-no-response",
    "2025-10-20-officials-countries-hesitate",
    "2025-10-20-diplomats-two-forces",
    "2025-10-20-diplomats-pa-security-forces",
    "2025-10-20-diplomats-european-police-observers",
    "2025-10-20-israeli-security-sources-phased-entry",
    "2025-10-20-two-officials-withdrawal-pace",
    "2025-10-20-itamar-rabinovich-force-needed",
    "2025-10-20-ha-hellyer-skeptical-enough-troops",
    "2025-10-20-ha-hellyer-reluctant-contributors",
    "2025-10-20-ha-hellyer-disarmament-cooperation",
    "2025-10-20-assaf-orion-israel-may-resume-war",
}


def load():
    out = io.StringIO()
    call_command("load_seed_data", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The seed loaded once for the module, inside a transaction rolled back at its end; each test runs in a
    savepoint of its own, so a test that changes records leaves the next one the seed as loaded."""
    with django_db_blocker.unblock(), transaction.atomic():
        load()
        yield
        transaction.set_rollback(True)


def tracked_models():
    return [
        model
        for label in TRACKED_APPS
        for model in apps.get_app_config(label).get_models()
        if hasattr(model, "history") and not model.__name__.startswith("Historical")
    ]


def snapshot():
    return {model.__name__: (model.objects.count(), model.history.count()) for model in tracked_models()}


def statement(key):
    return Statement.objects.get(key=key)


def test_two_sources_the_indonesian_a_translation_of_the_reuters_report(seeded):
    original = Source.objects.get(publisher__slug="reuters")
    translation = Source.objects.get(language="id")
    assert Source.objects.count() == 2
    assert (original.language, original.kind, original.published) == ("en", "news_report", datetime.date(2025, 10, 24))
    assert translation.translation_of == original
    assert translation.published is None


def test_sources_have_no_url_and_editor_supplied_titles(seeded):
    assert list(Source.objects.values_list("url", "title_supplied")) == [("", True), ("", True)]


def test_us_troops_at_the_cmcc_are_about_200_persons_and_deployed(seeded):
    pledge = Pledge.objects.get(key="usa-cmcc-troops")
    assert (pledge.party.country.iso3, pledge.initiative.slug, pledge.kind) == ("USA", "cmcc", "troops")
    assert (pledge.quantity_qualifier, pledge.quantity_low, pledge.quantity_high) == ("approximate", 200, 200)
    assert (pledge.quantity_unit, pledge.quantity_text) == ("persons", "sekitar 200 tentara")
    assert (pledge.status, pledge.announced, pledge.announced_precision) == (
        "deployed",
        datetime.date(2025, 10, 20),
        "week",
    )


def test_uk_planning_officers_are_a_small_number_without_bounds(seeded):
    pledge = Pledge.objects.get(key="gbr-cmcc-staff-officers")
    assert (pledge.kind, pledge.quantity_qualifier, pledge.quantity_text) == (
        "staff_officers",
        "unspecified",
        "sejumlah kecil",
    )
    assert (pledge.quantity_low, pledge.quantity_high, pledge.status) == (None, None, "deployed")


def test_thousands_of_pa_security_forces_are_at_least_1000(seeded):
    pledge = Pledge.objects.get(key="palestinian-authority-gaza-security-forces")
    assert (pledge.quantity_qualifier, pledge.quantity_low, pledge.quantity_high) == ("at_least", 1000, None)
    assert pledge.party.organization.slug == "palestinian-authority"


def test_us_has_ruled_out_its_own_troops_in_gaza(seeded):
    assert Pledge.objects.get(key="usa-gaza-isf-troops").status == "ruled_out"


def test_possible_isf_contributors(seeded):
    keys = ["egy-gaza-isf-troops", "idn-gaza-isf-troops", "gulf-states-gaza-isf-troops", "tur-gaza-isf-troops"]
    assert {pledge.status for pledge in Pledge.objects.filter(key__in=keys)} == {"possible"}


def test_turkish_pledge_is_possible_and_netanyahu_opposes_it(seeded):
    pledge = Pledge.objects.get(key="tur-gaza-isf-troops")
    target = StatementTarget.objects.get(pledge=pledge, statement__speakers__person__slug="benjamin-netanyahu")
    assert pledge.status == "possible"
    assert target.stance == "opposes"
    assert ConditionLink.objects.get(pledge=pledge).condition.slug == "force-composition"


def test_vance_supports_three_contributors_in_one_statement(seeded):
    vance = Statement.objects.get(speakers__person__slug="jd-vance")
    targets = {(target.pledge.key, target.stance) for target in vance.targets.all()}
    assert targets == {
        ("gulf-states-gaza-isf-troops", "supports"),
        ("tur-gaza-isf-troops", "supports"),
        ("idn-gaza-isf-troops", "supports"),
    }
    assert (vance.date, vance.date_precision) == (datetime.date(2025, 10, 20), "week")


def test_hellyer_is_skeptical_of_the_force(seeded):
    target = StatementTarget.objects.get(
        statement__key="2025-10-20-ha-hellyer-skeptical-enough-troops", initiative__slug="gaza-isf"
    )
    assert target.stance == "skeptical"


@pytest.mark.parametrize(
    ("slug", "status"),
    [
        ("un-mandate", "under_negotiation"),
        ("rules-of-engagement", "under_negotiation"),
        ("hamas-disarmament", "unresolved"),
        ("force-shape", "unresolved"),
        ("force-composition", "unresolved"),
        ("palestinian-state-push", None),
        ("israeli-withdrawal-pace", "under_negotiation"),
        ("no-combat-against-hamas", "unresolved"),
        ("troop-contributor-readiness", "unresolved"),
    ],
)
def test_condition_has_its_status(seeded, slug, status):
    assert Condition.objects.get(slug=slug).status == status


def test_hamas_must_disarm(seeded):
    link = ConditionLink.objects.get(condition__slug="hamas-disarmament", initiative__slug="gaza-isf")
    assert link.must_act.organization.slug == "hamas"


def test_palestinian_state_push_is_hellyers_assessment_of_arab_states(seeded):
    link = ConditionLink.objects.get(condition__slug="palestinian-state-push")
    assert link.party.country_group.slug == "arab-states"
    assert link.statement.speakers.get().person.slug == "ha-hellyer"


@pytest.mark.parametrize(
    ("slug", "status"),
    [
        ("cmcc", "active"),
        ("gaza-isf", "planned"),
        ("isf-two-forces", "proposed"),
        ("isf-phased-entry-rafah", "proposed"),
        ("pa-security-forces-deployment", "proposed"),
        ("european-police-observers", "proposed"),
    ],
)
def test_initiative_has_its_status(seeded, slug, status):
    assert Initiative.objects.get(slug=slug).status == status


def test_three_diplomats_are_counted(seeded):
    speaker = StatementSpeaker.objects.get(statement__key="2025-10-20-diplomats-two-forces")
    assert (speaker.person.name, speaker.count) == ("", 3)


def test_rubio_spoke_on_the_day_of_his_visit(seeded):
    rubio = statement("2025-10-24-marco-rubio-mandate-and-rules")
    assert (rubio.date, rubio.date_precision, rubio.on_behalf_of.country.iso3) == (
        datetime.date(2025, 10, 24),
        "day",
        "USA",
    )


def test_ceasefire_took_effect_two_weeks_before_the_report(seeded):
    ceasefire = Initiative.objects.get(slug="gaza-ceasefire")
    assert (ceasefire.start, ceasefire.start_precision) == (datetime.date(2025, 10, 6), "week")


def test_death_tolls_name_their_tallies(seeded):
    israel = statement("2025-10-24-reuters-israel-death-toll-2023-10-07")
    gaza = statement("2025-10-24-reuters-gaza-death-toll")
    for toll in (israel, gaza):
        assert (toll.kind, toll.on_behalf_of) == ("report", None)
        assert [s.organization.slug for s in toll.speakers.all()] == ["reuters"]
    ((israel_tally, israel_words),) = israel.according_to.values_list("party__country__iso3", "words")
    ((gaza_tally, gaza_words),) = gaza.according_to.values_list("party__organization__slug", "words")
    assert (israel_tally, israel_words) == ("ISR", "menurut penghitungan Israel")
    assert (gaza_tally, gaza_words) == ("gaza-health-officials", "menurut pejabat kesehatan Gaza")
    assert israel_words in israel.text and gaza_words in gaza.text


def test_militaries_that_did_not_respond(seeded):
    no_response = Statement.objects.get(kind="no_response")
    assert {s.organization.slug for s in no_response.speakers.all()} == {"us-military", "canadian-military"}


def test_no_country_group_has_a_member_the_article_does_not_name(seeded):
    assert CountryGroup.objects.filter(slug="gulf-states").exists()
    assert not CountryGroup.objects.filter(memberships__isnull=False).exists()


def test_statements_whose_lines_give_no_date_are_undated_and_reported_on_the_report_day(seeded, api_client):
    rows = results(api_client.get(reverse("v1:statement-list"), {"page_size": 500}))
    undated = {row["key"]: (row["date"], row["reported"]) for row in rows if row["date"] is None}
    assert undated == dict.fromkeys(UNDATED, (None, "2025-10-24"))
    assert all(row["reported"] == "2025-10-24" for row in rows)


def test_statements_reported_on_the_report_day_are_found_by_reported_not_by_stated(seeded, api_client):
    url = reverse("v1:statement-list")
    stated = {row["key"] for row in results(api_client.get(url, {"stated_after": "2025-10-20", "page_size": 500}))}
    reported = {row["key"] for row in results(api_client.get(url, {"reported_after": "2025-10-24", "page_size": 500}))}
    assert not stated & UNDATED
    assert reported >= UNDATED


@pytest.mark.parametrize(
    ("collection", "field", "shown"),
    [
        (
            "pledge",
            "key",
            {"usa-cmcc-troops", "idn-gaza-isf-troops", "gulf-states-gaza-isf-troops", "tur-gaza-isf-troops"},
        ),
        ("initiative", "slug", {"gaza-ceasefire", "cmcc"}),
        ("condition", "slug", {"force-composition"}),
    ],
)
def test_valid_at_before_the_report_shows_only_states_dated_before_it(seeded, api_client, collection, field, shown):
    response = api_client.get(reverse(f"v1:{collection}-list"), {"valid_at": "2025-10-22", "page_size": 500})
    assert {row[field] for row in results(response)} == shown


def test_every_statement_text_says_it_is_a_translation(seeded, api_client):
    rows = results(api_client.get(reverse("v1:statement-list"), {"page_size": 500}))
    assert {row["text_origin"] for row in rows} == {"translation"}
    assert {row["translation_by"] for row in rows} == {"editor"}


@pytest.mark.parametrize(
    "key",
    [
        "2025-10-20-itamar-rabinovich-force-needed",
        "2025-10-20-ha-hellyer-disarmament-cooperation",
        "2025-10-20-assaf-orion-israel-may-resume-war",
        "2025-10-20-hamas-spokesperson-sensitive-issue",
    ],
)
def test_translated_quotes_say_so_and_that_the_language_spoken_is_unknown(seeded, key):
    quote = statement(key)
    assert '"' in quote.text
    assert (quote.kind, quote.text_origin, quote.language, quote.spoken_language) == ("quote", "translation", "id", "")


def test_what_reuters_and_us_and_uk_officials_said_is_translated_from_english(seeded):
    for key in ("2025-10-24-reuters-gaza-death-toll", "2025-10-20-uk-spokesperson-planning-officers"):
        assert (statement(key).text_origin, statement(key).spoken_language) == ("translation", "en")


def test_every_pledge_and_statement_cites_a_source(seeded):
    assert not Pledge.objects.filter(source_links__isnull=True).exists()
    assert not Statement.objects.filter(source_links__isnull=True).exists()


def test_every_event_has_evidence(seeded):
    assert StatusEvent.objects.exists()
    assert not StatusEvent.objects.filter(evidence__isnull=True).exists()


def article_lines():
    """{line number: text} of the article, without the web-page leftover."""
    text = ARTICLE.read_text(encoding="utf-8").replace(f", {LEFTOVER},", "")
    return dict(enumerate(text.splitlines(), start=1))


def located_lines(locator):
    """The line numbers a locator names: "line 12 (heading)", "lines 2-3", "lines 4, 19"."""
    numbers = [int(n) for n in re.findall(r"\d+", locator.split("(")[0])]
    if "-" in locator:
        return list(range(numbers[0], numbers[1] + 1))
    return numbers


def test_every_statement_text_is_found_verbatim_at_its_locator(seeded):
    lines = article_lines()
    for link in StatementSource.objects.filter(source__language="id").select_related("statement"):
        assert link.statement.text in lines[located_lines(link.locator)[0]], link.statement.key


def test_every_quantity_text_is_found_at_its_pledges_locator(seeded):
    lines = article_lines()
    for link in PledgeSource.objects.filter(source__language="id").exclude(pledge__quantity_text=""):
        at = " ".join(lines[n] for n in located_lines(link.locator))
        assert link.pledge.quantity_text in at, link.pledge.key


def test_every_line_of_the_article_after_the_caption_is_cited(seeded):
    cited = {n for link in StatementSource.objects.filter(source__language="id") for n in located_lines(link.locator)}
    assert set(article_lines()) - {1} <= cited


def test_every_statement_date_is_the_reports_day_or_a_week_its_line_gives(seeded):
    lines = article_lines()
    for link in StatementSource.objects.filter(source__language="id", statement__date__isnull=False):
        found = link.statement
        line = lines[located_lines(link.locator)[0]]
        if found.date_precision == "week":
            assert (found.date, "minggu ini" in line) == (datetime.date(2025, 10, 20), True), found.key
        else:
            assert (found.date, found.date_precision) == (datetime.date(2025, 10, 24), "day"), found.key


def test_the_audit_of_the_seed_is_the_reviewed_one(seeded):
    out = io.StringIO()
    call_command("audit_sources", stdout=out)
    assert out.getvalue() == AUDIT.read_text(encoding="utf-8")


def test_the_heading_of_line_12_softens_the_push(seeded):
    assert "softens" in statement("2025-10-24-reuters-heading-mandate-uncertainty").translation


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("2025-10-24-reuters-heading-force-key-part", "PASUKAN INTERNASIONAL BAGIAN PENTING DARI RENCANA"),
        ("2025-10-24-reuters-heading-viability-questions", "PERTANYAAN ATAS VIABILITAS"),
        ("2025-10-24-reuters-tensions-already", "Namun, ketegangan sudah terjadi."),
    ],
)
def test_the_headings_and_line_25_are_statements_of_the_report(seeded, key, text):
    found = statement(key)
    assert (found.kind, text in found.text) == ("report", True)


def test_the_article_s_other_parties_are_records(seeded):
    assert Person.objects.get(slug="donald-trump").name == "Donald Trump"
    assert set(Organization.objects.filter(kind="military").values_list("slug", flat=True)) == {
        "us-military",
        "canadian-military",
        "israeli-military",
        "british-military",
    }


def test_the_force_is_named_as_the_article_names_it(seeded):
    force = Initiative.objects.get(slug="gaza-isf")
    assert "pasukan internasional" in force.name and "Stabilization" not in force.name


def test_the_pa_deployment_has_no_lead_and_the_cmcc_will_coordinate(seeded):
    assert Initiative.objects.get(slug="pa-security-forces-deployment").lead is None
    assert "will coordinate" in Initiative.objects.get(slug="cmcc").description


def test_the_ceasefire_is_described_as_fragile(seeded):
    assert "rapuh" in Initiative.objects.get(slug="gaza-ceasefire").description


def test_hamas_disarmament_cites_hellyer_where_its_note_quotes_him(seeded):
    link = ConditionLink.objects.get(condition__slug="hamas-disarmament", initiative__slug="gaza-isf")
    assert link.statement.key == "2025-10-20-ha-hellyer-disarmament-cooperation"


def test_what_the_article_does_not_say_of_an_organization_reads_as_an_editors(seeded, api_client):
    institute = api_client.get(reverse("v1:organization-detail", args=["washington-institute"])).json()
    assert institute["country"] is None and institute["editor_supplied"] == ["kind"]
    rusi = api_client.get(reverse("v1:organization-detail", args=["rusi"])).json()
    assert rusi["country"]["iso3"] == "GBR" and rusi["editor_supplied"] == ["kind"]


def test_that_the_us_leads_the_force_is_an_editors_reading_of_us_backed(seeded, api_client):
    force = api_client.get(reverse("v1:initiative-detail", args=["gaza-isf"])).json()
    assert force["lead"]["key"] == "USA" and force["editor_supplied"] == ["lead"]


def test_egypt_and_jordan_where_the_pa_forces_trained_find_the_line_that_says_so(seeded, api_client):
    for iso3 in ("EGY", "JOR"):
        found = results(api_client.get(reverse("v1:statement-list"), {"about_country": iso3}))
        assert "2025-10-20-diplomats-pa-security-forces" in {row["key"] for row in found}, iso3


def test_web_leftover_appears_in_no_text(seeded):
    for model in tracked_models():
        text_fields = [
            f.name for f in model._meta.concrete_fields if f.get_internal_type() in {"CharField", "TextField"}
        ]
        for field in text_fields:
            assert not model.objects.filter(**{f"{field}__icontains": LEFTOVER}).exists(), (model, field)


def test_second_run_changes_nothing(seeded):
    before = snapshot()
    assert "created 0, updated 0" in load()
    assert snapshot() == before


def test_a_second_run_leaves_an_editors_changes_and_lists_them(seeded):
    pledge = Pledge.objects.get(key="usa-cmcc-troops")
    pledge_update(pledge, quantity_qualifier="exact", quantity_text="200")
    rabinovich = statement("2025-10-20-itamar-rabinovich-force-needed")
    extra = StatementTarget(pledge=pledge, stance="neutral")
    statement_update(rabinovich, targets=[*rabinovich.targets.all(), extra])
    versions = pledge.history.count()

    output = load()

    assert "created 0, updated 0" in output and "skipped 2" in output
    assert f"skipped pledges/{pledge.pk}" in output and f"skipped statements/{rabinovich.pk}" in output
    pledge.refresh_from_db()
    assert (pledge.quantity_qualifier, pledge.quantity_text) == ("exact", "200")
    assert pledge.history.count() == versions
    assert rabinovich.targets.count() == 2


def test_an_api_edit_by_an_editor_survives_a_second_run(seeded, editor_client):
    pledge = Pledge.objects.get(key="usa-cmcc-troops")
    response = editor_client.patch(
        f"/api/v1/pledges/{pledge.pk}/", {"description": "Edited"}, headers={"X-Change-Reason": "checked"}
    )
    assert response.status_code == 200

    output = load()

    pledge.refresh_from_db()
    assert pledge.description == "Edited"
    assert "by editor: checked" in output
    assert pledge.history.latest().history_change_reason == "checked"


def test_a_record_an_editor_deleted_is_not_recreated(seeded, editor_client):
    rabinovich = statement("2025-10-20-itamar-rabinovich-force-needed")
    assert editor_client.delete(f"/api/v1/statements/{rabinovich.pk}/").status_code == 204
    output = load()
    assert f"skipped statements (key={rabinovich.key}), deleted" in output
    assert not Statement.objects.filter(key=rabinovich.key).exists()


def test_values_an_earlier_seed_wrote_and_this_one_leaves_out_are_cleared(seeded):
    """A database seeded before the seed was corrected: the values the seed no longer gives go."""
    death_toll = statement("2025-10-24-reuters-gaza-death-toll")
    health_officials = party_for(organization=Organization.objects.get(slug="gaza-health-officials"))
    europeans = party_for(country_group=CountryGroup.objects.get(slug="european-countries"))
    with change_context(reason="earlier seed", user=seed_user()):
        statement_update(death_toll, on_behalf_of=health_officials)
        initiative_update(Initiative.objects.get(slug="pa-security-forces-deployment"), lead=europeans)
        organization_update(
            Organization.objects.get(slug="washington-institute"), country=Country.objects.get(iso3="USA")
        )
        country_group_members_set(
            CountryGroup.objects.get(slug="gulf-states"), list(Country.objects.filter(iso3__in=["SAU", "QAT"]))
        )

    output = load()

    assert "updated 4" in output and "skipped 0" in output
    assert statement(death_toll.key).on_behalf_of is None
    assert Initiative.objects.get(slug="pa-security-forces-deployment").lead is None
    assert Organization.objects.get(slug="washington-institute").country is None
    assert not CountryGroup.objects.get(slug="gulf-states").memberships.exists()


def test_what_an_earlier_seed_wrote_and_this_one_no_longer_holds_is_removed(seeded, api_client):
    force_shape = Condition.objects.get(slug="force-shape")
    with change_context(reason="earlier seed", user=seed_user()):
        add_event(force_shape, "unresolved", datetime.date(2025, 10, 20), "week")
        stale = StatementFactory(key="2025-10-20-earlier-seed-only")
        cited = StatementFactory(key="2025-10-20-earlier-seed-cited")
    editors = StatementFactory(key="2025-10-20-an-editors-own")
    add_event(ConditionFactory(), "unresolved", sources=[cited.source_links.get().source], statements=[cited])

    output = load()

    assert "removed 1" in output and f"removed statements/{stale.pk}, which the seed wrote" in output
    assert f"kept statements/{cited.pk}, which the seed no longer holds: other records cite it" in output
    assert not Statement.objects.filter(pk=stale.pk).exists()
    assert Statement.objects.filter(pk__in=[cited.pk, editors.pk]).count() == 2
    assert list(force_shape.events.values_list("date", "date_precision")) == [(datetime.date(2025, 10, 24), "day")]
    on_the_22nd = results(api_client.get(reverse("v1:condition-list"), {"valid_at": "2025-10-22", "page_size": 100}))
    assert "force-shape" not in {row["slug"] for row in on_the_22nd}
    assert "removed 0" in load()


def test_a_load_reads_no_more_for_the_records_others_wrote(seeded, django_assert_max_num_queries):
    with CaptureQueriesContext(connection) as before:
        load()
    for _ in range(20):
        StatementFactory()
    with django_assert_max_num_queries(len(before)):
        load()


def test_overwrite_puts_the_seeds_values_back_with_its_reason(seeded):
    pledge = Pledge.objects.get(key="usa-cmcc-troops")
    pledge_update(pledge, quantity_qualifier="exact", quantity_text="200")
    out = io.StringIO()
    call_command("load_seed_data", "--overwrite", "--reason", "Back to the article", stdout=out)
    assert "updated 1" in out.getvalue()
    pledge.refresh_from_db()
    assert (pledge.quantity_qualifier, pledge.quantity_text) == ("approximate", "sekitar 200 tentara")
    latest = pledge.history.latest()
    assert latest.history_change_reason == "Back to the article" and latest.history_user.username == "seed"
    assert "created 0, updated 0, unchanged" in load()


def test_the_seed_writes_as_a_user_that_cannot_log_in(seeded):
    version = Pledge.objects.get(key="usa-cmcc-troops").history.earliest()
    assert version.history_user.username == "seed"
    assert not version.history_user.is_active and not version.history_user.has_usable_password()
