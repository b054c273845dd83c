"""Parsing core for importing text exports of the old BIZA news sites.

Pure standard library, so it can be tested and reused without Django.
"""

from newsroom.legacy.article import LegacyArticle
from newsroom.legacy.errors import LegacyFormatError
from newsroom.legacy.parser import parse_legacy_text
from newsroom.legacy.reading import read_legacy_file

__all__ = ["LegacyArticle", "LegacyFormatError", "parse_legacy_text", "read_legacy_file"]
