"""What every search backend returns, whatever it runs on."""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from search.models import split_zones

FACET_NAMES = ("kind", "year", "zone", "section")
FACET_SIZE = 30


@dataclass
class SearchHit:
    key: str
    title: str
    title_html: str
    url: str
    kind: str
    language: str
    date: datetime | None
    zone: str
    section: str
    document_number: str
    snippet: str
    score: float = 0.0

    @property
    def zones(self):
        return split_zones(self.zone)

    @property
    def zone_label(self):
        return "; ".join(self.zones)

    def as_json(self):
        return {
            "title": self.title,
            "title_html": str(self.title_html),
            "url": self.url,
            "type": self.kind,
            "language": self.language,
            "date": timezone.localtime(self.date).date().isoformat() if self.date else None,
            "zone": self.zone_label,
            "zones": self.zones,
            "section": self.section,
            "document_number": self.document_number,
            "snippet": str(self.snippet),
        }


@dataclass
class SearchResults:
    request: object
    hits: list = field(default_factory=list)
    total: int = 0
    total_is_exact: bool = True
    facets: dict = field(default_factory=dict)
    backend: str = ""

    @property
    def page_count(self):
        size = self.request.page_size
        return max(1, (self.total + size - 1) // size)


class SearchUnavailable(Exception):
    """The backend cannot answer now (a cluster down); the caller falls back."""
