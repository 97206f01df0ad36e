"""The Indonesian catalog: its compiled file, which the service reads and a fresh checkout uses as committed (no
gettext needed), says what its source says, and every message is translated with its placeholders intact."""

import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

PROJECT = Path(settings.BASE_DIR)
CATALOG = PROJECT / "locale" / "id" / "LC_MESSAGES"
# What `make messages` reads besides the apps (the Makefile's makemessages), and what a copy of the project needs.
NOT_MARKED = ("tests/*", "benchmark/*", "staticfiles/*")
NOT_COPIED = shutil.ignore_patterns(".*", "__pycache__", "staticfiles", "db.sqlite3")
# %(name)s and %(count)d of Python's % formatting, %% and {name} / {{ }} of str.format, as the messages use them.
PLACEHOLDER = re.compile(r"%%|%\(\w+\)[sd]|\{\{|\}\}|\{\w*(?::[^}]*)?\}")


@pytest.fixture(scope="module")
def source():
    return polib.pofile(str(CATALOG / "django.po"))


def compiled(mo_path):
    with open(mo_path, "rb") as mo_file:
        return gettext.GNUTranslations(mo_file)


def messages(mo_path):
    """Each message with its translation; the header apart (msgfmt leaves out the date the catalog was made)."""
    return {key: text for key, text in compiled(mo_path)._catalog.items() if key != ""}


def test_the_committed_mo_file_says_what_the_po_file_says(source, tmp_path):
    """Fails when django.po changed and `make messages` was not run (or its .mo not committed)."""
    fresh = tmp_path / "django.mo"
    source.save_as_mofile(str(fresh))

    assert messages(CATALOG / "django.mo") == messages(fresh)
    assert compiled(CATALOG / "django.mo").info()["plural-forms"] == source.metadata["Plural-Forms"]


def test_every_message_is_translated(source):
    assert [entry.msgid for entry in source if not entry.translated()] == []


def test_every_translation_keeps_the_placeholders_of_its_message(source):
    def placeholders(text):
        return sorted(PLACEHOLDER.findall(text))

    broken = [
        entry.msgid
        for entry in source.translated_entries()
        for translation in [entry.msgstr, *entry.msgstr_plural.values()]
        if translation and placeholders(translation) != placeholders(entry.msgid)
    ]

    assert broken == []


def test_the_catalog_declares_its_language_and_indonesian_plurals(source):
    assert source.metadata["Language"] == "id"
    assert source.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert source.metadata["Content-Type"] == "text/plain; charset=UTF-8"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="reading the marked strings needs GNU gettext's xgettext")
def test_the_catalog_holds_every_message_the_code_marks_and_no_other(source, tmp_path):
    """Fails when a marked string was added or changed and `make messages` was not run since."""
    copy = tmp_path / "project"
    shutil.copytree(PROJECT, copy, ignore=NOT_COPIED)
    ignored = [argument for pattern in NOT_MARKED for argument in ("--ignore", pattern)]
    command = [sys.executable, "manage.py", "makemessages", "--locale", "id", "--no-obsolete", *ignored]
    subprocess.run(command, cwd=copy, check=True, capture_output=True)

    regenerated = polib.pofile(str(copy / "locale" / "id" / "LC_MESSAGES" / "django.po"))
    assert sorted(entry.msgid for entry in regenerated) == sorted(entry.msgid for entry in source)
