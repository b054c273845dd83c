"""What articles are filed under besides their section: topics and event threads."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from portal.text import fold_vietnamese, normalize_nfc, vietnamese_slugify


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
