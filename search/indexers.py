"""The news articles' search entries: one per language the article is published in."""

from django.utils.html import strip_tags

from portal.languages import ENGLISH, VIETNAMESE, page_url_in
from search import registry


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


def article_entries(article):
    section = article.get_parent().specific
    zone = getattr(article, "zone", None)
    languages = [VIETNAMESE, ENGLISH] if article.english_ready else [VIETNAMESE]
    for language in languages:
        title = getattr(article, f"title_{language}") or ""
        standfirst = getattr(article, f"standfirst_{language}", "") or ""
        body = stream_text(_stream_raw(getattr(article, f"body_{language}", None)))
        yield {
            "language": language,
            "title": title,
            "body": "\n".join(part for part in (standfirst, body) if part),
            "url": page_url_in(article, language),
            "date": article.published_at,
            "section": getattr(section, f"title_{language}", "") or section.title,
            "zone": (getattr(zone, f"title_{language}", "") or str(zone)) if zone else "",
        }


def register_news():
    from news.models import ArticlePage

    registry.register("article", ArticlePage, article_entries)
