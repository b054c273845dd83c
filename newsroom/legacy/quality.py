"""Signals that a text is OCR-damaged or otherwise doubtful and needs an editor's eye."""

from dataclasses import dataclass

from newsroom.legacy.language import VIETNAMESE
from newsroom.legacy.shapes import OCR
from newsroom.legacy.syllables import Spelling, classify, words

STRAY_CHARACTERS = frozenset("~|^`¦¬_{}\\¤¨")
DAMAGED_LIMIT = 0.03  # clean Vietnamese has virtually no misspelt syllables
UNMARKED_LIMIT = 0.5  # clean Vietnamese has roughly a quarter of syllables without marks
STRAY_LIMIT = 3


@dataclass(frozen=True)
class QualityReport:
    """Counts behind the review warnings, kept so the numbers can be shown or tested."""

    syllables: int
    damaged: int
    unmarked: int
    stray_characters: int

    @property
    def damaged_ratio(self) -> float:
        return self.damaged / self.syllables if self.syllables else 0.0

    @property
    def unmarked_ratio(self) -> float:
        return self.unmarked / self.syllables if self.syllables else 0.0


def assess(text: str, language: str) -> QualityReport:
    """Count damaged and unaccented syllables (Vietnamese only) and stray characters."""
    damaged = unmarked = syllables = 0
    if language == VIETNAMESE:
        for word in words(text):
            spelling = classify(word)
            if spelling is Spelling.FOREIGN:
                continue
            syllables += 1
            damaged += spelling in (Spelling.DAMAGED, Spelling.STRIPPED)
            unmarked += spelling in (Spelling.PLAIN, Spelling.STRIPPED)
    return QualityReport(
        syllables=syllables,
        damaged=damaged,
        unmarked=unmarked,
        stray_characters=sum(ch in STRAY_CHARACTERS for ch in text),
    )


def _percent(ratio: float) -> int:
    return round(ratio * 100)


def quality_warnings(report: QualityReport, shape: str) -> list[str]:
    """Human-readable warnings for an editor, most important first."""
    warnings: list[str] = []
    if shape == OCR:
        if report.syllables:
            damaged = _percent(report.damaged_ratio)
            warnings.append(f"OCR text: {damaged}% of syllables look damaged")
        else:
            warnings.append("OCR text: proofread against the printed original")
    elif report.damaged_ratio >= DAMAGED_LIMIT:
        warnings.append(f"{_percent(report.damaged_ratio)}% of syllables look damaged")
    if report.unmarked_ratio >= UNMARKED_LIMIT:
        warnings.append(
            f"{_percent(report.unmarked_ratio)}% of Vietnamese syllables have no diacritics"
        )
    if report.stray_characters >= STRAY_LIMIT:
        warnings.append(f"{report.stray_characters} stray characters such as '~' or '|'")
    return warnings
