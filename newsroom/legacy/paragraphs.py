"""Rebuilding paragraphs from lines.

Web exports hold one paragraph per line and only rarely break a sentence; printed
reports are hard-wrapped at a fixed width, so line length tells where paragraphs end.
"""

import re

from newsroom.legacy.normalize import SENTENCE_END

_LIST_ITEM = re.compile(r"^(?:[-–—+•*]\s|\d{1,2}[.)]\s|[a-zđ]\)\s|[IVXL]{1,5}\.\s)")
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_DASH_AT_END = re.compile(r"\s[-–—]$")
_FULL_LINE_SHARE = 0.85  # a wrapped line ending with "." this long probably runs on
_HEADING_SHARE = 0.6  # an unpunctuated line this short is a heading, not a wrap
_WIDTH_PERCENTILE = 0.8


def _starts_lowercase(line: str) -> bool:
    first_letter = next((ch for ch in line[:3] if ch.isalpha()), "")
    return first_letter.islower()


def _typical_width(lines: list[str]) -> int:
    """Print width of the page, ignoring the short last lines of paragraphs."""
    lengths = sorted(len(line) for line in lines if line)
    return lengths[int(_WIDTH_PERCENTILE * (len(lengths) - 1))] if lengths else 0


def _continues(previous: str, line: str, gap: bool, width: int, hard_wrapped: bool) -> bool:
    """Whether `line` carries on the paragraph whose last line was `previous`."""
    if _HYPHENATED.search(previous) or _DASH_AT_END.search(previous):
        return True
    if _LIST_ITEM.match(line):
        return False
    if _starts_lowercase(line):
        return True
    if not hard_wrapped:
        return False
    if previous.endswith(SENTENCE_END):
        # A sentence ended: the paragraph runs on only if the line was printed full width.
        return not gap and len(previous) >= _FULL_LINE_SHARE * width
    # A sentence is unfinished: it runs on, across page breaks too, unless it is a heading.
    return len(previous) >= _HEADING_SHARE * width


def join_lines(first: str, second: str) -> str:
    """Join two lines, undoing end-of-line hyphenation ("nghi-" + "ệp" -> "nghiệp")."""
    if _HYPHENATED.search(first):
        return first[:-1] + second if _starts_lowercase(second) else first + second
    return f"{first} {second}"


def rejoin(lines: list[str], hard_wrapped: bool) -> list[str]:
    """Group lines into paragraphs; "" entries are blank lines or removed page furniture."""
    width = _typical_width(lines) if hard_wrapped else 0
    paragraphs: list[str] = []
    previous = ""
    gap = False
    for line in lines:
        if not line:
            gap = bool(paragraphs)
            continue
        if paragraphs and _continues(previous, line, gap, width, hard_wrapped):
            paragraphs[-1] = join_lines(paragraphs[-1], line)
        else:
            paragraphs.append(line)
        previous = line
        gap = False
    return paragraphs
