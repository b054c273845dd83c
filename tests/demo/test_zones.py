"""The zone, enterprise and indicator loaders follow the facts, and a second run adds nothing."""

import io
import time
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db.models import Sum

import pytest

from demo.data import read_facts
from demo.loaders import enterprises as enterprise_demo
from demo.loaders import indicators as indicator_demo
from demo.loaders import zones as zone_demo
from enterprises.models import Enterprise
from indicators.models import IndicatorValue
from tests.factories import make_article
from zones.maps import point_in_province
from zones.models import EmulationClusterPage, IndustrialZonePage, ZoneStatus

pytestmark = pytest.mark.django_db


def run_loaders(enterprises=0):
    command = BaseCommand(stdout=io.StringIO())
    for module in (zone_demo, enterprise_demo, indicator_demo):
        module.load(command, enterprises=enterprises)
    return command.stdout.getvalue()


def test_demo_builds_every_zone_and_cluster_from_the_facts(client):
    run_loaders()
    facts = read_facts("zones.json")
    assert IndustrialZonePage.objects.count() == len(facts["zones"]) == 17
    assert EmulationClusterPage.objects.count() == 3
    cluster = EmulationClusterPage.objects.get(number=3)
    assert cluster.member_zones.count() == 9
    assert cluster.leader_en == "Kinh Bac Urban Development Corporation - JSC"
    for zone in IndustrialZonePage.objects.all():
        assert zone.title_vi and zone.title_en and zone.english_ready
        assert point_in_province(zone.longitude, zone.latitude), zone.slug_vi
    assert client.get("/en/industrial-zones/").status_code == 200
    assert client.get("/vi/cac-khu-cong-nghiep/que-vo/").status_code == 200


def test_demo_areas_agree_with_the_province_totals_of_2018():
    run_loaders()
    totals = read_facts("zones.json")["province_totals_2018"]
    planned_by_2018 = IndustrialZonePage.objects.exclude(slug_vi="gia-binh-ii")
    assert planned_by_2018.count() == totals["planned_zones"]
    assert planned_by_2018.aggregate(total=Sum("planned_area_ha"))["total"] == Decimal(
        str(totals["planned_area_ha"])
    )
    operating = IndustrialZonePage.objects.filter(status=ZoneStatus.OPERATING)
    assert operating.count() == totals["zones_in_operation"]
    assert operating.aggregate(total=Sum("built_area_ha"))["total"] == Decimal(
        str(totals["built_area_ha"])
    )
    assert operating.aggregate(total=Sum("leasable_area_ha"))["total"] == Decimal(
        str(totals["industrial_land_for_lease_ha"])
    )
    assert operating.filter(has_clean_water_plant=True).count() == 7
    assert operating.filter(has_wastewater_plant=True).count() == 9
    assert IndustrialZonePage.objects.filter(has_monitoring_station=True).count() == 8


def test_demo_is_idempotent_and_generates_fictional_enterprises_fast():
    started = time.perf_counter()
    run_loaders(enterprises=1000)
    first_run = time.perf_counter() - started
    assert Enterprise.objects.count() == 1000 + 5
    output = run_loaders(enterprises=1000)
    assert "0 generated rows added" in output
    assert Enterprise.objects.count() == 1005
    assert IndustrialZonePage.objects.count() == 17
    assert IndicatorValue.objects.count() == len(
        list(indicator_demo.figures(read_facts("indicators.json")))
    )
    sample = Enterprise.objects.get(certificate_number="MINHHOA-00001")
    assert sample.name_vi == "Công ty TNHH Mẫu Số 0001 (dữ liệu minh họa)"
    assert sample.name_en == "Sample Enterprise 0001 (demo data)"
    assert first_run < 30


def test_named_enterprises_from_the_facts_are_in_the_directory(client):
    run_loaders()
    samsung = Enterprise.objects.get(name_en="Samsung Electronics Vietnam Co., Ltd.")
    assert samsung.zone.slug_vi == "yen-phong"
    html = client.get("/vi/doanh-nghiep-trong-cac-kcn/", {"q": "samsung"}).content.decode()
    assert "Công ty TNHH Samsung Electronics Việt Nam" in html


def test_demo_links_articles_to_the_zones_their_json_names(monkeypatch, home, section):
    article = make_article(section, title_vi="Quế Võ mở rộng", title_en="Que Vo grows")
    articles = [{"title_vi": "Quế Võ mở rộng", "zones": ["que-vo", "nowhere"]}]
    read_content = zone_demo.read_content
    monkeypatch.setattr(
        zone_demo,
        "read_content",
        lambda name: {"articles": articles} if name == "articles.json" else read_content(name),
    )
    command = BaseCommand(stdout=io.StringIO())
    zone_demo.load(command)
    assert "1 articles linked" in command.stdout.getvalue()
    article.refresh_from_db()
    assert [zone.slug_vi for zone in article.zones.all()] == ["que-vo"]
    zone_demo.load(command)
    assert "0 articles linked" in command.stdout.getvalue().splitlines()[-1]
