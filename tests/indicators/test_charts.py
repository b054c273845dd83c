import re
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

import pytest

from indicators.charts import Chart, period_label
from indicators.models import IndicatorValue, Metric, Scope, Unit, parse_period
from portal.languages import page_url_in
from tests.factories import make_cluster, make_zone

pytestmark = pytest.mark.django_db


def add(period, metric, value, unit, **fields):
    return IndicatorValue.objects.create(
        period=period, metric=metric, value=Decimal(str(value)), unit=unit, **fields
    )


@pytest.fixture
def trade_figures(db):
    add("2017", Metric.EXPORT, "28.4", Unit.BN_USD)
    add("2017", Metric.IMPORT, "23.5", Unit.BN_USD)
    add("2021", Metric.EXPORT, "38.5", Unit.BN_USD)
    add("2021", Metric.IMPORT, "27.4", Unit.BN_USD)
    add("2022-H1", Metric.EXPORT, "20.15", Unit.BN_USD)
    add("2021", Metric.OPERATING_ENTERPRISES, 1150, Unit.COUNT)
    add("2022", Metric.OPERATING_ENTERPRISES, 1190, Unit.COUNT)


def charts_in(html):
    return re.findall(r'<figure class="chart chart--(\w+)" id="chart-([\w-]+)">', html)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_home_page_draws_key_indicators_with_data_tables(client, home, trade_figures, language):
    html = client.get(f"/{language}/").content.decode()
    assert ("bar", "all-trade") in charts_in(html)
    assert ("line", "all-enterprises") in charts_in(html)
    trade = html.split('id="chart-all-trade"', 1)[1].split("</figure>", 1)[0]
    assert 'role="img"' in trade
    assert trade.count('<rect class="chart__series-') == 5 + 2  # bars + legend keys
    assert '<table class="chart__table">' in trade
    assert '<th scope="row">2017</th>' in trade
    if language == "vi":
        assert '<title id="chart-all-trade-title">Xuất khẩu và nhập khẩu (tỷ USD)</title>' in trade
        assert "6 tháng 1/2022" in trade
        assert "28,4" in trade  # Vietnamese decimal comma
    else:
        assert (
            '<title id="chart-all-trade-title">Exports and imports (billion USD)</title>' in trade
        )
        assert "H1 2022" in trade
        assert "28.4" in trade
    assert '<desc id="chart-all-trade-desc">' in trade


@pytest.mark.parametrize("language", ["vi", "en"])
def test_home_charts_follow_an_edited_figure_on_the_next_view(
    client, home, trade_figures, language
):
    """The charts are drawn once per language and content version; an edit redraws them."""
    assert "38,5" in client.get("/vi/").content.decode()
    assert "38.5" in client.get("/en/").content.decode()
    figure = IndicatorValue.objects.get(period="2021", metric=Metric.EXPORT)
    figure.value = Decimal("41.25")
    figure.save()
    html = client.get(f"/{language}/").content.decode()
    assert ("41,25" if language == "vi" else "41.25") in html
    assert "38,5" not in html and "38.5" not in html


def test_missing_figure_shows_a_dash_in_the_table_and_no_bar(client, home, trade_figures):
    html = client.get("/en/").content.decode()
    trade = html.split('id="chart-all-trade"', 1)[1].split("</figure>", 1)[0]
    row = trade.split('<th scope="row">H1 2022</th>', 1)[1].split("</tr>", 1)[0]
    assert "20.15" in row and "–" in row


def test_home_page_without_figures_has_no_empty_section(client, home):
    html = client.get("/vi/").content.decode()
    assert "key-indicators" not in html


def test_bar_heights_follow_the_values():
    chart = Chart(
        key="t",
        title="T",
        unit_label="u",
        kind="bar",
        categories=["a", "b"],
        series=[("s", [Decimal("10"), Decimal("20")])],
    )
    first, second = chart.geometry["shapes"]
    assert second["height"] == pytest.approx(first["height"] * 2, rel=0.01)
    assert second["y"] < first["y"]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_zone_page_draws_the_zones_own_indicators(client, zones_index, language):
    zone = make_zone(zones_index, "KCN Quế Võ", "Que Vo Industrial Zone", planned_area_ha=611)
    add("2021", Metric.EXPORT, "3.2", Unit.BN_USD, scope=Scope.ZONE, zone=zone)
    add("2022", Metric.EXPORT, "3.9", Unit.BN_USD, scope=Scope.ZONE, zone=zone)
    add("2022", Metric.EXPORT, "99", Unit.BN_USD)  # province-wide: not on the zone page
    html = client.get(page_url_in(zone, language)).content.decode()
    kinds = {key: kind for kind, key in charts_in(html)}
    assert f"zone-{zone.pk}-land" in kinds
    assert f"zone-{zone.pk}-trade" in kinds
    trade = html.split(f'id="chart-zone-{zone.pk}-trade"', 1)[1].split("</figure>", 1)[0]
    assert ("3,9" if language == "vi" else "3.9") in trade
    assert "99" not in trade


@pytest.mark.parametrize("language", ["vi", "en"])
def test_cluster_page_draws_the_clusters_results(client, zones_index, language):
    cluster = make_cluster(zones_index, 2)
    add("2022", Metric.BUDGET_CONTRIBUTION, 2100, Unit.BN_VND, scope=Scope.CLUSTER, cluster=cluster)
    html = client.get(page_url_in(cluster, language)).content.decode()
    assert ("bar", f"cluster-{cluster.pk}-budget") in charts_in(html)
    assert ("2.100" if language == "vi" else "2,100") in html


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021", (2021, "year", None)),
        ("2022-h1", (2022, "half", 1)),
        ("2021-Q4", (2021, "quarter", 4)),
    ],
)
def test_periods_parse(text, expected):
    assert parse_period(text) == expected


@pytest.mark.parametrize("text", ["21", "2021-H3", "2021-Q0", "2021-Q5", "H1-2021", "", "1850"])
def test_bad_periods_are_refused(text):
    with pytest.raises(ValidationError):
        parse_period(text)


def test_period_keys_sort_in_time_order(db):
    for period in ["2022", "2021-Q3", "2021-H1", "2021", "2021-Q1", "2020"]:
        add(period, Metric.REVENUE, 1, Unit.BN_VND)
    periods = list(IndicatorValue.objects.order_by("period").values_list("period", flat=True))
    assert periods == ["2020", "2021", "2021-H1", "2021-Q1", "2021-Q3", "2022"]
    assert IndicatorValue.objects.get(period="2021-Q3").period_kind == "quarter"


def test_period_labels_in_both_languages():
    from django.utils import translation

    with translation.override("en"):
        assert period_label("2021-Q3") == "Q3 2021"
    with translation.override("vi"):
        assert period_label("2021-Q3") == "Quý 3/2021"
        assert period_label("2018-H1") == "6 tháng 1/2018"


def test_scope_must_match_its_target(zones_index):
    zone = make_zone(zones_index, "KCN Hanaka", "Hanaka Industrial Zone")
    value = IndicatorValue(
        scope=Scope.ALL_ZONES,
        zone=zone,
        period="2021",
        metric=Metric.JOBS,
        value=1,
        unit=Unit.PERSONS,
    )
    with pytest.raises(ValidationError) as raised:
        value.full_clean()
    assert "zone" in raised.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        value.save()


def test_the_same_figure_cannot_be_recorded_twice(db):
    add("2021", Metric.JOBS, 330000, Unit.PERSONS)
    with pytest.raises(IntegrityError), transaction.atomic():
        add("2021", Metric.JOBS, 330001, Unit.PERSONS)


def test_editors_record_a_value_in_the_admin(client, zones_index):
    zone = make_zone(zones_index, "KCN Yên Phong", "Yen Phong Industrial Zone")
    editor = User.objects.create_superuser("editor", "editor@example.com", "secret-pass-123")
    client.force_login(editor)
    assert client.get("/admin/indicator_value/").status_code == 200
    response = client.post(
        "/admin/indicator_value/new/",
        {
            "scope": "zone",
            "zone": zone.pk,
            "period": "2023-q2",
            "metric": "export",
            "value": "4.25",
            "unit": "bn_usd",
            "source": "Báo cáo quý",
        },
    )
    assert response.status_code == 302
    value = IndicatorValue.objects.get()
    assert (value.period, value.period_kind, value.year, value.zone) == (
        "2023-Q2",
        "quarter",
        2023,
        zone,
    )


def test_admin_form_explains_a_bad_period(client, db):
    editor = User.objects.create_superuser("editor", "editor@example.com", "secret-pass-123")
    client.force_login(editor)
    response = client.post(
        "/admin/indicator_value/new/",
        {"scope": "all", "period": "năm ngoái", "metric": "export", "value": "1", "unit": "bn_usd"},
    )
    assert response.status_code == 200
    assert "2022-H1" in response.content.decode()
    assert not IndicatorValue.objects.exists()
