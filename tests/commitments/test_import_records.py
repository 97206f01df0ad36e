"""`manage.py import_records`: files of records through the services, matched by natural key, whole or not at all."""

import csv
import io
import json

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from commitments.models import Organization, Person, Pledge, Source, Statement
from tests.factories import CountryGroupFactory, OrganizationFactory, PersonFactory, PledgeFactory
from tracker.models import Change

pytestmark = pytest.mark.django_db

HEADER = "slug,name,kind,country_iso3,description"
GOOD_ROWS = [
    "un-dpo,UN Department of Peace Operations,multilateral,,Runs peacekeeping missions.",
    "kemlu,Kementerian Luar Negeri,government_body,IDN,Indonesia's foreign ministry.",
    "rusi,Royal United Services Institute,think_tank,GBR,",
]


def csv_file(tmp_path, *rows, header=HEADER, name="organizations.csv"):
    path = tmp_path / name
    path.write_text("\r\n".join([header, *rows]) + "\r\n", encoding="utf-8")
    return path


def run(path, *options):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_records", str(path), *options, stdout=out, stderr=err)
    except CommandError as error:
        return None, out.getvalue(), err.getvalue() + str(error)
    return True, out.getvalue(), err.getvalue()


def versions():
    """Every version written of the imported kinds of record, and every entry of the change feed."""
    models = (Organization, Person, Source, Pledge, Statement)
    return sum(model.history.count() for model in models), Change.objects.count()


def api_export(client, collection, file_format):
    response = client.get(f"/api/v1/{collection}/?format={file_format}")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_a_file_with_one_bad_row_writes_nothing_and_names_the_row_and_column(tmp_path):
    bad = GOOD_ROWS[1].replace("government_body", "ministry")
    before = versions()
    ok, _out, err = run(csv_file(tmp_path, GOOD_ROWS[0], bad, GOOD_ROWS[2]))
    assert ok is None
    assert 'row 3, column kind: "ministry" is not one of the valid values' in err
    assert "nothing was written" in err
    assert not Organization.objects.exists()
    assert versions() == before


def test_every_bad_row_is_named_with_its_rule_and_an_unknown_country_code_too(tmp_path):
    bad_country = GOOD_ROWS[1].replace(",IDN,", ",XYZ,")
    bad_kind = GOOD_ROWS[2].replace("think_tank", "")
    ok, _out, err = run(csv_file(tmp_path, GOOD_ROWS[0], bad_country, bad_kind))
    assert ok is None
    assert "row 3, column country_iso3: No country has the code XYZ." in err
    assert "row 4, column kind:" in err
    assert not Organization.objects.exists()


def test_a_corrected_file_creates_each_record_once_and_a_second_run_changes_nothing(tmp_path):
    path = csv_file(tmp_path, *GOOD_ROWS)
    ana = User.objects.create_user("ana")
    first_entry = Change.objects.count()
    ok, out, _err = run(path, "--reason", "From the ministry's list", "--user", "ana")
    assert ok
    assert "created 3, changed 0, unchanged 0" in out
    assert sorted(Organization.objects.values_list("slug", flat=True)) == ["kemlu", "rusi", "un-dpo"]
    created = versions()
    assert created == (3, first_entry + 3)
    entries = Change.objects.order_by("id")[first_entry:]
    assert {(entry.action, entry.reason, entry.user_id) for entry in entries} == {
        ("create", "From the ministry's list", ana.id)
    }
    assert Organization.objects.get(slug="kemlu").country.iso3 == "IDN"

    ok, out, _err = run(path)
    assert ok
    assert "created 0, changed 0, unchanged 3" in out
    assert versions() == created


def test_a_row_that_changes_a_record_writes_one_version_with_the_reason(tmp_path):
    run(csv_file(tmp_path, *GOOD_ROWS))
    renamed = GOOD_ROWS[2].replace("Royal United Services Institute", "RUSI")
    ok, out, _err = run(csv_file(tmp_path, GOOD_ROWS[0], renamed), "--reason", "Shorter name")
    assert ok
    assert "created 0, changed 1, unchanged 1" in out
    assert "name: Royal United Services Institute → RUSI" in out
    rusi = Organization.objects.get(slug="rusi")
    assert rusi.name == "RUSI"
    latest = rusi.history.first()
    assert (latest.history_type, latest.history_change_reason) == ("~", "Shorter name")
    assert Change.objects.filter(lookup="rusi").count() == 2


def test_a_dry_run_writes_nothing_and_reports_each_field_that_would_change(tmp_path):
    run(csv_file(tmp_path, *GOOD_ROWS))
    before = versions()
    changed = GOOD_ROWS[1].replace("Indonesia's foreign ministry.", "The foreign ministry.").replace(",IDN,", ",MYS,")
    new = "icg,International Crisis Group,think_tank,,"
    ok, out, _err = run(csv_file(tmp_path, GOOD_ROWS[0], changed, new), "--dry-run")
    assert ok
    assert "dry run, nothing written" in out
    assert "created 1, changed 1, unchanged 1" in out
    assert "row 3: organizations/kemlu would be changed" in out
    assert "country_iso3: IDN → MYS" in out
    assert "description: Indonesia's foreign ministry. → The foreign ministry." in out
    assert "row 4: organizations/icg would be created" in out
    assert "row 2: organizations/un-dpo unchanged" in out
    assert versions() == before
    assert not Organization.objects.filter(slug="icg").exists()
    assert Organization.objects.get(slug="kemlu").country.iso3 == "IDN"


@pytest.mark.parametrize("file_format", ["csv", "jsonl"])
@pytest.mark.parametrize("collection", ["pledges", "statements", "sources", "organizations", "people"])
def test_an_api_export_imports_back_as_a_no_op(tmp_path, api_client, collection, file_format):
    call_command("load_seed_data", stdout=io.StringIO())
    path = tmp_path / f"{collection}.{file_format}"
    path.write_bytes(api_export(api_client, collection, file_format))
    before = versions()
    ok, out, err = run(path)
    assert ok, err
    assert f"{collection} from" in out
    assert "created 0, changed 0" in out
    assert versions() == before


def test_a_pledge_row_goes_through_the_services_and_names_the_column_of_the_rule_it_breaks(tmp_path, api_client):
    pledge = PledgeFactory()
    lines = api_export(api_client, "pledges", "csv").decode().splitlines()
    header = lines[0].split(",")
    cells = next(csv.reader([lines[1]]))
    row = dict(zip(header, cells, strict=True))
    row.update(quantity_qualifier="exact", quantity_low="100", quantity_high="200")
    path = csv_file(tmp_path, ",".join(f'"{row[name]}"' for name in header), header=lines[0], name="p.csv")
    ok, _out, err = run(path)
    assert ok is None
    assert "row 2, column quantity_qualifier: An exact quantity has low and high bounds, both equal" in err
    row.update(quantity_high="100")
    path = csv_file(tmp_path, ",".join(f'"{row[name]}"' for name in header), header=lines[0], name="p.csv")
    ok, out, err = run(path, "--reason", "Exact figure")
    assert ok, err
    assert "quantity_low: (empty) → 100" in out
    pledge.refresh_from_db()
    assert (pledge.quantity_qualifier, pledge.quantity_low, pledge.quantity_high) == ("exact", 100, 100)
    assert pledge.history.first().history_change_reason == "Exact figure"


def test_a_column_that_no_import_writes_must_read_as_the_record_does(tmp_path, api_client):
    PledgeFactory()
    text = api_export(api_client, "pledges", "csv").decode()
    header, row = text.splitlines()[:2]
    status_at = header.split(",").index("status")
    cells = row.split(",")
    cells[status_at] = "committed"
    ok, _out, err = run(csv_file(tmp_path, ",".join(cells), header=header, name="p.csv"))
    assert ok is None
    assert "row 2, column status: The status follows the record's status events" in err


def test_a_new_pledge_takes_the_key_its_row_gives(tmp_path):
    existing = PledgeFactory()
    source = existing.source_links.first().source
    header = "key,country_iso3,initiative_slug,kind,quantity_qualifier,quantity_low,quantity_high,sources"
    row = f"mys-{existing.initiative.slug}-police,MYS,{existing.initiative.slug},police,at_least,50,,{source.id}"
    ok, out, err = run(csv_file(tmp_path, row, header=header, name="new.csv"))
    assert ok, err
    assert "pledges from new.csv" in out
    pledge = Pledge.objects.get(key=f"mys-{existing.initiative.slug}-police")
    assert (pledge.party.country.iso3, pledge.quantity_low, pledge.quantity_high) == ("MYS", 50, None)
    assert Change.objects.filter(collection="pledges", lookup=str(pledge.id), action="create").count() == 1


def test_json_lines_keep_what_csv_leaves_out_and_the_dry_run_shows_it(tmp_path, api_client):
    PledgeFactory()
    line = json.loads(api_export(api_client, "pledges", "jsonl").decode().splitlines()[0])
    line["sources"][0]["locator"] = "paragraph 4"
    path = tmp_path / "pledges.jsonl"
    path.write_text(json.dumps(line) + "\n")
    ok, out, err = run(path, "--dry-run")
    assert ok, err
    assert '"locator": "paragraph 4"' in out
    ok, out, err = run(path)
    assert ok, err
    assert Pledge.objects.get().source_links.get().locator == "paragraph 4"
    csv_path = tmp_path / "pledges.csv"
    csv_path.write_bytes(api_export(api_client, "pledges", "csv"))
    ok, out, err = run(csv_path)
    assert ok, err
    assert "unchanged 1" in out
    assert Pledge.objects.get().source_links.get().locator == "paragraph 4"


def test_a_json_lines_error_names_its_line_and_field(tmp_path):
    path = tmp_path / "people.jsonl"
    lines = [{"slug": "spokesperson", "description": "A Hamas spokesperson"}, {"slug": "nameless"}]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    ok, _out, err = run(path, "--collection", "people")
    assert ok is None
    assert "line 2: A person needs a name or, if anonymous, a description." in err
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.csv", "the file: The file is empty."),
        (b"slug,name\r\n", "header.csv", "the file: The file holds no rows."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "picture.csv", "the file: The file is not UTF-8 text"),
        (b'[{"slug": "x"}]', "list.json", "A JSON array is not JSON Lines"),
        (b'{"slug": "x"}\nnot json\n', "broken.jsonl", "line 2: This line is not JSON"),
        (b"slug,name,colour\r\nx,X,red\r\n", "o.csv", "row 1, column colour: Unknown column."),
        (b"slug,name\r\nx,X\r\n", "o.csv", "These columns fit several collections (organizations, people)"),
        (b"slug,name\r\nx\r\n", "o.csv", "row 2: This row has 1 cells; the header has 2."),
    ],
)
def test_a_file_that_cannot_be_imported_is_refused_with_a_clear_error(tmp_path, content, name, message):
    path = tmp_path / name
    path.write_bytes(content)
    options = ["--collection", "organizations"] if "colour" in name or b"colour" in content else []
    ok, _out, err = run(path, *options)
    assert ok is None
    assert message in err


def test_an_export_that_failed_midway_is_refused_as_incomplete(tmp_path):
    path = csv_file(tmp_path, GOOD_ROWS[0], "#error,The export failed after 1 rows: this file is incomplete.")
    ok, _out, err = run(path)
    assert ok is None
    assert "row 3: The export that wrote this file failed: the file is incomplete." in err


def test_a_record_named_twice_in_one_file_is_refused(tmp_path):
    ok, _out, err = run(csv_file(tmp_path, GOOD_ROWS[0], GOOD_ROWS[0]))
    assert ok is None
    assert "row 3, column slug: This row names the same record as row 2." in err


def test_an_unknown_user_is_refused_before_anything_is_read(tmp_path):
    ok, _out, err = run(csv_file(tmp_path, *GOOD_ROWS), "--user", "nobody")
    assert ok is None
    assert "No user is named nobody." in err
    assert not Organization.objects.exists()


def test_the_queries_of_an_import_grow_by_a_bounded_number_per_row(tmp_path):
    rows = [f"org-{number},Organization {number},ngo,IDN,Row {number}." for number in range(30)]
    small, large = csv_file(tmp_path, *rows[:10], name="small.csv"), csv_file(tmp_path, *rows, name="large.csv")
    run(large)
    with CaptureQueriesContext(connection) as ten:
        run(small)
    with CaptureQueriesContext(connection) as thirty:
        run(large)
    per_row = (len(thirty) - len(ten)) / 20
    assert per_row <= 20, f"{per_row} queries per unchanged row"
    assert len(ten) <= 10 * 20 + 20


def test_sources_are_found_by_id_then_by_document_url(tmp_path):
    OrganizationFactory(slug="reuters", name="Reuters", kind="media")
    header = "id,title,publisher_slug,language,kind,document_url"
    first = ",Gaza force talks,reuters,en,news_report,https://example.org/a"
    ok, out, err = run(csv_file(tmp_path, first, header=header, name="sources.csv"))
    assert ok, err
    source = Source.objects.get()
    by_url = ",Gaza force talks (corrected),reuters,en,news_report,https://example.org/a"
    ok, out, err = run(csv_file(tmp_path, by_url, header=header, name="sources.csv"))
    assert ok, err
    assert "changed 1" in out
    by_id = f"{source.id},Gaza force talks,reuters,en,news_report,https://example.org/b"
    ok, out, err = run(csv_file(tmp_path, by_id, header=header, name="sources.csv"))
    assert ok, err
    source.refresh_from_db()
    assert (Source.objects.count(), source.url, source.title) == (1, "https://example.org/b", "Gaza force talks")
    ok, _out, err = run(csv_file(tmp_path, "999," + by_id.split(",", 1)[1], header=header, name="sources.csv"))
    assert ok is None
    assert "row 2, column id: No source has the id 999." in err


def test_a_new_statement_from_csv_has_its_speakers_targets_and_sources_and_imports_back_unchanged(tmp_path, api_client):
    pledge = PledgeFactory()
    speaker = PersonFactory(slug="hakan-fidan", name="Hakan Fidan")
    source = pledge.source_links.get().source
    header = "key,kind,text,language,date,date_precision,speakers,targets,sources"
    row = (
        f"2025-10-24-hakan-fidan,quote,We are ready.,en,2025-10-24,day,hakan-fidan,"
        f"country:ISR:opposes|pledge:{pledge.key}:supports,{source.id}"
    )
    ok, out, err = run(csv_file(tmp_path, row, header=header, name="statements.csv"))
    assert ok, err
    statement = Statement.objects.get(key="2025-10-24-hakan-fidan")
    assert [each.person for each in statement.speakers.all()] == [speaker]
    targets = {(str(target.target), target.stance) for target in statement.targets.all()}
    assert targets == {("Israel", "opposes"), (pledge.key, "supports")}
    before = versions()
    for file_format in ("csv", "jsonl"):
        path = tmp_path / f"statements.{file_format}"
        path.write_bytes(api_export(api_client, "statements", file_format))
        ok, out, err = run(path)
        assert ok, err
        assert "unchanged 1" in out
    assert versions() == before


def test_a_pledge_row_may_name_its_party_by_the_party_columns_alone(tmp_path):
    existing = PledgeFactory()
    group = CountryGroupFactory(slug="gulf-states", name="Gulf states")
    source = existing.source_links.get().source
    header = "party_type,party_key,initiative_slug,kind,sources"
    row = f"country_group,{group.slug},{existing.initiative.slug},funding,{source.id}"
    ok, out, err = run(csv_file(tmp_path, row, header=header, name="pledges.csv"))
    assert ok is None
    assert "row 2, column quantity: Funding is counted in a currency, not in persons." in err
    ok, out, err = run(csv_file(tmp_path, row.replace("funding", "troops"), header=header, name="pledges.csv"))
    assert ok, err
    pledge = Pledge.objects.exclude(pk=existing.pk).get()
    assert (pledge.party.country_group, pledge.key) == (group, f"gulf-states-{existing.initiative.slug}-troops")
