"""The sitemap: an index at /sitemap.xml of sections, each served in files of a bounded size.

The `pages` section lists every live, public page in each language it is published in. Each
entry carries `xhtml:link rel="alternate" hreflang` links to its other language and the date it
was last published. English entries exist only for pages that are `english_ready`. Pages of
every type are included, so new page types need nothing here; a page type can leave the
sitemap by setting `exclude_from_sitemap = True`. The other sections (routed views that are not
pages) join with `register_sitemap`.

Django's `Sitemap` with `i18n = True` pairs every item with its languages before it paginates,
so serving any file of a section loaded the whole section. `SectionSitemap` cuts the file out
of the items in SQL and expands only that file's items into languages.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.functional import cached_property

from wagtail.models import Page, Site, get_page_models

from portal.languages import ENGLISH, LANGUAGE_CODES, VIETNAMESE
from portal.pages import PortalPageQuerySet

# Sitemap sections besides the pages', by name, each built with the request's Wagtail Site.
EXTRA_SITEMAPS = {}


def register_sitemap(name):
    """Class decorator: add a section (a SectionSitemap taking `site`) for views that are not
    pages; it is served at /sitemap-<name>.xml and listed in the index."""

    def decorator(sitemap_class):
        EXTRA_SITEMAPS[name] = sitemap_class
        return sitemap_class

    return decorator


def site_sitemaps(site):
    """Every section of `site`'s sitemap, by name: the pages first, then the registered ones."""
    sections = {"pages": PageSitemap(site)}
    sections.update((name, sitemap_class(site)) for name, sitemap_class in EXTRA_SITEMAPS.items())
    return sections


class SectionPaginator(Paginator):
    """Counts and slices a section's items (in SQL for a queryset), then expands only the
    items of the requested file into the (item, language) entries Django's Sitemap renders."""

    def __init__(self, items, per_page, sitemap):
        super().__init__(items, per_page)
        self.sitemap = sitemap

    def _get_page(self, items, number, paginator):
        entries = [
            (item, language)
            for item in self.sitemap.load(items)
            for language in self.sitemap.get_languages_for_item(item)
        ]
        return super()._get_page(entries, number, paginator)


class SectionSitemap(Sitemap):
    """A sitemap section split into files of at most `SITEMAP_PAGE_SIZE` items.

    `items()` returns an ordered queryset (or, for a section that is small by nature, a list);
    `load()` turns one file's slice of it into what `location()` and `lastmod()` read.
    """

    i18n = True
    alternates = True
    x_default = False

    def __init__(self, site=None):
        self.site = site

    @property
    def limit(self):
        return settings.SITEMAP_PAGE_SIZE

    @cached_property
    def paginator(self):
        return SectionPaginator(self.items(), self.limit, self)

    def load(self, items):
        return list(items)

    def get_latest_lastmod(self):
        """The section's newest lastmod, for the index. Django's default reads every item; a
        section that has dates answers with one aggregate query instead."""
        return None


def excluded_page_models():
    """The page types that set `exclude_from_sitemap = True` (their subtypes inherit it)."""
    return [model for model in get_page_models() if getattr(model, "exclude_from_sitemap", False)]


class PageSitemap(SectionSitemap):
    """Every live, public page of the site, in tree order."""

    def __init__(self, site=None):
        super().__init__(site)
        self._paths = {}

    def pages(self):
        site = self.site or Site.objects.filter(is_default_site=True).first()
        if site is None:
            return PortalPageQuerySet(Page).none()
        pages = (
            PortalPageQuerySet(Page).live().public().descendant_of(site.root_page, inclusive=True)
        )
        excluded = excluded_page_models()
        return pages.not_type(*excluded) if excluded else pages

    def items(self):
        # One query per page type in the file loads the specific pages (english_ready lives
        # on each type's table); their bodies are not needed.
        return self.pages().order_by("path").defer_streamfields().specific()

    def get_languages_for_item(self, page):
        if hasattr(page, "is_available_in"):
            return [code for code in LANGUAGE_CODES if page.is_available_in(code)]
        return list(LANGUAGE_CODES)

    def location(self, page):
        """A page's address in the active language, worked out once: each entry repeats it
        (its own and the hreflang alternates of every language)."""
        key = (page.pk, translation.get_language())
        if key not in self._paths:
            _site_id, _root_url, self._paths[key] = page.get_url_parts()
        return self._paths[key]

    def lastmod(self, page):
        return page.last_published_at or page.first_published_at

    def get_latest_lastmod(self):
        newest = Max(Coalesce("last_published_at", "first_published_at"))
        return self.pages().aggregate(newest=newest)["newest"]


class RoutedViewSitemap(SectionSitemap):
    """Base for archive views of a routable page: items carry their own languages and path."""

    def get_languages_for_item(self, item):
        return [VIETNAMESE, ENGLISH] if item["english"] else [VIETNAMESE]

    def lastmod(self, item):
        return item["lastmod"]
