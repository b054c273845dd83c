"""A news section and its archives by year, month and topic."""

from datetime import datetime

from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path

from news.models.article import article_cards
from news.models.listings import paginate
from news.models.snippets import Topic
from portal.cache import shared_per_content_version
from portal.pages import BilingualPage, RoutableBilingualPage


class SectionPage(RoutableBilingualPage):
    """A news section with archives by year, month and topic."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BilingualPage.content_panels, FieldPanel("intro")]

    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.ArticlePage"]
    is_creatable = True

    class Meta:
        verbose_name = _("news section")

    def articles(self):
        # Articles have no children, so a section's descendants are its children; asking
        # for children adds `depth = n`, which makes SQLite scan every page and sort the
        # section rather than walk the newest articles (14 ms instead of 1 at 10,000).
        return article_cards().descendant_of(self)

    def archive_context(self, request, articles, **filters):
        """The listing and the archive navigation beside it.

        The navigation and the listing's length are aggregates over every article of the
        section, so they are computed once per content version (portal.cache).
        """
        language = translation.get_language()

        def remembered(name, build):
            return shared_per_content_version(f"news:section:{self.pk}:{language}:{name}", build)

        if "year" in filters:
            year = filters["year"]
            filters["archive_months"] = remembered(f"months:{year}", lambda: self.months_of(year))
        listing = ":".join(
            str(getattr(value, "pk", value))
            for value in (filters.get("year"), filters.get("month"), filters.get("topic"))
        )
        return {
            "articles": paginate(
                request, articles, count=remembered(f"count:{listing}", articles.count)
            ),
            "archive_years": remembered("years", self.archive_years),
            "section_topics": remembered("topics", self.topics_used),
            **filters,
        }

    def archive_years(self):
        return [stamp.year for stamp in self.articles().dates("published_at", "year", order="DESC")]

    def months_of(self, year):
        articles = self.articles().filter(published_at__year=year)
        return [stamp.month for stamp in articles.dates("published_at", "month")]

    def topics_used(self):
        return list(Topic.objects.filter(pk__in=self.articles().values("topics")).order_by("slug"))

    @path("")
    def index_route(self, request):
        return self.render(
            request, context_overrides=self.archive_context(request, self.articles())
        )

    @path("<int:year>/", name="year")
    def year_archive(self, request, year):
        if not 1900 < year < 2200:
            raise Http404
        articles = self.articles().filter(published_at__year=year)
        return self.render(
            request, context_overrides=self.archive_context(request, articles, year=year)
        )

    @path("<int:year>/<int:month>/", name="month")
    def month_archive(self, request, year, month):
        if not (1900 < year < 2200 and 1 <= month <= 12):
            raise Http404
        articles = self.articles().filter(published_at__year=year, published_at__month=month)
        return self.render(
            request,
            context_overrides=self.archive_context(
                request,
                articles,
                year=year,
                month=month,
                month_start=datetime(year, month, 1),
            ),
        )

    @path("topic/<slug:topic_slug>/", name="topic")
    def topic_archive(self, request, topic_slug):
        topic = get_object_or_404(Topic, slug=topic_slug)
        articles = self.articles().filter(topics=topic)
        return self.render(
            request, context_overrides=self.archive_context(request, articles, topic=topic)
        )
