"""The parsed article handed to the Wagtail import step."""

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class LegacyArticle:
    """Everything recovered from one export, plus what an editor should double-check."""

    shape: str
    language: str
    title: str
    published_at: datetime | None
    standfirst: str = ""
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    author: str = ""
    translator: str = ""
    section_label: str = ""
    warnings: list[str] = field(default_factory=list)
    needs_review: bool = False
    review_reason: str = ""

    @property
    def word_count(self) -> int:
        """Words in the standfirst and body, which is what readers see as the article."""
        return sum(len(text.split()) for text in [self.standfirst, *self.paragraphs])
