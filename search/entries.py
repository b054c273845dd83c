"""How the apps' indexers build their search entries: one builder for the entry, and what
they share to fill it (the languages a page is published in, the readable text of a
StreamField, the section and zone facets).

`search.registry` stores what the builder returns.
"""

from django.utils.html import strip_tags

from portal.languages import ENGLISH, VIETNAMESE, page_url_in, translated


def search_entry(
    language,
    *,
    title,
    url,
    body=(),
    date=None,
    section="",
    zones=(),
    document_number="",
    document_number_key="",
):
    """One entry: an object's text in one language, with its facets.

    `body` is the text in parts (blank ones are dropped), `date` a date or datetime,
    `zones` the names of its zone facet, `document_number_key` the number's folded form
    when the app keeps its own (else the registry folds the number).
    """
    return {
        "language": language,
        "title": title,
        "body": "\n".join(part for part in body if part),
        "url": url,
        "date": date,
        "section": section,
        "zones": list(zones),
        "document_number": document_number,
        "document_number_key": document_number_key,
    }


def page_entry(page, language, *, title, body=(), date=None, zones=()):
    """The entry of a page: its URL in `language`, its parent's title as the section."""
    return search_entry(
        language,
        title=title,
        url=page_url_in(page, language),
        body=body,
        date=date,
        section=parent_title(page, language),
        zones=zones,
    )


def stream_text(raw_blocks):
    """The readable text of a StreamField's raw data, markup removed."""
    parts = []

    def walk(value):
        if isinstance(value, str):
            text = strip_tags(value).strip()
            if text:
                parts.append(text)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in {"id", "type", "image", "alignment", "url"}:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(raw_blocks)
    return "\n".join(parts)


def _stream_raw(value):
    if value is None:
        return []
    raw = getattr(value, "raw_data", value)
    return [dict(block) for block in raw]


def stream_field_text(value):
    """The readable text of a StreamField value (None gives "")."""
    return stream_text(_stream_raw(value))


def page_languages(page):
    """The languages a page is published in: English only once it is ready in English."""
    return [VIETNAMESE, ENGLISH] if page.english_ready else [VIETNAMESE]


def parent_title(page, language):
    """The title of the page's parent in `language`: the section facet of most entries."""
    parent = page.get_parent()
    if parent is None:
        return ""
    return translated(parent, "title", language) or parent.title


def titles_by_language(pages):
    """{page id: {"vi": title, "en": title}} for `pages` (one query), the English title
    falling back to the Vietnamese one: how a zone is named in every zone facet."""
    return {
        pk: {VIETNAMESE: title_vi or "", ENGLISH: title_en or title_vi or ""}
        for pk, title_vi, title_en in pages.values_list("pk", "title_vi", "title_en")
    }
