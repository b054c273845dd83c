"""What the apps' indexers share when they build search entries: the languages a page is
published in, the readable text of a StreamField and the section facet.

The entry format itself is described in `search.registry`.
"""

from django.utils.html import strip_tags

from portal.languages import ENGLISH, VIETNAMESE, translated


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
