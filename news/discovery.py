"""How the news is found and reused: head metadata of the home, section and article pages,
their feeds (site-wide, per section, per topic), the topic archives' sitemap and the
fields the read-only API shows.

The news page types are described by adapters (discovery.metadata's second way) rather
than by methods on the pages, which keeps the page models about pages.
"""

from django.db.models import Exists, Max, OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Site

from rest_framework import serializers

from discovery import structured_data as schema
from discovery.feeds import (
    SITE_WIDE,
    FeedScope,
    absolute_page_url,
    live_pages_in_language,
    register_feed_scope,
)
from discovery.metadata import PageDiscovery, feed_links, register_adapter, sharing_rendition
from discovery.sitemaps import RoutedViewSitemap, register_sitemap
from portal.languages import ENGLISH

from .models import ArticlePage, HomePage, SectionPage, Topic, published_articles


def _topic_feed(request, context):
    topic = context.get("topic")
    if topic is None:
        return []
    title = _("Topic: %(name)s") % {"name": topic.name}
    return [feed_links(request, "topic", topic.slug, title)]


@register_adapter(HomePage)
class HomePageDiscovery(PageDiscovery):
    def title(self):
        if self.context.get("topic") or self.context.get("thread"):
            return None
        return schema.authority(self.request)["name"]

    def structured_data(self):
        if self.context.get("topic") or self.context.get("thread"):
            return None
        return [
            schema.authority(self.request),
            {
                "@type": "WebSite",
                "name": schema.site_name(),
                "url": self.request.build_absolute_uri(self.page.get_url(self.request)),
                "publisher": {"@id": self.request.build_absolute_uri("/#authority")},
            },
        ]

    def feeds(self):
        return _topic_feed(self.request, self.context)


@register_adapter(SectionPage)
class SectionPageDiscovery(PageDiscovery):
    def feeds(self):
        section_feed = feed_links(self.request, "section", self.page.slug, self.page.title)
        return [*_topic_feed(self.request, self.context), section_feed]


@register_adapter(ArticlePage)
class ArticlePageDiscovery(PageDiscovery):
    og_type = "article"

    def description(self):
        return self.page.search_description or self.page.standfirst

    def sharing_image(self):
        return self.page.lead_image

    def structured_data(self):
        page, request = self.page, self.request
        image = self.sharing_image()
        image_url = (
            request.build_absolute_uri(sharing_rendition(image).url) if image is not None else None
        )
        return schema.news_article(
            request,
            headline=page.title,
            url=request.build_absolute_uri(page.get_url(request)),
            published=page.published_at,
            modified=page.last_published_at,
            description=self.description(),
            image_url=image_url,
            author=page.author,
            section=page.section.title,
            keywords=[topic.name for topic in page.topics.all()],
        )

    def feeds(self):
        section = self.page.section
        return [feed_links(self.request, "section", section.slug, section.title)]

    def extra_properties(self):
        page = self.page
        properties = [("article:published_time", localtime(page.published_at).isoformat())]
        if page.last_published_at:
            properties.append(
                ("article:modified_time", localtime(page.last_published_at).isoformat())
            )
        properties.append(("article:section", page.section.title))
        properties.extend(("article:tag", topic.name) for topic in page.topics.all())
        return properties


def _home(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return site.root_page.specific


@register_feed_scope(SITE_WIDE)
def site_scope(request, slug=None):
    """Every article: the feed at feeds/rss.xml, linked from every page's head."""
    home = _home(request)
    return FeedScope(
        _("All news"),
        absolute_page_url(request, home),
        _("News from the Bac Ninh Industrial Zones Authority."),
        published_articles(),
    )


@register_feed_scope("section")
def section_scope(request, slug):
    language_slug = "slug_en" if translation.get_language() == ENGLISH else "slug_vi"
    section = get_object_or_404(live_pages_in_language(SectionPage), **{language_slug: slug})
    return FeedScope(
        section.title,
        absolute_page_url(request, section),
        section.intro,
        published_articles().child_of(section),
    )


@register_feed_scope("topic")
def topic_scope(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    home = _home(request)
    link = request.build_absolute_uri(
        home.get_url(request) + home.reverse_subpage("topic", args=[topic.slug])
    )
    title = _("Topic: %(name)s") % {"name": topic.name}
    return FeedScope(title, link, title, published_articles().filter(topics=topic))


@register_sitemap("topics")
class TopicArchiveSitemap(RoutedViewSitemap):
    """The home page's topic archives that have at least one live, public article."""

    @cached_property
    def home(self):
        if self.site is None:
            return None
        home = self.site.root_page.specific
        return home if isinstance(home, HomePage) and home.live else None

    def items(self):
        if self.home is None:
            return []
        articles = ArticlePage.objects.live().public()
        latest = articles.filter(topics=OuterRef("pk")).order_by("-last_published_at")
        topics = (
            Topic.objects.filter(pk__in=articles.values("topics"))
            .annotate(
                english=Exists(latest.filter(english_ready=True)),
                lastmod=Subquery(latest.values("last_published_at")[:1]),
            )
            .order_by("slug")
        )
        return [
            {"slug": topic.slug, "english": topic.english, "lastmod": topic.lastmod}
            for topic in topics
        ]

    def get_latest_lastmod(self):
        if self.home is None:
            return None
        articles = ArticlePage.objects.live().public().filter(topics__isnull=False)
        return articles.aggregate(newest=Max("last_published_at"))["newest"]

    def location(self, item):
        _site_id, _root_url, home_path = self.home.get_url_parts()
        return home_path + self.home.reverse_subpage("topic", args=[item["slug"]])


HomePage.api_fields = [APIField("intro")]
SectionPage.api_fields = [APIField("intro")]
ArticlePage.api_fields = [
    APIField("standfirst"),
    APIField("published_at"),
    APIField("author"),
    APIField("translator"),
    APIField("lead_image"),
    APIField("lead_image_caption"),
    APIField(
        "lead_image_rendition",
        serializer=ImageRenditionField("fill-1200x630", source="lead_image"),
    ),
    APIField(
        "topics",
        serializer=serializers.SlugRelatedField(many=True, read_only=True, slug_field="name"),
    ),
    APIField("body"),
]
# (select_related, prefetch_related) for the fields above, so listings read them in bulk.
ArticlePage.api_related = (("lead_image",), ("topics", "lead_image__renditions"))
