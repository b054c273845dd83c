"""Vietnamese text helpers shared by every app: NFC storage, folding and slugs."""

import re
import unicodedata

from django.utils.text import slugify

_SPECIAL_BASE_LETTERS = str.maketrans({"đ": "d", "Đ": "D"})


def normalize_nfc(text):
    """Vietnamese is stored precomposed, whatever the editor's keyboard produced."""
    if text is None:
        return text
    return unicodedata.normalize("NFC", text)


def _fold_character(char):
    base = unicodedata.normalize("NFD", char.translate(_SPECIAL_BASE_LETTERS))[:1] or char
    return base.lower()[:1] or base


class _FoldTable(dict):
    """str.translate table filled on first sight of each character (folding is hot)."""

    def __missing__(self, codepoint):
        folded = _fold_character(chr(codepoint))
        self[codepoint] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold_vietnamese(text):
    """Lower-case the text and strip every diacritic, đ included, keeping its length.

    One character in, one character out: an offset found in the folded text points at
    the same character of the NFC original, which is what highlighting relies on.
    """
    if not text:
        return ""
    return normalize_nfc(text).translate(_FOLD_TABLE)


def vietnamese_slugify(text):
    """Slug that transliterates Vietnamese ("Điển hình" -> "dien-hinh") instead of dropping Đ."""
    return slugify(fold_vietnamese(text))


_DOCUMENT_NUMBER_SEPARATORS = re.compile(r"[\s/\-_.]+")


def fold_document_number(number):
    """The key under which `47/QĐ-BQL`, `47/qd-bql` and `47 QD BQL` are the same document."""
    return _DOCUMENT_NUMBER_SEPARATORS.sub("", fold_vietnamese(number))
