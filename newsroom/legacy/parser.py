"""Entry point: turn one legacy export into a LegacyArticle."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from newsroom.legacy.article import LegacyArticle
from newsroom.legacy.credits import (
    AUTHOR,
    TRANSLATOR,
    Credit,
    is_caption,
    repeats_title,
    take_signoff,
)
from newsroom.legacy.furniture import cut_site_chrome, strip_page_furniture
from newsroom.legacy.language import detect_language
from newsroom.legacy.normalize import text_lines
from newsroom.legacy.paragraphs import rejoin
from newsroom.legacy.quality import assess, quality_warnings
from newsroom.legacy.reading import ensure_readable_text
from newsroom.legacy.shapes import HEADER_LINES, NEWSITE, OCR, WEB, detect_shape
from newsroom.legacy.stamps import parse_capture_stamp, parse_publication_stamp, parse_web_stamp

StampParser = Callable[[str], datetime | None]

SHORT_BODY_WORDS = 40
_OCR_TITLE_LINES = 3


@dataclass
class _Draft:
    """What a shape-specific reader recovers before the shared checks run."""

    title: str
    published_at: datetime | None
    body: list[str]
    section_label: str = ""
    credits: list[Credit] = field(default_factory=list)


def _find(lines: list[str], parse: StampParser, start: int = 0) -> int | None:
    """Index of the first header line that `parse` reads as a stamp."""
    header = range(start, min(len(lines), start + HEADER_LINES))
    return next((index for index in header if parse(lines[index])), None)


def _read_web(lines: list[str]) -> _Draft:
    """Title, then "HH:MM DD/MM/YYYY", then the body and the old site's sidebar."""
    filled = [line for line in lines if line]
    stamp_at = _find(filled, parse_web_stamp)
    if stamp_at is None:
        title, published_at, body = filled[0], None, filled[1:]
    else:
        title = " ".join(filled[:stamp_at])
        published_at = parse_web_stamp(filled[stamp_at])
        body = filled[stamp_at + 1 :]
    body, credits = take_signoff(cut_site_chrome(body))
    return _Draft(title=title, published_at=published_at, body=body, credits=credits)


def _read_newsite(lines: list[str]) -> _Draft:
    """Weekday capture stamp, section label, title, "DD/MM/YYYY HH:MM", lead, body, footer."""
    filled = [line for line in lines if line]
    start = 1 if parse_capture_stamp(filled[0]) else 0
    stamp_at = _find(filled, parse_publication_stamp, start)
    if stamp_at is None:
        header, published_at, body = filled[start : start + 2], None, filled[start + 2 :]
    else:
        header = filled[start:stamp_at]
        published_at = parse_publication_stamp(filled[stamp_at])
        body = filled[stamp_at + 1 :]
    section_label = header[0] if len(header) > 1 else ""
    title = " ".join(header[1:] if section_label else header)
    body, credits = take_signoff(cut_site_chrome(body))
    return _Draft(
        title=title,
        published_at=published_at,
        body=body,
        section_label=section_label,
        credits=credits,
    )


def _read_ocr(lines: list[str]) -> _Draft:
    """Printed report: the title is its leading capitalised lines, or else the first line."""
    cleaned = strip_page_furniture(lines)
    filled = [index for index, line in enumerate(cleaned) if line]
    title_rows = []
    for index in filled[:_OCR_TITLE_LINES]:
        if not cleaned[index].isupper():
            break
        title_rows.append(index)
    title_rows = title_rows or filled[:1]
    title = " ".join(cleaned[index] for index in title_rows)
    body = cleaned[title_rows[-1] + 1 :] if title_rows else []
    return _Draft(title=title, published_at=None, body=body)


_READERS = {WEB: _read_web, NEWSITE: _read_newsite, OCR: _read_ocr}


def _split_captions(body: list[str], title: str) -> tuple[list[str], list[str]]:
    """Move photo captions out of the body; drop captions that only repeat the title."""
    text: list[str] = []
    captions: list[str] = []
    for line in body:
        if line and repeats_title(line, title):
            text.append("")
        elif line and is_caption(line):
            captions.append(line)
            text.append("")
        else:
            text.append(line)
    return text, captions


def _names(credits: list[Credit], role: str) -> str:
    return ", ".join(credit.name for credit in credits if credit.role == role)


def parse_legacy_text(text: str, filename: str = "") -> LegacyArticle:
    """Parse one export of the old sites; raises LegacyFormatError if it is not readable text."""
    ensure_readable_text(text, filename)
    lines = text_lines(text)
    shape = detect_shape(lines)
    draft = _READERS[shape](lines)
    body, captions = _split_captions(draft.body, draft.title)
    paragraphs = rejoin(body, hard_wrapped=shape == OCR)
    standfirst = paragraphs.pop(0) if shape == NEWSITE and paragraphs else ""

    article_text = "\n".join([draft.title, standfirst, *paragraphs])
    language = detect_language(article_text)
    article = LegacyArticle(
        shape=shape,
        language=language,
        title=draft.title,
        published_at=draft.published_at,
        standfirst=standfirst,
        paragraphs=paragraphs,
        captions=captions,
        author=_names(draft.credits, AUTHOR),
        translator=_names(draft.credits, TRANSLATOR),
        section_label=draft.section_label,
    )
    warnings = quality_warnings(assess(article_text, language), shape)
    if not article.title:
        warnings.insert(0, "no title found")
    if article.published_at is None:
        warnings.append("no publication date found")
    if not article.word_count:
        warnings.append("no body text found")
    elif article.word_count < SHORT_BODY_WORDS:
        warnings.append(f"very short body ({article.word_count} words)")
    article.warnings = warnings
    article.needs_review = bool(warnings)
    article.review_reason = "; ".join(warnings)
    return article
