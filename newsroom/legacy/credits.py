"""Photo captions and sign-off lines (author, translator), which are not body text."""

import re
from dataclasses import dataclass

from newsroom.legacy.furniture import looks_like_menu_item
from newsroom.legacy.syllables import has_vietnamese_shape

AUTHOR = "author"
TRANSLATOR = "translator"

_CAPTION = re.compile(r"\b(?:ảnh|photo|image|nguồn ảnh)\s*:|\bảnh minh ho[ạa]\b", re.IGNORECASE)
_CAPTION_CREDIT = re.compile(
    r"[(\[]?\s*\b(?:ảnh|photo|image|nguồn ảnh)\s*:.*$|\(?ảnh minh ho[ạa]\)?", re.IGNORECASE
)
_CAPTION_MAX_WORDS = 60

_LABELLED = (
    (TRANSLATOR, re.compile(r"^(?:translated by|translation by)\s+(?P<name>.+)$", re.I)),
    (
        TRANSLATOR,
        re.compile(r"^(?:translator|người dịch|biên dịch|dịch)\s*:\s*(?P<name>.+)$", re.I),
    ),
    (AUTHOR, re.compile(r"^(?:written by)\s+(?P<name>.+)$", re.I)),
    (
        AUTHOR,
        re.compile(
            r"^(?:writer|author|reporter|tác giả|phóng viên|bài và ảnh|bài, ảnh|bài)\s*:\s*"
            r"(?P<name>.+)$",
            re.I,
        ),
    ),
)
_BY_LINE = re.compile(r"^by\s+(?P<name>.+)$", re.IGNORECASE)
_NAME_AND_UNIT = re.compile(r"^(?P<name>[^-–—(]+?)\s+[-–—]\s+(?P<unit>[^.!?]+)$")
_NAME_AND_NOTE = re.compile(r"^(?P<name>[^(]+?)\s*\((?P<note>[^)]+)\)$")
_COMPILER_NOTES = frozenset({"th", "t.h", "tổng hợp", "st", "sưu tầm"})  # or "theo <source>"
_LABEL_MAX_WORDS = 10
_UNIT_MAX_WORDS = 8
_NAME_WORDS = range(2, 6)


@dataclass(frozen=True)
class Credit:
    """One sign-off line: who did what."""

    role: str
    name: str


def is_caption(line: str) -> bool:
    """A photo caption: "... Ảnh: Thu Hà", "... Photo: Minh Anh", "(Ảnh minh họa)"."""
    return bool(_CAPTION.search(line)) and len(line.split()) <= _CAPTION_MAX_WORDS


def _comparable(text: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text.casefold()).split())


def repeats_title(line: str, title: str) -> bool:
    """True if the line is the title again, with or without a photo credit."""
    return bool(title) and _comparable(_CAPTION_CREDIT.sub("", line)) == _comparable(title)


def looks_like_person_name(text: str) -> bool:
    """Two to five capitalised Vietnamese syllables, with or without accents ("Thu Huong")."""
    parts = text.split()
    return len(parts) in _NAME_WORDS and all(
        part.isalpha() and part[0].isupper() and part[1:].islower() and has_vietnamese_shape(part)
        for part in parts
    )


def _is_compiler_note(note: str) -> bool:
    """ "TH" (compiled), "ST" (collected) or "Theo ..." (after a source) after a name."""
    note = note.casefold().strip()
    return note in _COMPILER_NOTES or note.startswith("theo ")


def parse_signoff(line: str) -> Credit | None:
    """Read a sign-off line such as "Writer: ...", "Translated by ...", "Minh Anh (TH)"."""
    if len(line.split()) <= _LABEL_MAX_WORDS:
        for role, pattern in _LABELLED:
            match = pattern.match(line.rstrip(" ."))
            if match:
                return Credit(role, match["name"].strip())
    text = line.strip()
    match = _BY_LINE.match(text)
    if match and looks_like_person_name(match["name"]):
        return Credit(AUTHOR, match["name"])
    match = _NAME_AND_UNIT.match(text)
    if (
        match
        and looks_like_person_name(match["name"])
        and len(match["unit"].split()) <= _UNIT_MAX_WORDS
    ):
        return Credit(AUTHOR, match["name"])
    match = _NAME_AND_NOTE.match(text)
    if match and looks_like_person_name(match["name"]) and _is_compiler_note(match["note"]):
        return Credit(AUTHOR, match["name"])
    if looks_like_person_name(text):
        return Credit(AUTHOR, text)
    return None


def take_signoff(lines: list[str]) -> tuple[list[str], list[Credit]]:
    """Split trailing sign-off lines off the body.

    Short unpunctuated lines at the very end are leftover menu links and are dropped:
    on the old sites nothing after the sign-off belonged to the article.
    """
    end = len(lines)
    while (
        end
        and looks_like_menu_item(lines[end - 1])
        and not is_caption(lines[end - 1])
        and parse_signoff(lines[end - 1]) is None
    ):
        end -= 1
    credits: list[Credit] = []
    start = end
    while start and (credit := parse_signoff(lines[start - 1])) is not None:
        credits.insert(0, credit)
        start -= 1
    return lines[:start], credits
