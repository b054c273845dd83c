"""The news article, and the queries every listing of articles starts from."""

from django.db import models
from django.db.models import Count, Exists, OuterRef, prefetch_related_objects
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from news.models.snippets import EventThread, Topic
from portal.blocks import StoryBodyBlock
from portal.cache import per_content_version
from portal.languages import ENGLISH
from portal.pages import BilingualPage

# Above this many articles sharing a topic, related articles are found by walking the
# newest articles until enough share one; below it, by sorting the few that do.
RELATED_WALK_THRESHOLD = 300

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
