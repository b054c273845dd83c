import re
from datetime import date
from decimal import Decimal
from itertools import count

import pytest

from indicators.models import IndicatorValue, Metric, Scope, Unit
from portal.languages import page_url_in
from tests.factories import (
    make_article,
    make_cluster,
    make_directory,
    make_enterprise,
    make_enterprises,
    make_image,
    make_legal_document,
    make_registry,
    make_zone,
)
from zones.maps import PROVINCE_OUTLINE, Projection, point_in_province
from zones.models import EmulationClusterPage, LeaseKind, ZoneLeaseOffer, ZonePhoto

pytestmark = pytest.mark.django_db


@pytest.fixture
def zones(zones_index):
    que_vo = make_zone(
        zones_index,
        "KCN Quế Võ",
        "Que Vo Industrial Zone",
        slug_vi="que-vo",
        district_vi="Quế Võ",
        district_en="Que Vo",
        status="operating",
        planned_area_ha=Decimal("611.00"),
        built_area_ha=Decimal("599.80"),
        leasable_area_ha=Decimal("425.08"),
        occupancy_rate=Decimal("97.60"),
        established_on=date(2002, 10, 1),
        has_clean_water_plant=True,
        has_wastewater_plant=True,
        wastewater_capacity_m3_day=12000,
        has_monitoring_station=True,
    )
    dai_dong = make_zone(
        zones_index,
        "KCN Đại Đồng - Hoàn Sơn",
        "Dai Dong - Hoan Son Industrial Zone",
        slug_vi="dai-dong-hoan-son",
        status="operating",
        planned_area_ha=Decimal("466.00"),
        latitude="21.0960",
        longitude="106.0480",
    )
    gia_binh_ii = make_zone(
        zones_index,
        "KCN Gia Bình II",
        "Gia Binh II Industrial Zone",
        slug_vi="gia-binh-ii",
        status="planned",
        planned_area_ha=Decimal("275.00"),
        latitude="21.0560",
        longitude="106.2580",
    )
    return {"que-vo": que_vo, "dai-dong-hoan-son": dai_dong, "gia-binh-ii": gia_binh_ii}


def row_titles(html):
    table = html.split('class="zone-table"', 1)[1].split("</table>", 1)[0]
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', table)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_zones_index_shows_map_and_comparison_table(client, zones_index, zones, language):
    response = client.get(page_url_in(zones_index, language))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="province-map__zone') == 3
    assert '<path class="province-map__outline"' in html
    assert '<title id="province-map-title">' in html
    for zone in zones.values():
        assert page_url_in(zone, language) in html
    expected = "Quế Võ" if language == "vi" else "Que Vo Industrial Zone"
    assert expected in html


def test_zones_index_sorts_vietnamese_names_by_their_letters(client, zones_index, zones):
    """Đại Đồng sorts among the Ds, not after Z as raw code points would put it."""
    titles = row_titles(client.get("/vi/cac-khu-cong-nghiep/").content.decode())
    assert titles == ["KCN Đại Đồng - Hoàn Sơn", "KCN Gia Bình II", "KCN Quế Võ"]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_sort_links_reorder_the_table_without_javascript(client, zones_index, zones, language):
    url = page_url_in(zones_index, language)
    html = client.get(url + "?sort=planned&order=desc").content.decode()
    assert len(row_titles(html)) == 3
    que_vo = zones["que-vo"]
    assert row_titles(html)[0] == (que_vo.title_vi if language == "vi" else que_vo.title_en)
    assert 'aria-sort="descending"' in html
    assert 'href="?sort=planned&amp;order=asc#zone-table-title"' in html
    ascending = row_titles(client.get(url + "?sort=planned&order=asc").content.decode())
    descending = row_titles(html)
    assert ascending == list(reversed(descending))


def test_sorting_puts_missing_values_last_both_ways(client, zones_index, zones):
    for order in ("asc", "desc"):
        html = client.get(f"/vi/cac-khu-cong-nghiep/?sort=built&order={order}").content.decode()
        assert row_titles(html)[0] == "KCN Quế Võ"


def test_unknown_sort_falls_back_to_name(client, zones_index, zones):
    response = client.get("/vi/cac-khu-cong-nghiep/?sort=drop+table&order=sideways")
    assert response.status_code == 200
    assert row_titles(response.content.decode())[0] == "KCN Đại Đồng - Hoàn Sơn"


def test_map_numbers_stay_the_same_whatever_the_table_order(client, zones_index, zones):
    first = client.get("/vi/cac-khu-cong-nghiep/?sort=planned&order=desc").content.decode()
    second = client.get("/vi/cac-khu-cong-nghiep/?sort=name").content.decode()
    pattern = r"<title>(\d+)\. ([^<(]+) \("
    assert re.findall(pattern, first) == re.findall(pattern, second)


def test_english_index_leaves_out_zones_not_yet_translated(client, zones_index, zones):
    make_zone(zones_index, "KCN Chưa Dịch", slug_vi="chua-dich")
    english = client.get("/en/industrial-zones/").content.decode()
    vietnamese = client.get("/vi/cac-khu-cong-nghiep/").content.decode()
    assert "KCN Chưa Dịch" in vietnamese
    assert "KCN Chưa Dịch" not in english


@pytest.mark.parametrize("language", ["vi", "en"])
def test_zone_page_shows_facts_utilities_and_lease_offers(client, zones, language):
    zone = zones["que-vo"]
    ZoneLeaseOffer.objects.create(
        page=zone,
        kind=LeaseKind.FACTORY,
        area_m2=5000,
        price_from_usd=Decimal("4.5"),
        price_to_usd=Decimal("5.5"),
        contact="Phòng Xúc tiến đầu tư",
    )
    response = client.get(page_url_in(zone, language))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Phòng Xúc tiến đầu tư" in html
    assert "12.000" in html or "12,000" in html
    if language == "vi":
        assert "Nhà xưởng xây sẵn" in html
        assert "Đang hoạt động" in html
        assert "Trạm quan trắc tự động" in html
    else:
        assert "Ready-built factory" in html
        assert "Operating" in html
        assert "Automatic monitoring station" in html
    assert 'id="chart-zone-' in html
    assert "<desc" in html and '<table class="chart__table">' in html


@pytest.mark.parametrize("language", ["vi", "en"])
def test_zone_page_lists_its_enterprises_and_the_news_that_mention_it(
    client, home, section, zones, language
):
    zone = zones["que-vo"]
    make_directory(home)
    make_enterprise(name_vi="Công ty TNHH Điện Tử Quế Võ", name_en="Que Vo Electronics", zone=zone)
    make_enterprise(name_vi="Công ty Khác Khu", name_en="Elsewhere Co", zone=zones["gia-binh-ii"])
    article = make_article(
        section, title_vi="Quế Võ đón dự án mới", title_en="Que Vo wins a project"
    )
    article.zones.set([zone])
    article.save_revision().publish()
    html = client.get(page_url_in(zone, language)).content.decode()
    expected_name = "Công ty TNHH Điện Tử Quế Võ" if language == "vi" else "Que Vo Electronics"
    assert expected_name in html
    assert "Elsewhere Co" not in html and "Công ty Khác Khu" not in html
    assert page_url_in(article, language) in html


@pytest.mark.parametrize("language", ["vi", "en"])
def test_cluster_page_shows_members_decision_results_and_news(
    client, home, section, zones_index, zones, language
):
    registry = make_registry(home)
    decision = make_legal_document(
        "47/QĐ-BQL",
        subject_vi="Thành lập các Cụm thi đua trong các KCN",
        subject_en="Establishing the emulation clusters in the zones",
    )
    cluster = make_cluster(
        zones_index,
        3,
        member_zones=[zones["que-vo"], zones["gia-binh-ii"]],
        leader_vi="Tổng Công ty Phát triển đô thị Kinh Bắc - CTCP",
        leader_en="Kinh Bac Urban Development Corporation - JSC",
        decision=decision,
    )
    cluster.annual_results.create(
        year=2022, result_vi="Dẫn đầu phong trào", result_en="Top of the table"
    )
    cluster.save_revision().publish()
    article = make_article(
        section, title_vi="Cụm 3 tổng kết", title_en="Cluster 3 reviews its year"
    )
    article.zones.set([zones["que-vo"]])
    article.save_revision().publish()
    outsider = make_article(section, title_vi="Tin khác", title_en="Other news")
    response = client.get(page_url_in(cluster, language))
    html = response.content.decode()
    assert response.status_code == 200
    entry_url = page_url_in(registry, language) + "47-qd-bql/"
    assert f'<a href="{entry_url}">' in html and "47/QĐ-BQL</a>" in html
    assert page_url_in(zones["que-vo"], language) in html
    assert page_url_in(zones["gia-binh-ii"], language) in html
    assert page_url_in(zones["dai-dong-hoan-son"], language) not in html
    assert page_url_in(article, language) in html
    assert page_url_in(outsider, language) not in html
    if language == "vi":
        assert "Kinh Bắc" in html and "Dẫn đầu phong trào" in html
    else:
        assert "Kinh Bac Urban" in html and "Top of the table" in html


def test_registry_entry_lists_the_cluster_its_decision_established(client, home, zones_index):
    """The founding decision is a citation: the entry names the cluster among its pages."""
    registry = make_registry(home)
    decision = make_legal_document("47/QĐ-BQL")
    cluster = make_cluster(zones_index, 2, decision=decision)
    for language in ("vi", "en"):
        html = client.get(page_url_in(registry, language) + "47-qd-bql/").content.decode()
        assert page_url_in(cluster, language) in html


def test_cluster_without_a_registered_decision_shows_no_decision(client, zones_index):
    cluster = make_cluster(zones_index, 4)
    html = client.get(page_url_in(cluster, "vi")).content.decode()
    assert "Thành lập theo" not in html and "Established by" not in html


def test_index_lists_clusters_with_leaders(client, zones_index, zones):
    make_cluster(zones_index, 1, leader_vi="Công ty TNHH VSIP Bắc Ninh", leader_en="VSIP Bac Ninh")
    html = client.get("/en/industrial-zones/").content.decode()
    assert "Emulation Cluster No. 1" in html and "VSIP Bac Ninh" in html


def test_projection_keeps_the_outline_inside_the_drawing():
    projection = Projection()
    for longitude, latitude in PROVINCE_OUTLINE:
        x, y = projection(longitude, latitude)
        assert 0 <= x <= projection.width and 0 <= y <= projection.height


def test_point_in_province_tells_inside_from_outside():
    assert point_in_province(106.10, 21.10)
    assert not point_in_province(105.80, 21.10)  # Ha Noi, west of the province
    assert not point_in_province(106.20, 21.30)  # Bac Giang, to the north


_numbers = count(1)


def shown_title(page, language):
    return page.title_vi if language == "vi" else page.title_en


def grow_zones_index(index, how_many):
    """`how_many` more zones, each the only member of a cluster of its own."""
    titles = []
    for _number in range(how_many):
        number = next(_numbers)
        zone = make_zone(
            index,
            f"KCN Thử Nghiệm {number}",
            f"Test Industrial Zone {number}",
            planned_area_ha=Decimal(100 + number),
            latitude="21.1200",
            longitude="106.1000",
        )
        cluster = make_cluster(index, number, member_zones=[zone])
        titles.append((zone, cluster))
    return titles


@pytest.mark.parametrize("language", ["vi", "en"])
def test_zones_index_query_count_does_not_grow_with_zones_and_clusters(
    zones_index, count_queries, language
):
    grown = grow_zones_index(zones_index, 2)
    small, html = count_queries(page_url_in(zones_index, language))
    grown += grow_zones_index(zones_index, 8)
    large, html = count_queries(page_url_in(zones_index, language))
    for zone, cluster in grown:
        assert shown_title(zone, language) in html
        assert shown_title(cluster, language) in html
    assert large <= small


def grow_zone(zone, section, how_many):
    """`how_many` more of everything a zone page lists: enterprises, news mentioning it, lease
    offers, photos, clusters it belongs to and yearly export figures. Returns the names the
    page should show, as (Vietnamese, English) pairs."""
    shown = []
    image = make_image()
    for enterprise in make_enterprises(how_many, zone=zone):
        shown.append((enterprise.name_vi, enterprise.name_en))
    for _number in range(how_many):
        number = next(_numbers)
        article = make_article(section, title_en=f"Zone story {number}", lead_image=image)
        article.zones.set([zone])
        article.save_revision().publish()
        ZoneLeaseOffer.objects.create(
            page=zone, kind=LeaseKind.LAND, area_m2=1000 + number, contact=f"Liên hệ {number}"
        )
        ZonePhoto.objects.create(page=zone, image=make_image(f"Ảnh {number}"), sort_order=number)
        cluster = make_cluster(zone.get_parent(), number, member_zones=[zone])
        shown.append((cluster.title_vi, cluster.title_en))
        shown.append((f"Liên hệ {number}", f"Liên hệ {number}"))
        IndicatorValue.objects.create(
            scope=Scope.ZONE,
            zone=zone,
            period=str(2000 + number),
            metric=Metric.EXPORT,
            value=Decimal(number),
            unit=Unit.BN_USD,
        )
    return shown


@pytest.mark.parametrize("language", ["vi", "en"])
def test_zone_page_query_count_does_not_grow_with_what_it_lists(
    home, section, zones, count_queries, language
):
    """Enterprises, news, lease offers, photos, clusters and indicator figures: two of each
    cost as many queries as twelve."""
    make_directory(home)
    zone = zones["que-vo"]
    url = page_url_in(zone, language)
    shown = grow_zone(zone, section, 2)
    small, html = count_queries(url)
    shown += grow_zone(zone, section, 10)
    large, html = count_queries(url)
    names = [vietnamese if language == "vi" else english for vietnamese, english in shown]
    assert [name for name in names if name not in html] == []
    assert html.count("<figure>") == 12, "every photo is drawn"
    assert html.count('<time class="card__meta"') == 6, "the six latest articles"
    assert large <= small


def grow_cluster(cluster, section, how_many):
    """`how_many` more member zones (each with a news article), annual results and figures."""
    shown = []
    cluster = EmulationClusterPage.objects.get(pk=cluster.pk)
    index = cluster.get_parent()
    image = make_image()
    new_members = []
    for _number in range(how_many):
        number = next(_numbers)
        zone = make_zone(index, f"KCN Thành Viên {number}", f"Member Zone {number}")
        new_members.append(zone)
        article = make_article(section, title_en=f"Member news {number}", lead_image=image)
        article.zones.set([zone])
        article.save_revision().publish()
        year = 2000 + cluster.annual_results.count()
        cluster.annual_results.create(
            year=year, result_vi=f"Kết quả năm {year}", result_en=f"Result of {year}"
        )
        IndicatorValue.objects.create(
            scope=Scope.CLUSTER,
            cluster=cluster,
            period=str(year),
            metric=Metric.BUDGET_CONTRIBUTION,
            value=Decimal(year),
            unit=Unit.BN_VND,
        )
        shown.append((zone.title_vi, zone.title_en))
        shown.append((f"Kết quả năm {year}", f"Result of {year}"))
    cluster.member_zones.add(*new_members)
    cluster.save_revision().publish()
    return shown


@pytest.mark.parametrize("language", ["vi", "en"])
def test_cluster_page_query_count_does_not_grow_with_members_results_and_news(
    zones_index, section, count_queries, language
):
    cluster = make_cluster(zones_index, 1)
    url = page_url_in(cluster, language)
    shown = grow_cluster(cluster, section, 2)
    small, html = count_queries(url)
    shown += grow_cluster(cluster, section, 10)
    large, html = count_queries(url)
    names = [vietnamese if language == "vi" else english for vietnamese, english in shown]
    assert [name for name in names if name not in html] == []
    assert html.count('<time class="card__meta"') == 6, "the six latest articles of its members"
    assert large <= small


@pytest.mark.parametrize("language", ["vi", "en"])
def test_markup_in_the_zone_table_sort_is_inert(
    client, zones_index, zones, hostile_input, language
):
    url = page_url_in(zones_index, language)
    for parameter in ("sort", "order"):
        hostile_input.assert_inert(client.get(url, {parameter: hostile_input.text}))
    hostile_input.assert_no_server_error(client, url, ["sort", "order"])
    hostile_input.assert_no_server_error(client, page_url_in(zones["que-vo"], language), ["page"])
