import datetime
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from commitments.models import ConditionLink, Pledge, Source, Statement, StatementSpeaker, StatementTarget, StatusEvent
from commitments.services.conditions import condition_create
from commitments.services.events import status_event_create
from commitments.services.initiatives import initiative_create
from commitments.services.parties import organization_create, party_for, person_create
from commitments.services.pledges import pledge_create
from commitments.services.sources import source_create
from commitments.services.statements import statement_create
from countries.models import Country, CountryGroup, CountryGroupMembership
from tests.factories import StatementFactory
from tests.helpers import assert_queries_flat

pytestmark = pytest.mark.django_db

DAY = datetime.date(2025, 10, 24)
REASON = {"change_reason": "Checked against the source."}
REGISTERED = [
    "countries.region",
    "countries.country",
    "countries.countrygroup",
    "commitments.organization",
    "commitments.person",
    "commitments.party",
    "commitments.source",
    "commitments.initiative",
    "commitments.pledge",
    "commitments.condition",
    "commitments.statement",
    "commitments.statusevent",
]


def build_records(count, start=0):
    """`count` records of every kind, each linked to the others as real data is."""
    countries = Country.objects.order_by("id")[start : start + count]
    return [build_one(number, country) for number, country in enumerate(countries, start)]


def build_one(number, country):
    publisher = organization_create(
        slug=f"publisher-{number}", name=f"Publisher {number}", kind="media", country=country
    )
    person = person_create(slug=f"person-{number}", name=f"Person {number}", organization=publisher, country=country)
    source = source_create(
        title=f"Report {number}", language="en", kind="news_report", publisher=publisher, published=DAY
    )
    source_create(title=f"Laporan {number}", language="id", kind="news_report", translation_of=source)
    group = CountryGroup.objects.create(slug=f"group-{number}", name=f"Group {number}")
    CountryGroupMembership.objects.create(group=group, country=country)
    initiative = initiative_create(
        slug=f"force-{number}", name=f"Force {number}", lead=party_for(organization=publisher)
    )
    pledge = pledge_create(party=party_for(country=country), initiative=initiative, kind="troops", sources=[source])
    statement = statement_create(
        kind="quote",
        text=f"Words {number}",
        language="en",
        date=DAY,
        on_behalf_of=party_for(country=country),
        speakers=[StatementSpeaker(person=person)],
        sources=[source],
        targets=[StatementTarget(pledge=pledge, stance="supports")],
    )
    condition = condition_create(
        slug=f"condition-{number}",
        name=f"Condition {number}",
        links=[
            ConditionLink(pledge=pledge, statement=statement, insisted_by=party_for(country_group=group)),
        ],
    )
    for record, status in ((pledge, "possible"), (condition, "unresolved"), (initiative, "proposed")):
        status_event_create(record, status=status, date=DAY, sources=[source], statements=[statement])
    return pledge


def admin_url(label, view, *args):
    return reverse(f"admin:{label.replace('.', '_')}_{view}", args=args)


def formset(prefix, rows=()):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


class FormValues(HTMLParser):
    """The values a browser would post from a rendered admin form (its `__prefix__` templates left out)."""

    def __init__(self):
        super().__init__()
        self.values, self.select, self.textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") == "checkbox":
            if "checked" in attrs:
                self.check(name, attrs.get("value") or "on")
        elif tag == "input" and name and attrs.get("type") != "submit":
            self.values[name] = attrs.get("value") or ""
        elif tag == "select":
            self.select = name
            self.values.setdefault(name, "")
        elif tag == "option" and self.select and "selected" in attrs:
            self.values[self.select] = attrs.get("value") or ""
        elif tag == "textarea":
            self.textarea = name
            self.values[name] = ""

    def check(self, name, value):
        """A ticked box; several ticked boxes of one name post all their values."""
        if name in self.values:
            earlier = self.values[name]
            self.values[name] = [*earlier, value] if isinstance(earlier, list) else [earlier, value]
        else:
            self.values[name] = value

    def handle_data(self, data):
        if self.textarea:
            self.values[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.values[self.textarea] = self.values[self.textarea].removeprefix("\n")
            self.textarea = None


def posted_form(page):
    """The form as a browser would post it, with the reason every admin form asks for."""
    parser = FormValues()
    parser.feed(page)
    values = {name: value for name, value in parser.values.items() if name and "__prefix__" not in name}
    return {**values, **REASON}


def pledge_form(initiative, sources=(), **party):
    return {
        "initiative": initiative.pk,
        "kind": "troops",
        "quantity_qualifier": "approximate",
        "quantity_low": "200",
        "quantity_high": "200",
        "quantity_unit": "persons",
        "quantity_text": "sekitar 200 tentara",
        **{name: record.pk for name, record in party.items()},
        **formset("source_links", [{"source": source.pk} for source in sources]),
        **formset("events"),
        **formset("condition_links"),
        **REASON,
    }


def event_form(pledge, status, evidence=(), date="2025-10-25", precision="day"):
    return {
        "pledge": pledge.pk,
        "status": status,
        "date": date,
        "date_precision": precision,
        "note": "",
        **formset("evidence", [{"source": source.pk} for source in evidence]),
        **REASON,
    }


def test_every_model_is_registered_or_inline():
    registry = admin.site._registry
    inline_models = {inline.model for model_admin in registry.values() for inline in model_admin.inlines}
    models = [
        model
        for app in ("countries", "commitments")
        for model in apps.get_app_config(app).get_models()
        if not model._meta.model_name.startswith("historical")
    ]
    assert [model for model in models if model not in registry and model not in inline_models] == []


@pytest.mark.parametrize("label", REGISTERED)
def test_registered_admin_keeps_history(label):
    assert isinstance(admin.site._registry[apps.get_model(label)], SimpleHistoryAdmin)


def test_site_header_names_the_tracker(staff_client):
    assert "Diplomatic Commitment Tracker" in staff_client.get(reverse("admin:index")).text


@pytest.mark.parametrize("label", REGISTERED)
def test_editor_sees_changelist_and_add_form(staff_client, label):
    build_records(1)
    assert staff_client.get(admin_url(label, "changelist")).status_code == 200
    assert staff_client.get(admin_url(label, "add")).status_code == 200


@pytest.mark.parametrize("label", REGISTERED)
def test_editor_sees_change_form_and_history(staff_client, label):
    build_records(1)
    record = apps.get_model(label).objects.order_by("pk").first()
    assert staff_client.get(admin_url(label, "change", record.pk)).status_code == 200
    assert staff_client.get(admin_url(label, "history", record.pk)).status_code == 200


@pytest.mark.parametrize("label", REGISTERED)
def test_unchanged_change_form_saves(staff_client, label):
    build_records(1)
    record = apps.get_model(label).objects.order_by("pk").first()
    url = admin_url(label, "change", record.pk)
    assert staff_client.post(url, posted_form(staff_client.get(url).text)).status_code == 302


@pytest.mark.parametrize("label", REGISTERED)
def test_changelist_queries_do_not_grow_with_rows(staff_client, label):
    build_records(2)
    assert_queries_flat(staff_client, admin_url(label, "changelist"), lambda more: build_records(more, start=2), more=8)


def test_pledge_without_source_is_refused(staff_client):
    pledge = build_records(1)[0]
    indonesia = Country.objects.get(iso3="IDN")
    response = staff_client.post(
        admin_url("commitments.pledge", "add"), pledge_form(pledge.initiative, country=indonesia)
    )
    assert response.status_code == 200
    assert "Cite at least one source." in response.text
    assert not Pledge.objects.filter(party__country=indonesia).exists()


def test_pledge_with_source_is_saved_with_a_key(staff_client):
    pledge = build_records(1)[0]
    indonesia = Country.objects.get(iso3="IDN")
    source = Source.objects.first()
    form = pledge_form(pledge.initiative, sources=[source], country=indonesia)
    response = staff_client.post(admin_url("commitments.pledge", "add"), form)
    assert response.status_code == 302
    saved = Pledge.objects.get(party__country=indonesia)
    assert saved.key == f"idn-{pledge.initiative.slug}-troops"
    assert list(saved.source_links.values_list("source", flat=True)) == [source.pk]


def test_removing_the_last_source_of_a_pledge_is_refused(staff_client):
    pledge = build_records(1)[0]
    url = admin_url("commitments.pledge", "change", pledge.pk)
    form = {**posted_form(staff_client.get(url).text), "source_links-0-DELETE": "on"}
    response = staff_client.post(url, form)
    assert "Cite at least one source." in response.text
    assert pledge.source_links.count() == 1


def test_pledge_needs_exactly_one_party(staff_client):
    pledge = build_records(1)[0]
    form = pledge_form(
        pledge.initiative,
        sources=Source.objects.all()[:1],
        country=Country.objects.get(iso3="IDN"),
        organization=pledge.initiative.lead.organization,
    )
    response = staff_client.post(admin_url("commitments.pledge", "add"), form)
    assert "A party is exactly one of a country, a country group or an organization." in response.text
    assert Pledge.objects.count() == 1


def test_unchanged_pledge_page_saves(staff_client):
    pledge = build_records(1)[0]
    url = admin_url("commitments.pledge", "change", pledge.pk)
    form = posted_form(staff_client.get(url).text)
    form["description"] = "About 200 troops at the CMCC."
    response = staff_client.post(url, form)
    assert response.status_code == 302
    pledge.refresh_from_db()
    assert pledge.description == "About 200 troops at the CMCC."
    assert (pledge.status, pledge.events.count()) == ("possible", 1)


def test_pledge_page_links_to_a_prefilled_event_form(staff_client):
    pledge = build_records(1)[0]
    page = staff_client.get(admin_url("commitments.pledge", "change", pledge.pk)).text
    assert f"{admin_url('commitments.statusevent', 'add')}?pledge={pledge.pk}" in page
    form = staff_client.get(admin_url("commitments.statusevent", "add"), {"pledge": pledge.pk}).text
    assert 'value="committed"' in form
    assert 'value="unresolved"' not in form


def test_party_picker_searches_countries(staff_client):
    query = {"app_label": "commitments", "model_name": "party", "field_name": "country", "term": "Indon"}
    response = staff_client.get(reverse("admin:autocomplete"), query)
    assert [row["text"] for row in response.json()["results"]] == ["Indonesia"]


def test_event_with_evidence_updates_the_pledge_status(staff_client):
    pledge = build_records(1)[0]
    form = event_form(pledge, "committed", evidence=Source.objects.all()[:1])
    response = staff_client.post(admin_url("commitments.statusevent", "add"), form)
    assert response.status_code == 302
    pledge.refresh_from_db()
    assert pledge.status == "committed"


def test_event_date_is_stored_as_the_first_day_of_its_period(staff_client):
    pledge = build_records(1)[0]
    form = event_form(pledge, "considering", evidence=Source.objects.all()[:1], date="2025-10-24", precision="week")
    staff_client.post(admin_url("commitments.statusevent", "add"), form)
    pledge.refresh_from_db()
    assert (pledge.announced, pledge.announced_precision) == (datetime.date(2025, 10, 20), "week")


def test_event_without_evidence_is_refused(staff_client):
    pledge = build_records(1)[0]
    response = staff_client.post(admin_url("commitments.statusevent", "add"), event_form(pledge, "committed"))
    assert "An event cites at least one source or statement." in response.text
    assert pledge.events.count() == 1


def test_event_status_must_fit_its_record(staff_client):
    pledge = build_records(1)[0]
    form = event_form(pledge, "met", evidence=Source.objects.all()[:1])
    response = staff_client.post(admin_url("commitments.statusevent", "add"), form)
    assert "This status is not one of the statuses of that kind of record." in response.text
    assert pledge.events.count() == 1


def test_deleting_an_event_refreshes_the_pledge_status(staff_client):
    pledge = build_records(1)[0]
    event = status_event_create(pledge, status="committed", date=DAY, sources=Source.objects.all()[:1])
    response = staff_client.post(admin_url("commitments.statusevent", "delete", event.pk), {"post": "yes", **REASON})
    assert response.status_code == 302
    pledge.refresh_from_db()
    assert pledge.status == "possible"
    assert StatusEvent.objects.filter(pledge=pledge).count() == 1


def test_reverting_an_event_refreshes_the_pledge_status(staff_client):
    pledge = build_records(1)[0]
    event = pledge.events.get()
    first_version = event.history.earliest()
    url = admin_url("commitments.statusevent", "change", event.pk)
    staff_client.post(url, {**posted_form(staff_client.get(url).text), "status": "committed"})
    pledge.refresh_from_db()
    assert pledge.status == "committed"
    revert_url = admin_url("commitments.statusevent", "simple_history", event.pk, first_version.history_id)
    response = staff_client.post(revert_url, posted_form(staff_client.get(revert_url).text))
    assert response.status_code == 302
    pledge.refresh_from_db()
    assert pledge.status == "possible"


def statement_form(person, sources=(), position="0", **values):
    return {
        "kind": "quote",
        "text": "Indonesia could take part.",
        "language": "en",
        "text_origin": "own_words",
        "date": "2025-10-24",
        "date_precision": "day",
        **formset("speakers", [{"person": person.pk, "position": position}]),
        **formset("according_to"),
        **formset("source_links", [{"source": source.pk} for source in sources]),
        **formset("targets"),
        **REASON,
        **values,
    }


def test_statement_without_source_is_refused(staff_client):
    pledge = build_records(1)[0]
    person = pledge.statement_targets.get().statement.speakers.get().person
    response = staff_client.post(admin_url("commitments.statement", "add"), statement_form(person))
    assert "Cite at least one source." in response.text
    assert Statement.objects.count() == 1


def test_statement_key_names_its_first_speaker(staff_client):
    pledge = build_records(1)[0]
    person = pledge.statement_targets.get().statement.speakers.get().person
    form = statement_form(person, sources=Source.objects.all()[:1])
    response = staff_client.post(admin_url("commitments.statement", "add"), form)
    assert response.status_code == 302
    assert Statement.objects.filter(key=f"2025-10-24-{person.slug}-2").exists()


def test_the_audit_page_lists_what_rests_on_an_editor(staff_client):
    statement = StatementFactory(date=None)
    response = staff_client.get(reverse("admin:commitments_statement_audit"))
    assert response.status_code == 200
    assert f"statements/{statement.key}: no date" in response.text


def test_the_audit_page_needs_the_admin(client):
    response = client.get(reverse("admin:commitments_statement_audit"))
    assert response.status_code == 302
