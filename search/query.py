"""A reader's search request, parsed and checked once for every backend."""

import re
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext as _

from portal.languages import ENGLISH, VIETNAMESE
from portal.text import fold_document_number, fold_vietnamese, normalize_nfc
from search.models import KINDS
from search.names import keys_named_by

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_PAGE = 500
PAGE_SIZE = 10
SORT_RELEVANCE = "relevance"
SORT_DATE = "date"

_WORD = re.compile(r"\w+", re.UNICODE)
# "34-CT/TW", "47/QĐ-BQL", "152/1998/QĐ-TTg", "34 ct tw": digits, then letter groups.
_DOCUMENT_NUMBER = re.compile(
    r"^\s*\d{1,5}(?:[\s/\-_.]+\d{4})?(?:[\s/\-_.]+[^\W\d_]{1,8}){1,4}\s*$", re.UNICODE
)


class InvalidSearch(ValueError):
    """A request the search cannot answer; the message is shown to the reader."""


@dataclass
class SearchRequest:
    text: str = ""
    languages: list = field(default_factory=lambda: [VIETNAMESE])
    kinds: list = field(default_factory=list)
    years: list = field(default_factory=list)
    zones: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    sort: str = SORT_RELEVANCE
    page: int = 1
    page_size: int = PAGE_SIZE

    @cached_property
    def terms(self):
        """Folded words, the unit every backend matches on (punctuation is dropped)."""
        return _WORD.findall(fold_vietnamese(self.text))[:MAX_TERMS]

    @cached_property
    def exact_terms(self):
        """The words as typed (lower case), for the bonus on exact diacritics."""
        return [word.lower() for word in _WORD.findall(normalize_nfc(self.text))][:MAX_TERMS]

    @cached_property
    def has_diacritics(self):
        return any(word != fold_vietnamese(word) for word in self.exact_terms)

    @cached_property
    def document_number_key(self):
        if _DOCUMENT_NUMBER.match(self.text or ""):
            return fold_document_number(self.text)
        return ""

    @cached_property
    def named_title_keys(self):
        """The title keys of the entries this query names (see `search.names`)."""
        return keys_named_by(self.text)

    @cached_property
    def filters(self):
        return {
            "kind": self.kinds,
            "year": self.years,
            "zone": self.zones,
            "section": self.sections,
        }

    @property
    def offset(self):
        return (self.page - 1) * self.page_size

    def is_empty(self):
        return not self.terms and not self.document_number_key


def _int_list(values, name):
    numbers = []
    for value in values:
        value = value.strip()
        if not value:
            continue
        if not value.isdigit() or not 1900 <= int(value) <= 2200:
            raise InvalidSearch(
                _("“%(value)s” is not a year the %(name)s filter understands.")
                % {"value": value[:20], "name": name}
            )
        numbers.append(int(value))
    return numbers


def parse_request(params, reader_language):
    """Build a SearchRequest from GET parameters; raise InvalidSearch on bad input.

    Unknown facet values for zone or section simply match nothing; an unknown type,
    an impossible year or page, or an over-long query is an error the reader can fix.
    """
    text = normalize_nfc(params.get("q", "")).strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise InvalidSearch(
            _("The search text is too long: keep it under %(limit)s characters.")
            % {"limit": MAX_QUERY_LENGTH}
        )
    languages = [reader_language]
    lang = params.get("lang", "")
    if lang == "all":
        languages = [VIETNAMESE, ENGLISH]
    elif lang in (VIETNAMESE, ENGLISH):
        languages = [lang]
    elif lang:
        raise InvalidSearch(_("The language must be “vi”, “en” or “all”."))
    kinds = [kind for kind in params.getlist("type") if kind]
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown:
        raise InvalidSearch(
            _("Unknown result type “%(value)s”; use one of: %(kinds)s.")
            % {"value": unknown[0][:30], "kinds": ", ".join(KINDS)}
        )
    sort = params.get("sort") or SORT_RELEVANCE
    if sort not in (SORT_RELEVANCE, SORT_DATE):
        raise InvalidSearch(_("Results can be sorted by “relevance” or “date” only."))
    page_text = (params.get("page") or "1").strip()
    if not page_text.isdigit() or not 1 <= int(page_text) <= MAX_PAGE:
        raise InvalidSearch(
            _("The page must be a number from 1 to %(limit)s.") % {"limit": MAX_PAGE}
        )
    return SearchRequest(
        text=text,
        languages=languages,
        kinds=kinds,
        years=_int_list(params.getlist("year"), "year"),
        zones=[value[:200] for value in params.getlist("zone") if value],
        sections=[value[:200] for value in params.getlist("section") if value],
        sort=sort,
        page=int(page_text),
    )
