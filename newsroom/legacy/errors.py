"""The one exception the importer raises, so callers can skip a bad file and go on."""


class LegacyFormatError(ValueError):
    """Input cannot be read as a legacy article (empty, binary, garbled or too large)."""
