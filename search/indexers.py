"""The news articles' search entries (one per language the article is published in)."""

from portal.languages import page_url_in
from search import registry
from search.entries import page_languages, stream_field_text


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
        body = stream_field_text(getattr(article, f"body_{language}", None))
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
