"""Text clean-up shared by every stage, so all output is NFC with single spaces."""

import unicodedata

# Characters a finished sentence (or a heading like "as follows:") can end with.
SENTENCE_END = tuple('.!?…:;"”»)')

_INVISIBLES = str.maketrans({"\u00ad": "", "\u200b": "", "\ufeff": "", "\u00a0": " "})


def clean_line(line: str) -> str:
    """NFC-normalise, drop soft hyphens and zero-width marks, collapse whitespace."""
    line = unicodedata.normalize("NFC", line).translate(_INVISIBLES)
    return " ".join(line.split())


def text_lines(text: str) -> list[str]:
    """Split into cleaned lines, keeping blank lines as "" because they can mark paragraphs."""
    return [clean_line(line) for line in text.splitlines()]
