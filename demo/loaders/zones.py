"""Demo zones and clusters: names and clusters from facts/zones.json, the rest ours.

Names, cluster membership, leaders and the founding decision come from the facts file.
Areas, dates, coordinates and utilities are figures assigned for the demo in
content/zones.json: areas so that the sixteen zones planned by July 2018 add up to the
province's published totals (6,397.68 ha planned, 3,681.94 ha built and 2,609.4 ha for lease
over the ten operating zones; seven of them with a clean water plant, nine with central
wastewater treatment, eight with an automatic monitoring station); coordinates inside the
drawn outline near each zone's district.
"""

from datetime import date
from decimal import Decimal

from demo.data import read_content, read_facts
from demo.drawings import site_plan_picture
from demo.pages import home_page, upsert_child_page
from documents.models import LegalDocument
from news.models import ArticlePage
from portal.text import vietnamese_slugify
from zones.models import (
    EmulationClusterPage,
    IndustrialZonePage,
    LeaseKind,
    ZoneLeaseOffer,
    ZonePhoto,
    ZonesIndexPage,
    ZoneStatus,
)

# The decision that set up the clusters; the documents loader registers it before this runs.
FOUNDING_DECISION = "47/QĐ-BQL"

STATUS_SENTENCES = {
    ZoneStatus.OPERATING: ("đang hoạt động", "is operating"),
    ZoneStatus.UNDER_CONSTRUCTION: ("đang xây dựng hạ tầng", "is building its infrastructure"),
    ZoneStatus.PLANNED: ("đã có trong quy hoạch", "is planned"),
}

LEASE_CONTACT = (
    "Phòng Xúc tiến đầu tư, Ban Quản lý các KCN Bắc Ninh – (0222) 000 0000 (số minh họa)"
)


def _decimal(value):
    return None if value is None else Decimal(value)


def _introduction(zone, figures, cluster):
    """Where the zone is, its state, its cluster, then the note content/zones.json adds."""
    state_vi, state_en = STATUS_SENTENCES[figures["status"]]
    intro_vi = f"{zone['name_vi']} ở {figures['district_vi']} {state_vi}"
    intro_en = f"{zone['name_en']}, in {figures['district_en']}, {state_en}"
    if cluster:
        intro_vi += f"; chủ đầu tư hạ tầng là thành viên {cluster['name_vi']}."
        intro_en += f"; its infrastructure investor belongs to {cluster['name_en']}."
    else:
        intro_vi += "."
        intro_en += "."
    if figures.get("note_vi"):
        intro_vi += f" {figures['note_vi']}"
        intro_en += f" {figures['note_en']}"
    return intro_vi, intro_en


def _zone_fields(zone, figures, cluster):
    intro_vi, intro_en = _introduction(zone, figures, cluster)
    established = figures["established_on"]
    wastewater = figures["wastewater_capacity_m3_day"]
    return {
        "title_vi": zone["name_vi"],
        "title_en": zone["name_en"],
        "slug_en": vietnamese_slugify(zone["name_en"]),
        "intro_vi": intro_vi,
        "intro_en": intro_en,
        "status": figures["status"],
        "district_vi": figures["district_vi"],
        "district_en": figures["district_en"],
        "planned_area_ha": _decimal(figures["planned_area_ha"]),
        "built_area_ha": _decimal(figures["built_area_ha"]),
        "leasable_area_ha": _decimal(figures["leasable_area_ha"]),
        "occupancy_rate": _decimal(figures["occupancy_rate"]),
        "established_on": established and date.fromisoformat(established),
        "latitude": Decimal(figures["latitude"]),
        "longitude": Decimal(figures["longitude"]),
        "has_clean_water_plant": figures["has_clean_water_plant"],
        "has_wastewater_plant": wastewater is not None,
        "wastewater_capacity_m3_day": wastewater,
        "has_monitoring_station": figures["has_monitoring_station"],
        "infrastructure_investor_vi": figures.get("infrastructure_investor_vi", ""),
        "infrastructure_investor_en": figures.get("infrastructure_investor_en", ""),
        "show_in_menus": False,
    }


def _lease_offers(page):
    """Two offers for each operating zone with land left; written once, editors own them."""
    if page.status != ZoneStatus.OPERATING or page.lease_offers.exists():
        return
    if not page.occupancy_rate or page.occupancy_rate >= 100:
        return
    free_m2 = int((page.leasable_area_ha or 0) * (100 - page.occupancy_rate) / 100 * 10_000)
    ZoneLeaseOffer.objects.bulk_create(
        [
            ZoneLeaseOffer(
                page=page,
                sort_order=0,
                kind=LeaseKind.LAND,
                area_m2=min(free_m2, 150_000),
                price_from_usd=Decimal("95"),
                price_to_usd=Decimal("130"),
                price_basis_vi="mỗi m² cho thời hạn còn lại (giá minh họa)",
                price_basis_en="per m² for the remaining term (illustrative price)",
                contact=LEASE_CONTACT,
            ),
            ZoneLeaseOffer(
                page=page,
                sort_order=1,
                kind=LeaseKind.FACTORY,
                area_m2=5_000,
                price_from_usd=Decimal("4.5"),
                price_to_usd=Decimal("5.5"),
                price_basis_vi="mỗi m² mỗi tháng (giá minh họa)",
                price_basis_en="per m² per month (illustrative price)",
                contact=LEASE_CONTACT,
            ),
        ]
    )


def _photo(page, zone):
    if page.photos.exists():
        return
    ZonePhoto.objects.create(
        page=page,
        image=site_plan_picture(zone),
        caption_vi=f"{zone['name_vi']}: sơ đồ minh họa",
        caption_en=f"{zone['name_en']}: illustrative plan",
    )


def zones_index(home, fields):
    index, _changed = upsert_child_page(home, ZonesIndexPage, show_in_menus=True, **fields)
    return index


def _link_articles(zone_pages, articles):
    """Give demo articles the zones their "zones" list in content/articles.json names."""
    linked = 0
    for article in articles:
        slugs = article.get("zones") or []
        wanted = {zone_pages[slug].pk for slug in slugs if slug in zone_pages}
        page = ArticlePage.objects.filter(slug_vi=vietnamese_slugify(article["title_vi"])).first()
        if page is None or {zone.pk for zone in page.zones.all()} == wanted:
            continue
        page.zones.set(wanted)
        page.save_revision().publish()
        linked += 1
    return linked


def _cluster_fields(cluster, decision):
    members = len(cluster["zones"])
    return {
        "title_vi": cluster["name_vi"],
        "title_en": cluster["name_en"],
        "slug_en": vietnamese_slugify(cluster["name_en"]),
        "number": cluster["number"],
        "leader_vi": cluster["leader_vi"],
        "leader_en": cluster["leader_en"],
        "intro_vi": (
            f"{cluster['name_vi']} gồm chủ đầu tư hạ tầng của {members} khu công nghiệp, "
            f"do {cluster['leader_vi']} làm cụm trưởng."
        ),
        "intro_en": (
            f"{cluster['name_en']} brings together the infrastructure investors of {members} "
            f"industrial zones, led by {cluster['leader_en']}."
        ),
        "decision": decision,
    }


def load(command, **options):
    facts = read_facts("zones.json")
    content = read_content("zones.json")
    index = zones_index(home_page(), content["index"])
    cluster_of = {slug: cluster for cluster in facts["clusters"] for slug in cluster["zones"]}
    zone_pages = {}
    for zone in facts["zones"]:
        page, _changed = upsert_child_page(
            index,
            IndustrialZonePage,
            slug_vi=zone["slug"],
            **_zone_fields(zone, content["zones"][zone["slug"]], cluster_of.get(zone["slug"])),
        )
        _lease_offers(page)
        _photo(page, zone)
        zone_pages[zone["slug"]] = page
    decision = LegalDocument.objects.matching_number(FOUNDING_DECISION).first()
    for cluster in facts["clusters"]:
        upsert_child_page(
            index,
            EmulationClusterPage,
            slug_vi=vietnamese_slugify(cluster["name_vi"]),
            many_to_many={"member_zones": [zone_pages[slug] for slug in cluster["zones"]]},
            **_cluster_fields(cluster, decision),
        )
    linked = _link_articles(zone_pages, read_content("articles.json")["articles"])
    command.stdout.write(
        f"Zones: {len(zone_pages)} zones, {len(facts['clusters'])} clusters, "
        f"{linked} articles linked to zones."
    )
