"""robots.txt and sitemap.xml, served at the site root."""

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail.models import Site

from discovery.sitemaps import EXTRA_SITEMAPS, PageSitemap
from portal.languages import LANGUAGE_CODES

# Paths no crawler should follow: the editors' admin and the search results of each language.
DISALLOWED_PATHS = ["/admin/", *(f"/{code}/search/" for code in LANGUAGE_CODES)]


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED_PATHS)]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=900, public=True)
def sitemap(request):
    site = Site.find_for_request(request)
    sitemaps = {"pages": PageSitemap(site)}
    sitemaps.update((name, sitemap_class(site)) for name, sitemap_class in EXTRA_SITEMAPS.items())
    return django_sitemap(request, sitemaps=sitemaps)
