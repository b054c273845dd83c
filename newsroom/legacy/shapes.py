"""Which of the three export shapes a text is, judged from its first lines."""

from newsroom.legacy.furniture import is_sidebar_marker
from newsroom.legacy.stamps import parse_capture_stamp, parse_publication_stamp, parse_web_stamp

WEB = "web"
NEWSITE = "newsite"
OCR = "ocr"

HEADER_LINES = 5  # stamps sit right under the title; deeper dates belong to the body


def detect_shape(lines: list[str]) -> str:
    """Classify lines as WEB, NEWSITE or OCR.

    Newer site pages open with a weekday stamp, old web pages carry "HH:MM DD/MM/YYYY"
    under the title, and scans of printed reports have neither a stamp nor site furniture.
    """
    head = [line for line in lines if line][:HEADER_LINES]
    if head and parse_capture_stamp(head[0]):
        return NEWSITE
    if any(parse_web_stamp(line) for line in head):
        return WEB
    if any(parse_publication_stamp(line) for line in head):
        return NEWSITE
    if any(is_sidebar_marker(line) for line in lines):
        return WEB
    return OCR
