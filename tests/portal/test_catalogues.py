"""Every interface string exists in Vietnamese; the catalogues compile."""

import subprocess
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"
CATALOGUES = [
    LOCALE / "vi" / "LC_MESSAGES" / "django.po",
    LOCALE / "en" / "LC_MESSAGES" / "django.po",
    LOCALE / "wagtailadmin" / "vi" / "LC_MESSAGES" / "django.po",
    LOCALE / "wagtailadmin" / "vi" / "LC_MESSAGES" / "djangojs.po",
]


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(LOCALE)))
def test_catalogue_is_complete_and_valid(path):
    catalogue = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)


def test_english_catalogue_repeats_every_english_msgid():
    """Guards against makemessages' fuzzy guesses ("Newest first" shown as "standfirst")."""
    catalogue = polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.po"))
    wrong = [
        (entry.msgid, entry.msgstr)
        for entry in catalogue
        if not entry.msgid_plural and entry.msgstr != entry.msgid
    ]
    assert wrong == []
