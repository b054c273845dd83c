"""The news section: home page, sections with their archives, articles, topics and threads."""

from datetime import datetime

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Count, Exists, OuterRef, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from modelcluster.fields import ParentalManyToManyField

from portal.blocks import StoryBodyBlock
from portal.cache import per_content_version, shared_per_content_version
from portal.languages import ENGLISH
from portal.pages import BilingualPage, RoutableBilingualPage
from portal.text import fold_vietnamese, normalize_nfc, vietnamese_slugify

ARTICLES_PER_PAGE = 12
# Above this many articles sharing a topic, related articles are found by walking the
# newest articles until enough share one; below it, by sorting the few that do.
RELATED_WALK_THRESHOLD = 300


@register_snippet
class Topic(index.Indexed, models.Model):
    """A subject that runs across sections (emulation, trade unions, environment...)."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    # The snippet listing's search: names as written and folded ("thi dua" finds "Thi đua").
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("folded_name"),
        index.AutocompleteField("folded_name"),
    ]

    class Meta:
        ordering = ["slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_vi = normalize_nfc(self.name_vi)
        if not self.slug:
            self.slug = vietnamese_slugify(self.name_vi or self.name)
        super().save(*args, **kwargs)

    def folded_name(self):
        return fold_vietnamese(" ".join(filter(None, [self.name_vi or self.name, self.name_en])))


@register_snippet
class EventThread(index.Indexed, models.Model):
    """A running story that groups related articles, like the old site's "Dòng sự kiện"."""

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True)
    intro = models.TextField(_("introduction"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("slug"), FieldPanel("intro")]

    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("folded_title"),
        index.AutocompleteField("folded_title"),
    ]

    class Meta:
        ordering = ["slug"]
        verbose_name = _("event thread")
        verbose_name_plural = _("event threads")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title_vi = normalize_nfc(self.title_vi)
        if not self.slug:
            self.slug = vietnamese_slugify(self.title_vi or self.title)
        super().save(*args, **kwargs)

    def folded_title(self):
        return fold_vietnamese(" ".join(filter(None, [self.title_vi or self.title, self.title_en])))


# What includes/article_card.html shows: listings load only these columns.
ARTICLE_CARD_FIELDS = (
    "title",
    "url_path",
    "path",
    "depth",
    "english_ready",
    "published_at",
    "standfirst",
    "lead_image",
)


def published_articles(language=None):
    """Live articles a reader of `language` may list, newest first, ready to render."""
    articles = (
        ArticlePage.objects.live()
        .public()
        .select_related("lead_image")
        .prefetch_related("lead_image__renditions")
        .order_by("-published_at", "-pk")
    )
    if (language or translation.get_language()) == ENGLISH:
        articles = articles.filter(english_ready=True)
    return articles


def topic_sizes():
    """How many articles carry each topic, counted once per process and content version."""
    return per_content_version(
        "news:topic-sizes",
        lambda: dict(
            ArticlePage.topics.through.objects.values_list("topic_id").annotate(Count("pk"))
        ),
    )


def article_cards(language=None):
    """Published articles with just what an article card shows."""
    return published_articles(language).only(*ARTICLE_CARD_FIELDS)


def paginate(request, queryset, per_page=ARTICLES_PER_PAGE, count=None):
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count
    try:
        return paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        raise Http404 from None


def listing_count(kind, owner, articles):
    """How many articles a site-wide archive lists, counted once per content version."""
    key = f"news:{kind}:{owner.pk}:{translation.get_language()}:count"
    return shared_per_content_version(key, articles.count)


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


class ArticlePage(BilingualPage):
    """A news article; imported articles keep their original publication date."""

    english_fields = ("title", "body")
    open_to_translators = True

    standfirst = models.TextField(_("standfirst"), blank=True)
    lead_image = models.ForeignKey(
        "images.PortalImage",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_caption = models.CharField(_("lead image caption"), max_length=400, blank=True)
    body = StreamField(StoryBodyBlock(), verbose_name=_("body"), blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    translator = models.CharField(_("translator"), max_length=200, blank=True)
    published_at = models.DateTimeField(_("publication date and time"), default=timezone.now)
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True)
    event_thread = models.ForeignKey(
        EventThread,
        verbose_name=_("event thread"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    zones = ParentalManyToManyField(
        "zones.IndustrialZonePage",
        verbose_name=_("industrial zones mentioned"),
        blank=True,
        related_name="articles",
    )

    content_panels = [
        *BilingualPage.content_panels,
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption")],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("published_at"),
                FieldPanel("author"),
                FieldPanel("translator"),
                FieldPanel("topics"),
                FieldPanel("event_thread"),
                FieldPanel("zones"),
            ],
            heading=_("Publication"),
        ),
    ]

    search_fields = [
        *BilingualPage.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("published_at"),
    ]

    parent_page_types = ["news.SectionPage"]
    subpage_types = []
    is_creatable = True

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [models.Index(fields=["published_at"])]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        related = self.related_articles()
        # The lead picture's renditions and the related cards' in one query.
        prefetch_related_objects([self, *related], "lead_image__renditions")
        context["related_articles"] = related
        if self.event_thread_id:
            home = self.section.get_parent().specific
            context["thread_url"] = home.url + home.reverse_subpage(
                "thread", args=[self.event_thread.slug]
            )
        return context

    @classmethod
    def serving_queryset(cls):
        # The template, the head metadata and related_articles all read these.
        return (
            super()
            .serving_queryset()
            .select_related("lead_image", "event_thread")
            .prefetch_related("topics")
        )

    @cached_property
    def section(self):
        return self.get_parent().specific

    def siblings_in_order(self):
        """Published neighbours in the section, for links that show only a title."""
        siblings = (
            ArticlePage.objects.live()
            .public()
            .sibling_of(self, inclusive=False)
            .only("title", "url_path", "path", "depth", "published_at")
        )
        if translation.get_language() == ENGLISH:
            siblings = siblings.filter(english_ready=True)
        return siblings

    def previous_article(self):
        return (
            self.siblings_in_order()
            .filter(published_at__lt=self.published_at)
            .order_by("-published_at", "-pk")
            .first()
        )

    def next_article(self):
        return (
            self.siblings_in_order()
            .filter(published_at__gt=self.published_at)
            .order_by("published_at", "pk")
            .first()
        )

    def related_articles(self, limit=3):
        """Cards for up to `limit` articles on the same thread, topics or section; their
        pictures' renditions are left for the caller to prefetch."""
        related = article_cards().prefetch_related(None).exclude(pk=self.pk)
        topic_ids = [topic.pk for topic in self.topics.all()]
        if self.event_thread_id:
            related = related.filter(event_thread_id=self.event_thread_id)
        elif topic_ids:
            # Never a join: joining the topics needs DISTINCT, which sorts every article
            # sharing a topic before LIMIT applies (15 ms at 10,000 articles). Sorting the
            # sharers costs as many rows as they are; walking the newest articles until
            # three share a topic costs about all ÷ sharers rows. At 10,000 articles on
            # SQLite each way takes 7 ms in its bad case and 2.5 ms in its good one.
            sharing = ArticlePage.topics.through.objects.filter(topic_id__in=topic_ids)
            sharers = sum(topic_sizes().get(topic_id, 0) for topic_id in topic_ids)
            if sharers > RELATED_WALK_THRESHOLD:
                related = related.filter(Exists(sharing.filter(articlepage_id=OuterRef("pk"))))
            else:
                related = related.filter(pk__in=sharing.values("articlepage_id"))
        else:
            related = related.sibling_of(self, inclusive=False)
        return list(related[:limit])
