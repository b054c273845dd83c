"""Demo zones and clusters from ../shared/facts/zones.json.

Names, cluster membership, leaders and the founding decision come from the facts file.
Areas, dates, coordinates and utilities are figures assigned here for the demo: areas so
that the sixteen zones planned by July 2018 add up to the province's published totals
(6,397.68 ha planned, 3,681.94 ha built and 2,609.4 ha for lease over the ten operating
zones; seven of them with a clean water plant, nine with central wastewater treatment,
eight with an automatic monitoring station); coordinates inside the drawn outline near
each zone's district.
"""

import io
import json
import random
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.files.images import ImageFile

from PIL import Image, ImageDraw

from documents.models import LegalDocument
from images.models import PortalImage
from news.demo import home_page
from news.models import ArticlePage
from portal.demo_facts import read_facts
from portal.demo_pages import upsert_child_page
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

ARTICLES_FILE = Path(settings.BASE_DIR) / "news" / "demo" / "articles.json"
# The decision that set up the clusters; documents.demo registers it before this loader runs.
FOUNDING_DECISION = "47/QĐ-BQL"

OPERATING, BUILDING, PLANNED = (
    ZoneStatus.OPERATING,
    ZoneStatus.UNDER_CONSTRUCTION,
    ZoneStatus.PLANNED,
)

# slug: (district vi, district en, status, planned, built, for lease, occupancy %,
#        established, latitude, longitude, water, wastewater m3/day or None, monitoring)
ZONE_FIGURES = {
    "tien-son": (
        "Tiên Du, Từ Sơn",
        "Tien Du and Tu Son",
        OPERATING,
        "413.00",
        "405.43",
        "287.33",
        "100.00",
        date(1998, 12, 15),
        "21.1150",
        "106.0020",
        True,
        8000,
        True,
    ),
    "dai-dong-hoan-son": (
        "Tiên Du",
        "Tien Du",
        OPERATING,
        "466.00",
        "337.08",
        "238.89",
        "92.40",
        date(2003, 3, 28),
        "21.0960",
        "106.0480",
        True,
        6000,
        True,
    ),
    "vsip-bac-ninh": (
        "Từ Sơn, Tiên Du",
        "Tu Son and Tien Du",
        OPERATING,
        "700.00",
        "542.50",
        "384.47",
        "88.10",
        date(2007, 12, 21),
        "21.0850",
        "105.9880",
        True,
        12000,
        True,
    ),
    "hanaka": (
        "Từ Sơn",
        "Tu Son",
        OPERATING,
        "50.00",
        "46.50",
        "32.95",
        "100.00",
        date(2005, 10, 10),
        "21.1230",
        "105.9660",
        True,
        1500,
        True,
    ),
    "yen-phong": (
        "Yên Phong",
        "Yen Phong",
        OPERATING,
        "657.00",
        "644.96",
        "457.08",
        "100.00",
        date(2005, 1, 21),
        "21.2000",
        "105.9860",
        True,
        22000,
        True,
    ),
    "yen-phong-ii": (
        "Yên Phong",
        "Yen Phong",
        OPERATING,
        "1200.00",
        "682.00",
        "483.35",
        "76.50",
        date(2008, 4, 15),
        "21.2160",
        "106.0140",
        True,
        10000,
        True,
    ),
    "gia-binh": (
        "Gia Bình",
        "Gia Binh",
        OPERATING,
        "250.00",
        "129.17",
        "91.54",
        "58.30",
        date(2008, 8, 12),
        "21.0720",
        "106.2250",
        False,
        None,
        False,
    ),
    "gia-binh-ii": (
        "Gia Bình",
        "Gia Binh",
        PLANNED,
        "275.00",
        None,
        None,
        None,
        None,
        "21.0560",
        "106.2580",
        False,
        None,
        False,
    ),
    "thuan-thanh-i": (
        "Thuận Thành",
        "Thuan Thanh",
        PLANNED,
        "250.00",
        None,
        None,
        None,
        None,
        "21.0420",
        "106.0820",
        False,
        None,
        False,
    ),
    "thuan-thanh-ii": (
        "Thuận Thành",
        "Thuan Thanh",
        OPERATING,
        "250.00",
        "155.00",
        "109.85",
        "61.20",
        date(2008, 6, 3),
        "21.0310",
        "106.1220",
        False,
        3000,
        True,
    ),
    "thuan-thanh-iii-module-1": (
        "Thuận Thành",
        "Thuan Thanh",
        BUILDING,
        "300.00",
        None,
        None,
        None,
        date(2016, 9, 19),
        "21.0160",
        "106.0620",
        False,
        None,
        False,
    ),
    "thuan-thanh-iii-b": (
        "Thuận Thành",
        "Thuan Thanh",
        PLANNED,
        "300.00",
        None,
        None,
        None,
        None,
        "21.0030",
        "106.0950",
        False,
        None,
        False,
    ),
    "que-vo": (
        "Quế Võ",
        "Que Vo",
        OPERATING,
        "611.00",
        "599.80",
        "425.08",
        "97.60",
        date(2002, 10, 1),
        "21.1500",
        "106.1080",
        True,
        12000,
        True,
    ),
    "que-vo-ii-1": (
        "Quế Võ",
        "Que Vo",
        OPERATING,
        "270.00",
        "139.50",
        "98.86",
        "54.70",
        date(2007, 11, 30),
        "21.1310",
        "106.1700",
        False,
        3000,
        False,
    ),
    "que-vo-ii-2": (
        "Quế Võ",
        "Que Vo",
        PLANNED,
        "190.34",
        None,
        None,
        None,
        None,
        "21.1180",
        "106.1880",
        False,
        None,
        False,
    ),
    "que-vo-iii-1": (
        "Quế Võ",
        "Que Vo",
        PLANNED,
        "300.00",
        None,
        None,
        None,
        None,
        "21.1620",
        "106.2000",
        False,
        None,
        False,
    ),
    "que-vo-iii-2": (
        "Quế Võ",
        "Que Vo",
        PLANNED,
        "190.34",
        None,
        None,
        None,
        None,
        "21.1720",
        "106.2230",
        False,
        None,
        False,
    ),
}

STATUS_SENTENCES = {
    OPERATING: ("đang hoạt động", "is operating"),
    BUILDING: ("đang xây dựng hạ tầng", "is building its infrastructure"),
    PLANNED: ("đã có trong quy hoạch", "is planned"),
}

LEASE_CONTACT = (
    "Phòng Xúc tiến đầu tư, Ban Quản lý các KCN Bắc Ninh – (0222) 000 0000 (số minh họa)"
)


def _decimal(value):
    return None if value is None else Decimal(value)


def _zone_fields(zone, cluster):
    (
        district_vi,
        district_en,
        status,
        planned,
        built,
        leasable,
        occupancy,
        established,
        latitude,
        longitude,
        water,
        wastewater,
        monitoring,
    ) = ZONE_FIGURES[zone["slug"]]
    state_vi, state_en = STATUS_SENTENCES[status]
    intro_vi = f"{zone['name_vi']} ở {district_vi} {state_vi}"
    intro_en = f"{zone['name_en']}, in {district_en}, {state_en}"
    if cluster:
        intro_vi += f"; chủ đầu tư hạ tầng là thành viên {cluster['name_vi']}."
        intro_en += f"; its infrastructure investor belongs to {cluster['name_en']}."
    else:
        intro_vi += "."
        intro_en += "."
    if zone["slug"] == "tien-son":
        intro_vi += (
            " Đây là khu công nghiệp tập trung đầu tiên của tỉnh, khởi công từ tháng 12/2000."
        )
        intro_en += (
            " It was the province's first concentrated industrial zone;"
            " work began in December 2000."
        )
    if zone["slug"] == "yen-phong":
        intro_vi += (
            " Nơi đặt dây chuyền sản xuất điện thoại di động của Samsung Electronics Việt Nam."
        )
        intro_en += " Samsung Electronics Vietnam makes mobile phones here."
    investor_vi = investor_en = ""
    if zone["slug"] == "vsip-bac-ninh":
        investor_vi, investor_en = "Công ty TNHH VSIP Bắc Ninh", "VSIP Bac Ninh Co., Ltd."
    return {
        "title_vi": zone["name_vi"],
        "title_en": zone["name_en"],
        "slug_en": vietnamese_slugify(zone["name_en"]),
        "intro_vi": intro_vi,
        "intro_en": intro_en,
        "status": status,
        "district_vi": district_vi,
        "district_en": district_en,
        "planned_area_ha": _decimal(planned),
        "built_area_ha": _decimal(built),
        "leasable_area_ha": _decimal(leasable),
        "occupancy_rate": _decimal(occupancy),
        "established_on": established,
        "latitude": Decimal(latitude),
        "longitude": Decimal(longitude),
        "has_clean_water_plant": water,
        "has_wastewater_plant": wastewater is not None,
        "wastewater_capacity_m3_day": wastewater,
        "has_monitoring_station": monitoring,
        "infrastructure_investor_vi": investor_vi,
        "infrastructure_investor_en": investor_en,
        "show_in_menus": False,
    }


def _lease_offers(page):
    """Two offers for each operating zone with land left; written once, editors own them."""
    if page.status != OPERATING or page.lease_offers.exists() or not page.occupancy_rate:
        return
    if page.occupancy_rate >= 100:
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


def site_plan_picture(zone):
    """A drawn bird's-eye plan of factory plots (not a photograph), one per zone, made once.

    Its title does not start with "demo-", the news loader's prefix for its pictures.
    """
    title = f"so-do-kcn-{zone['slug']}"
    existing = PortalImage.objects.filter(title=title).first()
    if existing is not None:
        return existing
    rng = random.Random(title)
    width, height = 960, 600
    picture = Image.new("RGB", (width, height), (214, 226, 204))
    pen = ImageDraw.Draw(picture)
    for x in range(0, width, 240):
        pen.rectangle([x + 100, 0, x + 124, height], fill=(120, 120, 120))
    for y in range(0, height, 200):
        pen.rectangle([0, y + 88, width, y + 104], fill=(120, 120, 120))
    for x in range(0, width, 240):
        for y in range(0, height, 200):
            for left, top in (
                (x + 8, y + 8),
                (x + 132, y + 8),
                (x + 8, y + 112),
                (x + 132, y + 112),
            ):
                if rng.random() < 0.8:
                    shade = rng.choice([(178, 190, 204), (200, 170, 130), (150, 168, 186)])
                    pen.rectangle(
                        [left, top, left + 84, top + 70], fill=shade, outline=(70, 80, 90)
                    )
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return PortalImage.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"{title}.png"),
        alt_text_vi=f"Sơ đồ minh họa các lô nhà xưởng trong {zone['name_vi']}",
        alt_text_en=f"Illustrative plan of the factory plots in {zone['name_en']}",
        credit="Ban Quản lý các KCN Bắc Ninh",
    )


def _photo(page, zone):
    if page.photos.exists():
        return
    image = site_plan_picture(zone)
    ZonePhoto.objects.create(
        page=page,
        image=image,
        caption_vi=f"{zone['name_vi']}: sơ đồ minh họa",
        caption_en=f"{zone['name_en']}: illustrative plan",
    )


def zones_index(home):
    index, _changed = upsert_child_page(
        home,
        ZonesIndexPage,
        slug_vi="cac-khu-cong-nghiep",
        title_vi="Các khu công nghiệp",
        title_en="Industrial zones",
        slug_en="industrial-zones",
        intro_vi=(
            "Thông tin so sánh các khu công nghiệp của tỉnh Bắc Ninh: diện tích, tỷ lệ lấp "
            "đầy, hạ tầng và đất, nhà xưởng cho thuê."
        ),
        intro_en=(
            "Bac Ninh's industrial zones side by side: area, occupancy, utilities and the "
            "land and factories available for lease."
        ),
        show_in_menus=True,
    )
    return index


def _link_articles(zone_pages):
    """Give demo articles the zones their "zones" list names, if news wrote that list."""
    if not ARTICLES_FILE.is_file():
        return 0
    articles = json.loads(ARTICLES_FILE.read_text(encoding="utf-8")).get("articles", [])
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


def load(command, **options):
    facts = read_facts("zones.json")
    home = home_page()
    index = zones_index(home)
    cluster_of = {slug: cluster for cluster in facts["clusters"] for slug in cluster["zones"]}
    zone_pages = {}
    for zone in facts["zones"]:
        page, _changed = upsert_child_page(
            index,
            IndustrialZonePage,
            slug_vi=zone["slug"],
            **_zone_fields(zone, cluster_of.get(zone["slug"])),
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
            title_vi=cluster["name_vi"],
            title_en=cluster["name_en"],
            slug_en=vietnamese_slugify(cluster["name_en"]),
            number=cluster["number"],
            leader_vi=cluster["leader_vi"],
            leader_en=cluster["leader_en"],
            intro_vi=(
                f"{cluster['name_vi']} gồm chủ đầu tư hạ tầng của "
                f"{len(cluster['zones'])} khu công nghiệp, do {cluster['leader_vi']} "
                "làm cụm trưởng."
            ),
            intro_en=(
                f"{cluster['name_en']} brings together the infrastructure investors of "
                f"{len(cluster['zones'])} industrial zones, led by {cluster['leader_en']}."
            ),
            decision=decision,
        )
    linked = _link_articles(zone_pages)
    command.stdout.write(
        f"Zones: {len(zone_pages)} zones, {len(facts['clusters'])} clusters, "
        f"{linked} articles linked to zones."
    )
