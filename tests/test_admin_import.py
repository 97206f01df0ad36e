"""The admin's import and export: an upload previews what the importer would do, field by field, or the rules the
file breaks, and writes nothing until the editor confirms; each changelist exports what it shows."""

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from commitments.models import Organization, Pledge
from commitments.services.parties import organization_delete
from tests.factories import OrganizationFactory, PledgeFactory
from tests.test_admin import REASON, admin_url
from tracker.models import Change

pytestmark = pytest.mark.django_db

ORGANIZATIONS = "commitments.organization"
HEADER = "slug,name,kind,country_iso3"
ROWS = ["un-dpo,UN Department of Peace Operations,multilateral,", "kemlu,Kementerian Luar Negeri,government_body,IDN"]


def upload(client, content, name="organizations.csv", label=ORGANIZATIONS, reason=REASON):
    data = {"import_file": SimpleUploadedFile(name, content), "format": "", **reason}
    return client.post(admin_url(label, "import"), data)


def csv_bytes(*rows, header=HEADER):
    return ("\r\n".join([header, *rows]) + "\r\n").encode()


def confirm(client, preview, label=ORGANIZATIONS):
    form = preview.context["confirm_form"]
    return client.post(admin_url(label, "process_import"), {name: form.initial.get(name, "") for name in form.fields})


def test_a_file_with_one_bad_row_is_previewed_as_its_errors_and_nothing_is_written(staff_client):
    before = Change.objects.count()
    response = upload(staff_client, csv_bytes(ROWS[0], ROWS[1].replace(",IDN", ",XYZ")))
    assert response.status_code == 200
    assert "row 3, column country_iso3" in response.text
    assert "No country has the code XYZ." in response.text
    assert 'id="confirm-import"' not in response.text
    assert not Organization.objects.exists()
    assert Change.objects.count() == before


def test_the_preview_shows_each_row_field_by_field_and_the_confirmed_import_writes_it_once(staff_client, editor):
    OrganizationFactory(slug="kemlu", name="Kemlu", kind="government_body")
    before = Change.objects.count()
    preview = upload(staff_client, csv_bytes(*ROWS), reason={"change_reason": "From the ministry's list"})
    assert preview.status_code == 200
    report = preview.context["result"].report
    assert [(row.number, row.lookup, row.action) for row in report.rows] == [
        (2, "un-dpo", "created"),
        (3, "kemlu", "changed"),
    ]
    assert "<del>Kemlu</del> → <ins>Kementerian Luar Negeri</ins>" in preview.text
    assert "1 to create, 1 to change, 0 left unchanged." in preview.text
    assert Change.objects.count() == before
    assert not Organization.objects.filter(slug="un-dpo").exists()

    done = confirm(staff_client, preview)
    assert done.status_code == 302
    assert Organization.objects.get(slug="kemlu").name == "Kementerian Luar Negeri"
    entries = list(Change.objects.order_by("id")[before:])
    assert [(entry.lookup, entry.action) for entry in entries] == [("un-dpo", "create"), ("kemlu", "update")]
    assert {(entry.reason, entry.user_id) for entry in entries} == {("From the ministry's list", editor.id)}
    messages = [str(message) for message in staff_client.get(done.url).context["messages"]]
    assert "Imported: 1 created, 1 changed, 0 unchanged." in messages

    again = upload(staff_client, csv_bytes(*ROWS))
    assert [row.action for row in again.context["result"].report.rows] == ["unchanged", "unchanged"]
    confirm(staff_client, again)
    assert Change.objects.count() == before + 2


def test_an_import_asks_for_a_reason(staff_client):
    response = upload(staff_client, csv_bytes(*ROWS), reason={})
    assert response.status_code == 200
    assert response.context["form"].errors["change_reason"]
    assert "result" not in response.context or response.context["result"] is None
    assert not Organization.objects.exists()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.csv", "The submitted file is empty."),
        (b"\n\n", "blank.csv", "The file is empty."),
        (b"\xff\xfe\x00binary", "picture.png", "The file is not UTF-8 text"),
        (b"slug,name,colour\r\nx,X,red\r\n", "organizations.csv", "row 1, column colour</td><td>Unknown column."),
        (b'{"slug": "x", "colour": "red"}\n', "organizations.jsonl", "line 1, field colour</td><td>Unknown field."),
    ],
)
def test_a_file_that_cannot_be_imported_says_why(staff_client, content, name, message):
    response = upload(staff_client, content, name=name)
    assert response.status_code == 200
    assert message in response.text
    assert 'id="confirm-import"' not in response.text
    assert not Organization.objects.exists()


def test_an_editor_without_the_add_permission_cannot_import(staff_client, editor):
    add = Permission.objects.get(codename="add_organization")
    user = User.objects.create_user("viewer", password="viewer-password-1", is_staff=True)
    user.user_permissions.add(*editor.groups.get().permissions.exclude(pk=add.pk))
    staff_client.force_login(user)
    assert staff_client.get(admin_url(ORGANIZATIONS, "import")).status_code == 403
    assert upload(staff_client, csv_bytes(*ROWS)).status_code == 403
    changelist = staff_client.get(admin_url(ORGANIZATIONS, "changelist"))
    assert admin_url(ORGANIZATIONS, "import") not in changelist.text
    assert not Organization.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client):
    for view in ("import", "process_import"):
        response = client.get(admin_url(ORGANIZATIONS, view))
        assert response.status_code == 302
        assert "/admin/login/" in response.url
    response = client.get(admin_url(ORGANIZATIONS, "export", "csv"))
    assert "/admin/login/" in response.url


def test_a_changelist_exports_what_its_filters_show_and_the_file_imports_back_unchanged(staff_client):
    call_command("load_seed_data", verbosity=0)
    changelist = staff_client.get(admin_url("commitments.pledge", "changelist"), {"kind": "troops"})
    export_url = admin_url("commitments.pledge", "export", "csv")
    assert f'{export_url}?kind=troops"' in changelist.text
    response = staff_client.get(export_url, {"kind": "troops"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = b"".join(response.streaming_content)
    lines = content.decode().splitlines()
    api = b"".join(staff_client.get("/api/v1/pledges/?kind=troops&format=csv").streaming_content).decode()
    assert lines[0] == api.splitlines()[0]
    troops = Pledge.objects.filter(kind="troops")
    assert len(lines) - 1 == troops.count() < Pledge.objects.count()

    before = Change.objects.count()
    preview = upload(staff_client, content, name="pledges.csv", label="commitments.pledge")
    assert {row.action for row in preview.context["result"].report.rows} == {"unchanged"}
    confirm(staff_client, preview, label="commitments.pledge")
    assert Change.objects.count() == before


def test_a_changelist_exports_json_lines_too(staff_client):
    pledge = PledgeFactory()
    response = staff_client.get(admin_url("commitments.pledge", "export", "jsonl"))
    assert response["Content-Type"] == "application/x-ndjson"
    assert pledge.key in b"".join(response.streaming_content).decode()
    assert staff_client.get(admin_url("commitments.pledge", "export", "xlsx")).status_code == 404


@pytest.mark.parametrize(
    "label", ["commitments.pledge", "commitments.statement", "commitments.source", "commitments.person"]
)
def test_every_imported_changelist_offers_its_import_and_export(staff_client, label):
    changelist = staff_client.get(admin_url(label, "changelist"))
    assert admin_url(label, "import") in changelist.text
    assert admin_url(label, "export", "csv") in changelist.text
    assert staff_client.get(admin_url(label, "import")).status_code == 200


def test_a_confirmed_import_that_no_longer_applies_shows_its_errors_and_writes_nothing(staff_client):
    parent = OrganizationFactory(slug="un", name="United Nations", kind="multilateral")
    content = csv_bytes("un-dpo,UN Department of Peace Operations,multilateral,un", header="slug,name,kind,parent_slug")
    preview = upload(staff_client, content)
    assert [row.action for row in preview.context["result"].report.rows] == ["created"]
    organization_delete(parent)
    response = confirm(staff_client, preview)
    assert response.status_code == 200
    assert "row 2, column parent_slug</td><td>No record has the slug un." in response.text
    assert not Organization.objects.exists()


def test_the_librarys_own_commands_which_would_save_models_directly_do_not_exist():
    for name in ("import", "export"):
        with pytest.raises(CommandError, match="Unknown command"):
            call_command(name)


def test_the_import_speaks_the_editors_language(staff_client):
    indonesian = {"HTTP_ACCEPT_LANGUAGE": "id-ID,id;q=0.9"}
    page = staff_client.get(admin_url(ORGANIZATIONS, "import"), **indonesian).text
    assert "Berkas yang diimpor" in page and "Pratinjau impor" in page
    changelist = staff_client.get(admin_url(ORGANIZATIONS, "changelist"), **indonesian).text
    assert "Impor" in changelist and "Ekspor CSV" in changelist
    data = {"import_file": SimpleUploadedFile("o.csv", csv_bytes(ROWS[0].replace("multilateral", "x"))), **REASON}
    preview = staff_client.post(admin_url(ORGANIZATIONS, "import"), data, **indonesian).text
    assert "baris 2, kolom kind" in preview
    assert "Tidak ada yang diimpor" in preview


def test_an_import_confirmed_twice_is_written_once(staff_client):
    preview = upload(staff_client, csv_bytes(*ROWS))
    confirm(staff_client, preview)
    entries = Change.objects.count()
    again = confirm(staff_client, preview)
    assert again.status_code == 302
    assert again.url == admin_url(ORGANIZATIONS, "import")
    messages = [str(message) for message in staff_client.get(again.url).context["messages"]]
    assert "This import was confirmed already, or its file is gone: upload it again." in messages
    assert Change.objects.count() == entries
