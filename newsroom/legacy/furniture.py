"""Recognising text that belongs to the page around an article rather than to the article.

Web exports end with the old site's sidebar and footer; OCR of printed reports carries
page numbers, running headers and specks the scanner read as characters.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher

from newsroom.legacy.normalize import SENTENCE_END
from newsroom.legacy.syllables import skeleton

# Whole lines that open the old sites' sidebars: the article never continues after them.
_SIDEBAR_LINES = frozenset(
    {
        "tin liên quan",
        "các tin khác",
        "tin khác",
        "tin cùng chuyên mục",
        "tin mới",
        "tin đọc nhiều",
        "tỷ giá ngoại tệ",
        "tỉ giá ngoại tệ",
        "liên kết website",
        "thăm dò ý kiến",
        "xem phiên bản di động",
        "phiên bản di động",
        "top",
        "về đầu trang",
        "lên đầu trang",
        "related news",
        "other news",
        "exchange rates",
        "web links",
        "poll",
        "back to top",
        "view mobile version",
        "mobile version",
    }
)
# Footer lines; printed reports carry the agency name too, so these do not mark a web page.
_FOOTER_LINES = frozenset(
    {
        "ban quản lý các kcn bắc ninh",
        "ban quản lý các khu công nghiệp bắc ninh",
        "ban quản lý các khu công nghiệp tỉnh bắc ninh",
        "bac ninh industrial zones authority",
    }
)
_CUT_PREFIXES = (
    "bản quyền thuộc về",
    "bản quyền ©",
    "copyright",
    "©",
    "địa chỉ:",
    "điện thoại:",
    "address:",
    "tel:",
    "phone:",
    "fax:",
)
# Lines the old templates sprinkled between paragraphs (share buttons, counters).
_JUNK_LINES = frozenset(
    {"chia sẻ", "in bài", "in bài viết", "gửi bài viết", "bình luận", "share", "print", "tweet"}
)
_JUNK_PATTERNS = (
    re.compile(r"^[A-Z]{3}(?:\s+[\d.,]+){1,3}$"),  # exchange rate row: "USD 23.250 23.560"
    re.compile(r"^(?:lượt xem|số lượt xem|views?)\s*:?\s*[\d.,]+$", re.IGNORECASE),
    re.compile(r"^(?:từ khóa|từ khoá|tags?)\s*:", re.IGNORECASE),
)
_MENU_MAX_WORDS = 6

_PAGE_NUMBER = re.compile(
    r"^(?:(?:trang|page|tr\.)\s*)?[-–—]?\s*\d{1,3}\s*[-–—]?(?:\s*/\s*\d{1,3})?$", re.IGNORECASE
)
_HEADER_MAX_CHARS = 100
_HEADER_MIN_KEY = 6
_HEADER_SIMILARITY = 0.85
_PAGE_EDGE_LINES = 3


def _key(line: str) -> str:
    return line.casefold().rstrip(" :")


def is_sidebar_marker(line: str) -> bool:
    """True for a sidebar heading or link that only the old web pages have."""
    return _key(line) in _SIDEBAR_LINES


def is_site_marker(line: str) -> bool:
    """True for a line that opens the old site's sidebar or footer."""
    key = _key(line)
    return (
        key in _SIDEBAR_LINES or key in _FOOTER_LINES or line.casefold().startswith(_CUT_PREFIXES)
    )


def is_inline_junk(line: str) -> bool:
    """True for share buttons, view counters, tag lists and exchange-rate rows."""
    return _key(line) in _JUNK_LINES or any(pattern.match(line) for pattern in _JUNK_PATTERNS)


def looks_like_menu_item(line: str) -> bool:
    """Short unpunctuated line, as in the link lists after an article."""
    return len(line.split()) <= _MENU_MAX_WORDS and not line.endswith(SENTENCE_END)


def cut_site_chrome(lines: Iterable[str]) -> list[str]:
    """Keep the lines before the first sidebar/footer marker, minus template junk."""
    kept: list[str] = []
    for line in lines:
        if is_site_marker(line):
            break
        if not is_inline_junk(line):
            kept.append(line)
    return kept


def is_page_number(line: str) -> bool:
    """Page numbers as printed: "12", "- 12 -", "Trang 12", "12/30"."""
    return bool(_PAGE_NUMBER.match(line))


def is_stray_line(line: str) -> bool:
    """A line of specks or rules the OCR read as characters, e.g. "' . ~ ;" or "|"."""
    visible = [ch for ch in line if not ch.isspace()]
    letters = sum(ch.isalpha() for ch in visible)
    return bool(visible) and (letters < 2 or letters < len(visible) / 2)


def _header_key(line: str) -> str:
    """Letters only, without diacritics, so OCR variants of one header compare equal."""
    return "".join(ch for ch in skeleton(line) if "a" <= ch <= "z")


def _near_page_breaks(lines: list[str]) -> list[int]:
    """Indexes where a running header can sit: the top of the text and around page numbers."""
    filled = [index for index, line in enumerate(lines) if line]
    near = set(filled[:_PAGE_EDGE_LINES])
    for position, index in enumerate(filled):
        if is_page_number(lines[index]):
            low, high = max(0, position - _PAGE_EDGE_LINES), position + _PAGE_EDGE_LINES + 1
            near.update(filled[low:high])
    return sorted(near)


def running_header_lines(lines: list[str]) -> set[int]:
    """Indexes of short lines printed again on other pages (running headers and footers).

    A header shows at least once near a page break (or at the top of the text); exact
    repeats of it are then found anywhere, OCR variants only near page breaks, which keeps
    the fuzzy comparison cheap and leaves repeated section headings alone.
    """
    keys = {
        index: _header_key(line)
        for index, line in enumerate(lines)
        if len(line) <= _HEADER_MAX_CHARS and len(_header_key(line)) >= _HEADER_MIN_KEY
    }
    candidates = [index for index in _near_page_breaks(lines) if index in keys]
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, key in keys.items():
        by_key[key].append(index)
    repeated = {
        index
        for candidate in candidates
        if len(by_key[keys[candidate]]) > 1
        for index in by_key[keys[candidate]]
    }
    for position, first in enumerate(candidates):
        for second in candidates[position + 1 :]:
            if SequenceMatcher(None, keys[first], keys[second]).ratio() >= _HEADER_SIMILARITY:
                repeated.update((first, second))
    return repeated


def strip_page_furniture(lines: list[str]) -> list[str]:
    """Blank out page numbers, running headers and stray-character lines of a scan.

    Removed lines become "" rather than vanishing, so the page break stays visible.
    """
    headers = running_header_lines(lines)
    return [
        "" if index in headers or is_page_number(line) or is_stray_line(line) else line
        for index, line in enumerate(lines)
    ]
