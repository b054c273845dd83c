"""The front page, and the site-wide archives of a topic or an event thread."""

from django.db import models
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path

from news.models.article import article_cards
from news.models.listings import listing_count, paginate
from news.models.section import SectionPage
from news.models.snippets import EventThread, Topic
from portal.languages import ENGLISH
from portal.pages import BilingualPage, RoutableBilingualPage


class HomePage(RoutableBilingualPage):
    """The front page: the lead story, the latest news of each section, and ways in."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BilingualPage.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    is_creatable = True

    class Meta:
        verbose_name = _("home page")

    @path("")
    def index_route(self, request):
        return self.render(request, context_overrides=self.front_page_context())

    def front_page_context(self):
        """The lead story and each section's latest news (the archives show neither)."""
        language = translation.get_language()
        # One query for the renditions of every card on the page, once the cards are read.
        articles = article_cards(language).prefetch_related(None)
        lead_article = articles.first()
        if lead_article is not None:
            articles = articles.exclude(pk=lead_article.pk)
        section_news = self.latest_by_section(articles, language)
        cards = [article for _section, latest in section_news for article in latest]
        prefetch_related_objects(
            [article for article in [lead_article, *cards] if article is not None],
            "lead_image__renditions",
        )
        return {"lead_article": lead_article, "section_news": section_news}

    def latest_by_section(self, articles, language, per_section=4):
        sections = list(SectionPage.objects.live().public().child_of(self).order_by("path"))
        if language == ENGLISH:
            sections = [section for section in sections if section.english_ready]
        return [
            (section, list(articles.descendant_of(section)[:per_section])) for section in sections
        ]

    @path("topic/<slug:topic_slug>/", name="topic")
    def topic_archive(self, request, topic_slug):
        topic = get_object_or_404(Topic, slug=topic_slug)
        articles = article_cards().filter(topics=topic)
        return self.render(
            request,
            template="news/topic_archive.html",
            context_overrides={
                "topic": topic,
                "articles": paginate(
                    request, articles, count=listing_count("topic", topic, articles)
                ),
            },
        )

    @path("thread/<slug:thread_slug>/", name="thread")
    def thread_archive(self, request, thread_slug):
        thread = get_object_or_404(EventThread, slug=thread_slug)
        articles = article_cards().filter(event_thread=thread)
        return self.render(
            request,
            template="news/thread_archive.html",
            context_overrides={
                "thread": thread,
                "articles": paginate(
                    request, articles, count=listing_count("thread", thread, articles)
                ),
            },
        )
