"""News articles in the archive search: one entry per language the article is published in.

An article's zone facet names the live public zones it mentions. The zones app builds on
news (a zone page lists the articles that mention it), so the zone pages are reached through
the article's own `zones` field, and their names come from the same `titles_by_language` as
the zones' own entries.
"""

from portal.languages import translated
from search import registry
from search.entries import page_entry, page_languages, stream_field_text, titles_by_language

from .models import ArticlePage

ZonePage = ArticlePage._meta.get_field("zones").related_model


def article_zone_names():
    """The names of the live public zones, the facet values of `ArticlePage.zones`."""
    return titles_by_language(ZonePage.objects.live().public())


def article_entries(article, zone_names):
    zone_ids = [zone.pk for zone in article.zones.all()]
    for language in page_languages(article):
        yield page_entry(
            article,
            language,
            title=translated(article, "title", language),
            body=[
                translated(article, "standfirst", language),
                stream_field_text(translated(article, "body", language)),
            ],
            date=article.published_at,
            zones=[zone_names[pk][language] for pk in zone_ids if pk in zone_names],
        )


def articles_of_zone(zone):
    return ArticlePage.objects.filter(zones=zone).values_list("pk", flat=True)


registry.register(
    "article",
    ArticlePage,
    article_entries,
    queryset=lambda: ArticlePage.objects.live().public().prefetch_related("zones"),
    context=article_zone_names,
    depends_on={ZonePage: articles_of_zone},
)
