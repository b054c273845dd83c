"""robots.txt and the sitemap (an index and its sections), served at the site root."""

import re

from django.contrib.sitemaps.views import index as django_sitemap_index
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail.models import Site

from discovery.sitemaps import site_sitemaps
from portal.languages import LANGUAGE_CODES

# Paths no crawler should follow: the editors' admin and the search results of each language.
DISALLOWED_PATHS = ["/admin/", *(f"/{code}/search/" for code in LANGUAGE_CODES)]
# The file numbers the index links to (?p=2, ...); anything else is not a sitemap file.
FILE_NUMBER = re.compile(r"[1-9][0-9]*")


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED_PATHS)]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=900, public=True)
def sitemap_index(request):
    """/sitemap.xml: every file of every section that has entries, with the section's lastmod."""
    sections = site_sitemaps(Site.find_for_request(request))
    listed = {name: section for name, section in sections.items() if section.paginator.count}
    return django_sitemap_index(request, sitemaps=listed, sitemap_url_name="sitemap_section")


@require_GET
@cache_control(max_age=900, public=True)
def sitemap_section(request, section):
    """/sitemap-<section>.xml?p=N: one file of one section."""
    if "p" in request.GET and not FILE_NUMBER.fullmatch(request.GET["p"]):
        raise Http404("No such sitemap file")
    sections = site_sitemaps(Site.find_for_request(request))
    return django_sitemap(request, sitemaps=sections, section=section)
