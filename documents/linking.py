"""Document numbers link themselves: mentions of registry numbers become links to the entry.

The same pattern that links a number on the page also finds the numbers a page cites when
it is published (see `documents.signals`), so what readers see linked and what the registry
lists as citing pages never disagree.
"""

import json
import re

from django.core.cache import cache
from django.db.models import fields as model_fields
from django.utils import translation
from django.utils.html import conditional_escape, escape
from django.utils.http import urlencode
from django.utils.safestring import SafeData, mark_safe

from wagtail.fields import RichTextField, StreamField

from portal.cache import per_content_version
from portal.languages import ENGLISH, LANGUAGE_CODES, VIETNAMESE, page_url_in
from portal.text import fold_document_number, normalize_nfc

# A number, an optional four-digit year, then one or more letter groups joined by / or -:
# 47/QĐ-BQL, 34-CT/TW, 82/2018/NĐ-CP, 152/1998/QĐ-TTg, 1511/TTg-KTN. The letter groups are
# possessive so a longer unknown code is never shortened into a known one.
DOCUMENT_NUMBER = re.compile(r"(?<![\w/.\-])\d{1,5}(?:[/\-]\d{4})?(?:[/\-][^\W\d_]+)++(?![\w])")

_TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)")
_UNTOUCHED_ELEMENTS = {"a", "script", "style", "code", "pre", "textarea", "button"}

LINK_MAP_CACHE_KEY = "documents:link-map"
LINK_MAP_TIMEOUT = 60 * 60


def numbers_in_text(text):
    """The folded keys of every document number written in `text`."""
    if not text:
        return set()
    return {
        fold_document_number(match.group())
        for match in DOCUMENT_NUMBER.finditer(normalize_nfc(text))
    }


def build_link_map():
    """Known numbers and the registry's address in each language, ready to cache.

    {"urls": {"vi": "/vi/.../", "en": ...}, "keys": {key: [[slug, subject_vi, subject_en]]}}
    """
    from documents.models import DocumentRegistryPage, LegalDocument

    registry = DocumentRegistryPage.objects.live().first()
    if registry is None:
        return {"urls": {}, "keys": {}}
    urls = {}
    for language in LANGUAGE_CODES:
        if language == ENGLISH and not registry.english_ready:
            continue
        urls[language] = page_url_in(registry, language)
    keys = {}
    for key, slug, subject_vi, subject_en in LegalDocument.objects.order_by(
        "-date_issued", "pk"
    ).values_list("number_key", "slug", "subject_vi", "subject_en"):
        keys.setdefault(key, []).append([slug, subject_vi or "", subject_en or ""])
    return {"urls": urls, "keys": keys}


def link_map():
    """The map, shared through the cache and held by each process for a content version
    (every change that forgets the map also bumps the version)."""
    return per_content_version(LINK_MAP_CACHE_KEY, shared_link_map)


def shared_link_map():
    cached = cache.get(LINK_MAP_CACHE_KEY)
    if cached is None:
        cached = build_link_map()
        cache.set(LINK_MAP_CACHE_KEY, cached, LINK_MAP_TIMEOUT)
    return cached


def forget_link_map():
    cache.delete(LINK_MAP_CACHE_KEY)


def _link_for(number, entries, base_url, language):
    if len(entries) == 1:
        slug, subject_vi, subject_en = entries[0]
        href = f"{base_url}{slug}/"
        subject = subject_en if language == ENGLISH and subject_en else subject_vi
    else:
        href = f"{base_url}?{urlencode({'number': number})}"
        subject = ""
    title = f' title="{escape(subject)}"' if subject else ""
    return f'<a class="document-ref" href="{escape(href)}"{title}>{number}</a>'


def link_document_numbers(html, language=None, known=None):
    """Link every registry number in `html` to its entry; leave everything else as it was.

    Unknown numbers stay text, and nothing inside an existing <a> (or code, script, style)
    is touched. Plain strings are escaped first; the result is always safe HTML.
    """
    if not html:
        return html
    was_safe = isinstance(html, SafeData)
    text = str(html) if was_safe else str(conditional_escape(html))
    language = language or translation.get_language()
    known = known if known is not None else link_map()
    base_url = known["urls"].get(language)
    if not base_url or not known["keys"]:
        return mark_safe(text)

    def replace(match):
        number = match.group()
        entries = known["keys"].get(fold_document_number(number))
        if not entries:
            return number
        return _link_for(number, entries, base_url, language)

    pieces = []
    closed_depth = 0
    for token in _TOKENS.split(text):
        if not token:
            continue
        if token.startswith("<"):
            tag = _TAG_NAME.match(token)
            if tag and tag.group(2).lower() in _UNTOUCHED_ELEMENTS and not token.endswith("/>"):
                closed_depth += -1 if tag.group(1) else 1
                closed_depth = max(closed_depth, 0)
            pieces.append(token)
        elif closed_depth:
            pieces.append(token)
        else:
            pieces.append(DOCUMENT_NUMBER.sub(replace, normalize_nfc(token)))
    return mark_safe("".join(pieces))


def _strings_in(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings_in(value)
    elif isinstance(data, (list, tuple)):
        for item in data:
            yield from _strings_in(item)


def page_text(page, language):
    """All the text of `page` a reader of `language` sees in its translated fields.

    An empty English field falls back to the Vietnamese one, as it does on the page.
    """
    suffix = f"_{language}"
    for field in page._meta.concrete_fields:
        if not field.name.endswith(suffix) or field.name.startswith("url_path"):
            continue
        if isinstance(field, model_fields.SlugField):
            continue
        value = getattr(page, field.attname)
        if language != VIETNAMESE and not value:
            fallback = field.attname[: -len(suffix)] + f"_{VIETNAMESE}"
            value = getattr(page, fallback, value)
        if isinstance(field, StreamField):
            raw = field.get_prep_value(value) or []
            yield from _strings_in(json.loads(raw) if isinstance(raw, str) else raw)
        elif isinstance(field, (RichTextField, model_fields.CharField, model_fields.TextField)):
            if isinstance(value, str):
                yield value
    extra_text = getattr(page, "extra_citation_text", None)
    if callable(extra_text):
        yield from extra_text(language)
