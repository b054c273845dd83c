"""Highlighting by offsets: find the words in the folded text, mark them in the original.

`fold_vietnamese` keeps the length of an NFC string, so a match at [start, end) in the
folded text covers the same characters of the original, whatever its diacritics.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.text import fold_vietnamese

SNIPPET_LENGTH = 220


def _pattern(terms, prefix_last=False):
    words = sorted({term for term in terms if term}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(word) for word in words)
    ending = r"\w*" if prefix_last else r"(?!\w)"
    return re.compile(rf"(?<!\w)(?:{alternatives}){ending}")


def match_spans(text, terms, folded=None, prefix_last=False):
    pattern = _pattern(terms, prefix_last)
    if pattern is None or not text:
        return []
    folded = folded if folded is not None else fold_vietnamese(text)
    if len(folded) != len(text):
        return []
    return [match.span() for match in pattern.finditer(folded)]


def mark(text, spans, start=0, end=None):
    """Escaped HTML of text[start:end] with the spans wrapped in <mark>."""
    end = len(text) if end is None else end
    pieces = []
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        pieces.append(escape(text[cursor:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    return mark_safe("".join(pieces))


def highlight_title(title, terms, folded=None):
    return mark(title, match_spans(title, terms, folded))


def snippet(body, folded=None, terms=(), length=SNIPPET_LENGTH):
    """A window of the body around the first match, with every match marked.

    Pass the stored folded body when there is one: folding is the costly part.
    """
    if not body:
        return mark_safe("")
    spans = match_spans(body, terms, folded or None)
    first = spans[0][0] if spans else 0
    start = max(0, first - length // 3)
    if start:
        space = body.rfind(" ", 0, start)
        start = space + 1 if space != -1 and first - space < length // 2 else start
    end = min(len(body), start + length)
    if end < len(body):
        space = body.rfind(" ", start, end)
        end = space if space > first else end
    html = mark(body, spans, start, end)
    prefix = "… " if start else ""
    suffix = " …" if end < len(body) else ""
    return mark_safe(f"{prefix}{html}{suffix}")
