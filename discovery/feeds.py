"""RSS 2.0 and Atom feeds of articles, per language, site-wide or for one *scope*.

A scope is a function `(request, slug) -> FeedScope` registered under a name; the URL
`/<lang>/feeds/<name>/<slug>/rss.xml` (and `atom.xml`) serves it. The scope registered as
`SITE_WIDE` is served at `/<lang>/feeds/rss.xml`, with no slug. The apps register their
scopes from their `discovery.py` (the news: site-wide, sections, topics; the zones: a
zone's news). A per-zone feed is::

    @register_feed_scope("zone")
    def zone_scope(request, slug):
        zone = get_object_or_404(live_pages_in_language(IndustrialZonePage), slug=slug)
        return FeedScope(zone.title, absolute_page_url(request, zone), zone.intro,
                         published_articles().filter(zones=zone))
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import strip_tags

from discovery.structured_data import AUTHORITY_NAME
from portal.languages import ENGLISH

FEED_LENGTH = 30
SITE_WIDE = None
_scopes = {}


@dataclass
class FeedScope:
    title: str
    link: str
    description: str
    articles: QuerySet


def register_feed_scope(name):
    def decorator(function):
        _scopes[name] = function
        return function

    return decorator


def live_pages_in_language(model):
    """Live public pages of `model` a reader of the active language may see."""
    pages = model.objects.live().public()
    if translation.get_language() == ENGLISH:
        pages = pages.filter(english_ready=True)
    return pages


def absolute_page_url(request, page):
    """The page's URL on the host the reader asked, in the active language."""
    return request.build_absolute_uri(page.get_url(request))


class ArticleFeed(Feed):
    """The articles of a scope, newest first, with their full metadata."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, scope=SITE_WIDE, slug=None):
        if scope not in _scopes:
            raise Http404
        found = _scopes[scope](request, slug)
        found.request = request
        return found

    def title(self, scope):
        authority = AUTHORITY_NAME["en" if translation.get_language() == ENGLISH else "vi"]
        return f"{scope.title} – {authority}"

    def link(self, scope):
        return scope.link

    def description(self, scope):
        return scope.description or scope.title

    def subtitle(self, scope):
        return self.description(scope)

    def feed_url(self, scope):
        return scope.request.build_absolute_uri(scope.request.path)

    def author_name(self, scope):
        return AUTHORITY_NAME["en" if translation.get_language() == ENGLISH else "vi"]

    def items(self, scope):
        articles = list(
            scope.articles.select_related("lead_image")
            .prefetch_related("topics")
            .order_by("-published_at", "-pk")[:FEED_LENGTH]
        )
        for article in articles:
            article.feed_url = absolute_page_url(scope.request, article)
        return articles

    def item_title(self, article):
        return article.title

    def item_link(self, article):
        return article.feed_url

    def item_guid(self, article):
        return article.feed_url

    item_guid_is_permalink = True

    def item_description(self, article):
        if article.standfirst:
            return article.standfirst
        for block in article.body:
            if block.block_type == "paragraph":
                return strip_tags(str(block.value))
        return article.title

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.last_published_at or article.published_at

    def item_author_name(self, article):
        return article.author or self.author_name(None)

    def item_categories(self, article):
        return [topic.name for topic in article.topics.all()]


class AtomArticleFeed(ArticleFeed):
    feed_type = Atom1Feed
