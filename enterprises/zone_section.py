"""The enterprises of a zone on its zone page: the first ones by name, each linked to its
page in the directory, and a link to the directory filtered to the zone for the rest."""

from zones.models import live_pages
from zones.zone_sections import register_zone_section

from .models import Enterprise, EnterpriseDirectoryPage

SHOWN_ON_ZONE_PAGE = 20


@register_zone_section("enterprises/includes/zone_enterprises.html")
def zone_enterprises(zone):
    enterprises = Enterprise.objects.filter(zone=zone).order_by("name_folded", "pk")
    shown = list(enterprises[:SHOWN_ON_ZONE_PAGE])
    directory = live_pages(EnterpriseDirectoryPage.objects.all()).first() if shown else None
    return {"count": enterprises.count(), "enterprises": shown, "directory": directory}
