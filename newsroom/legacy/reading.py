"""Reading export files from disk and refusing what is not text."""

import os
import unicodedata
from pathlib import Path

from newsroom.legacy.errors import LegacyFormatError
from newsroom.legacy.syllables import Spelling, classify, words

MAX_FILE_BYTES = 5 * 1024 * 1024
_CONTROL_LIMIT = 0.01
_REPLACEMENT_LIMIT = 0.02
_LETTER_SHARE = 0.4
_LEGACY_ENCODING = "cp1258"  # Windows Vietnamese, used by the old site's editors


def ensure_readable_text(text: str, source: str = "") -> None:
    """Raise LegacyFormatError for empty, binary or garbled text; `source` names the file."""
    where = f"{source}: " if source else ""
    if not text.strip():
        raise LegacyFormatError(f"{where}file is empty")
    controls = sum(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f" for ch in text)
    if "\x00" in text or controls > _CONTROL_LIMIT * len(text):
        raise LegacyFormatError(f"{where}looks like binary data, not text")
    if text.count("\ufffd") > _REPLACEMENT_LIMIT * len(text):
        raise LegacyFormatError(f"{where}text is garbled (undecodable characters)")
    visible = [ch for ch in text if not ch.isspace()]
    if sum(ch.isalpha() for ch in visible) < _LETTER_SHARE * len(visible):
        raise LegacyFormatError(f"{where}does not look like text (too few letters)")
    if not any(len(words(line)) >= 2 for line in text.splitlines()):
        raise LegacyFormatError(f"{where}no text lines found")


def _reads_as_vietnamese(text: str) -> bool:
    """A wrong 8-bit guess turns accented words into junk such as "Ã" or "¸c"."""
    accented = [word for word in words(text) if not word.isascii()]
    correct = sum(classify(word) is Spelling.CORRECT for word in accented)
    return not accented or correct >= len(accented) / 2


def _decode(raw: bytes, name: str) -> str:
    """UTF-8 first (with or without BOM); Windows-1258 only if it yields real Vietnamese."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = unicodedata.normalize("NFC", raw.decode(_LEGACY_ENCODING))
    except UnicodeDecodeError as error:
        raise LegacyFormatError(f"{name}: neither UTF-8 nor Windows-1258") from error
    if not _reads_as_vietnamese(text):
        raise LegacyFormatError(f"{name}: not UTF-8, and as Windows-1258 the text is garbled")
    return text


def read_legacy_file(path: str | os.PathLike[str]) -> str:
    """Read an export as NFC text, refusing files over 5 MB and anything that is not text."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise LegacyFormatError(f"{path.name}: {size} bytes is over the 5 MB limit")
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise LegacyFormatError(f"{path.name}: looks like binary data, not text")
    text = unicodedata.normalize("NFC", _decode(raw, path.name))
    ensure_readable_text(text, path.name)
    return text
