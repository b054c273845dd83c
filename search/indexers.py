"""The news articles' search entries (one per language the article is published in), and
helpers the other apps' indexers share."""

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
    return getattr(parent, f"title_{language}", "") or parent.title


def article_zone_names():
    """The names of the live public zones, the facet values of `ArticlePage.zones`."""
    from zones.search_indexers import public_zone_names

    return public_zone_names()


def article_entries(article, zone_names):
    section = article.get_parent().specific
    zone_ids = [zone.pk for zone in article.zones.all()]
    for language in page_languages(article):
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
            "zones": [zone_names[pk][language] for pk in zone_ids if pk in zone_names],
        }


def register_news():
    from news.models import ArticlePage

    zones_field = ArticlePage._meta.get_field("zones")
    registry.register(
        "article",
        ArticlePage,
        article_entries,
        queryset=lambda: ArticlePage.objects.live().public().prefetch_related("zones"),
        context=article_zone_names,
        depends_on={
            zones_field.related_model: lambda zone: ArticlePage.objects.filter(
                zones=zone
            ).values_list("pk", flat=True)
        },
    )
