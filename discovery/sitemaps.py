"""sitemap.xml: every live, public page in each language it is published in.

Each entry carries `xhtml:link rel="alternate" hreflang` links to its other language and
the date it was last published. English entries exist only for pages that are
`english_ready`. Pages of every type are included, so new page types need nothing here;
a page type can leave the sitemap by setting `exclude_from_sitemap = True`.
"""

from django.contrib.sitemaps import Sitemap

from wagtail.models import Page, Site

from portal.languages import ENGLISH, LANGUAGE_CODES, VIETNAMESE

# Sitemap classes besides the pages', each built with the request's Wagtail Site.
EXTRA_SITEMAPS = {}


def register_sitemap(name):
    """Class decorator: add a Sitemap (taking `site`) for views that are not pages."""

    def decorator(sitemap_class):
        EXTRA_SITEMAPS[name] = sitemap_class
        return sitemap_class

    return decorator


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = False

    def __init__(self, site=None):
        self.site = site

    def items(self):
        site = self.site or Site.objects.filter(is_default_site=True).first()
        if site is None:
            return []
        pages = (
            Page.objects.live()
            .public()
            .descendant_of(site.root_page, inclusive=True)
            .specific()
            .order_by("path")
        )
        return [page for page in pages if not getattr(page, "exclude_from_sitemap", False)]

    def get_languages_for_item(self, page):
        if hasattr(page, "is_available_in"):
            return [code for code in LANGUAGE_CODES if page.is_available_in(code)]
        return list(LANGUAGE_CODES)

    def location(self, page):
        _site_id, _root_url, page_path = page.get_url_parts()
        return page_path

    def lastmod(self, page):
        return page.last_published_at or page.first_published_at


class RoutedViewSitemap(Sitemap):
    """Base for archive views of a routable page: items carry their own languages and path."""

    i18n = True
    alternates = True
    x_default = False

    def __init__(self, site=None):
        self.site = site

    def get_languages_for_item(self, item):
        return [VIETNAMESE, ENGLISH] if item["english"] else [VIETNAMESE]

    def lastmod(self, item):
        return item["lastmod"]
