"""The Indonesian catalog: its compiled file, which the service reads and a fresh checkout uses as committed (no
gettext needed), says what its source says, and every message is translated with its placeholders intact."""

import gettext
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOG = Path(settings.BASE_DIR) / "locale" / "id" / "LC_MESSAGES"
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
