"""Date/time stamps of the old sites, each shape writing them in its own order.

The sites ran on Vietnam time, which has no daylight saving, so stamps become aware
datetimes at a fixed UTC+7 offset and can be stored as-is with USE_TZ.
"""

import re
from datetime import datetime, timedelta, timezone

VIETNAM_TIME = timezone(timedelta(hours=7), "ICT")

_TIME = r"(?P<hour>\d{1,2}):(?P<minute>\d{2})"
_DATE = r"(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})"
_WEEKDAYS = (
    r"thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|cn"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)

_WEB_STAMP = re.compile(rf"^{_TIME}\s*(?:[|,\-]\s*)?{_DATE}\b")
_PUBLICATION_STAMP = re.compile(rf"^{_DATE}\s*(?:[|,\-]\s*)?{_TIME}\b")
_CAPTURE_STAMP = re.compile(
    rf"^(?:{_WEEKDAYS})\s*,?\s*(?:ngày\s+)?{_DATE}\s*(?:[|,\-]\s*)?{_TIME}$", re.IGNORECASE
)


def _to_datetime(match: re.Match[str] | None) -> datetime | None:
    """Build the datetime, treating impossible dates such as 31/02 as no stamp at all."""
    if match is None:
        return None
    parts = {key: int(value) for key, value in match.groupdict().items()}
    try:
        return datetime(tzinfo=VIETNAM_TIME, **parts)
    except ValueError:
        return None


def parse_web_stamp(line: str) -> datetime | None:
    """Old web page stamp, time first: "10:57 27/07/2022"."""
    return _to_datetime(_WEB_STAMP.match(line))


def parse_publication_stamp(line: str) -> datetime | None:
    """Newer site publication stamp, date first: "06/03/2023 14:54"."""
    return _to_datetime(_PUBLICATION_STAMP.match(line))


def parse_capture_stamp(line: str) -> datetime | None:
    """Newer site page header with weekday: "Thứ hai 27/03/2023 17:11" or "Monday ..."."""
    return _to_datetime(_CAPTURE_STAMP.match(line))
