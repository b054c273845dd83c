"""Demo enterprises: the ones the facts name, plus `--enterprises N` clearly fictional rows.

Named enterprises take their Vietnamese names, countries and products from
content/enterprises.json.

Generated rows are named "Công ty TNHH Mẫu Số 0001 (dữ liệu minh họa)" / "Sample Enterprise
0001 (demo data)", carry certificate numbers starting with MINHHOA- and are drawn from a
seeded random generator, so the same N always gives the same rows. They are written with
bulk_create in batches: 5,000 take a few seconds.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from demo.data import read_content, read_facts
from demo.pages import home_page, upsert_child_page
from enterprises.choices import SECTORS, EnterpriseStatus
from enterprises.models import Enterprise, EnterpriseDirectoryPage
from portal.text import vietnamese_slugify
from zones.models import IndustrialZonePage, ZoneStatus

GENERATED_PREFIX = "MINHHOA-"
BATCH_SIZE = 1000

PRODUCTS = {
    "electronics": ("Linh kiện điện tử", "Electronic components"),
    "industrial-infrastructure": ("Hạ tầng khu công nghiệp", "Industrial zone infrastructure"),
    "mechanical": ("Khuôn mẫu, chi tiết cơ khí", "Moulds and machined parts"),
    "textiles": ("Sợi, vải, hàng may mặc", "Yarn, fabric and garments"),
    "food": ("Thực phẩm chế biến, đồ uống", "Processed food and drinks"),
    "packaging": ("Bao bì carton, in nhãn", "Cartons and printed labels"),
    "plastics-chemicals": (
        "Linh kiện nhựa, hóa chất công nghiệp",
        "Plastic parts, industrial chemicals",
    ),
    "building-materials": ("Gạch ốp lát, kính xây dựng", "Tiles and construction glass"),
    "logistics": ("Kho bãi, vận chuyển", "Warehousing and transport"),
    "pharmaceuticals": ("Thiết bị y tế", "Medical devices"),
    "other": ("Sản phẩm khác", "Other products"),
}
COUNTRY_WEIGHTS = {"KR": 34, "CN": 20, "VN": 16, "JP": 10, "TW": 7, "HK": 4, "SG": 3, "US": 2}
SECTOR_WEIGHTS = {
    "electronics": 40,
    "mechanical": 15,
    "plastics-chemicals": 10,
    "packaging": 8,
    "textiles": 6,
    "food": 5,
    "building-materials": 4,
    "logistics": 6,
    "pharmaceuticals": 3,
    "other": 3,
}
STATUS_WEIGHTS = {
    EnterpriseStatus.OPERATING: 80,
    EnterpriseStatus.UNDER_CONSTRUCTION: 8,
    EnterpriseStatus.TERMINATED: 12,
}


def _named_certificate(name):
    return f"DEMO-{vietnamese_slugify(name).upper()}"[:60]


def load_named(zones):
    facts = read_facts("organisations.json")
    named = read_content("enterprises.json")["named"]
    written = 0
    for item in facts["enterprises"]:
        extra = named.get(item["name"], {"name_vi": item["name"], "country": "VN"})
        defaults = {
            "name_vi": extra["name_vi"],
            "name_en": item["name"],
            "zone_id": zones.get(item["zone"]),
            "country": extra["country"],
            "sector": item["sector"] if item["sector"] in SECTORS else "other",
            "main_products_vi": extra.get("main_products_vi", ""),
            "main_products_en": extra.get("main_products_en", ""),
            "status": EnterpriseStatus.OPERATING,
        }
        enterprise = Enterprise.objects.filter(
            certificate_number=_named_certificate(item["name"])
        ).first()
        if enterprise is None:
            Enterprise.objects.create(
                certificate_number=_named_certificate(item["name"]), **defaults
            )
            written += 1
        elif any(getattr(enterprise, key) != value for key, value in defaults.items()):
            for key, value in defaults.items():
                setattr(enterprise, key, value)
            enterprise.save()
            written += 1
    return len(facts["enterprises"]), written


def _pick(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def generated_enterprise(number, zones):
    """The fictional enterprise number `number`: same number, same row."""
    rng = random.Random(f"enterprise-{number}")
    sector = _pick(rng, SECTOR_WEIGHTS)
    zone_slug, zone_id = rng.choice(zones) if zones else ("", None)
    capital = Decimal(round(10 ** rng.uniform(5.5, 8.6), -3)).quantize(Decimal("0.01"))
    products_vi, products_en = PRODUCTS[sector]
    enterprise = Enterprise(
        certificate_number=f"{GENERATED_PREFIX}{number:05d}",
        certificate_date=date(2000, 1, 1) + timedelta(days=rng.randrange(0, 8766)),
        name_vi=f"Công ty TNHH Mẫu Số {number:04d} (dữ liệu minh họa)",
        name_en=f"Sample Enterprise {number:04d} (demo data)",
        zone_id=zone_id,
        country=_pick(rng, COUNTRY_WEIGHTS),
        sector=sector,
        main_products_vi=products_vi,
        main_products_en=products_en,
        registered_capital_usd=capital,
        employees=rng.randrange(20, 3000),
        status=_pick(rng, STATUS_WEIGHTS),
        address=f"Lô CN-{rng.randrange(1, 60):02d}, {zone_slug or 'Bắc Ninh'} (địa chỉ minh họa)",
    )
    enterprise.prepare()
    return enterprise


def load_generated(count, zones):
    existing = set(
        Enterprise.objects.filter(certificate_number__startswith=GENERATED_PREFIX).values_list(
            "certificate_number", flat=True
        )
    )
    zone_list = sorted(zones.items())
    batch, created = [], 0
    for number in range(1, count + 1):
        if f"{GENERATED_PREFIX}{number:05d}" in existing:
            continue
        batch.append(generated_enterprise(number, zone_list))
        if len(batch) >= BATCH_SIZE:
            Enterprise.objects.bulk_create(batch)
            created += len(batch)
            batch = []
    Enterprise.objects.bulk_create(batch)
    return created + len(batch)


def directory_page():
    fields = read_content("enterprises.json")["index"]
    page, _changed = upsert_child_page(
        home_page(), EnterpriseDirectoryPage, show_in_menus=True, **fields
    )
    return page


def load(command, **options):
    directory_page()
    zones = dict(
        IndustrialZonePage.objects.exclude(status=ZoneStatus.PLANNED).values_list("slug_vi", "pk")
    )
    all_zones = dict(IndustrialZonePage.objects.values_list("slug_vi", "pk"))
    named, written = load_named(all_zones)
    created = load_generated(options.get("enterprises") or 0, zones)
    command.stdout.write(
        f"Enterprises: {named} named ({written} written), {created} generated rows added."
    )
