"""The zone feed: RSS and Atom of the articles that mention a zone (`ArticlePage.zones`).

Served at `/<lang>/feeds/zone/<slug>/rss.xml` and `atom.xml`, where `slug` is the zone's slug
in that language; zone pages link it with `<link rel="alternate">` (`feed_links`).
"""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _

from discovery.feeds import (
    FeedScope,
    absolute_page_url,
    live_pages_in_language,
    register_feed_scope,
)
from portal.languages import ENGLISH
from zones.models import IndustrialZonePage


@register_feed_scope("zone")
def zone_scope(request, slug):
    from news.models import published_articles

    if translation.get_language() == ENGLISH:
        slug_match = Q(slug_en=slug) | ((Q(slug_en__isnull=True) | Q(slug_en="")) & Q(slug_vi=slug))
    else:
        slug_match = Q(slug_vi=slug)
    zone = get_object_or_404(live_pages_in_language(IndustrialZonePage).filter(slug_match))
    title = _("News of %(zone)s") % {"zone": zone.title}
    return FeedScope(
        title,
        absolute_page_url(request, zone),
        zone.intro or title,
        published_articles().filter(zones=zone),
    )
