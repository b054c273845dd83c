import csv
import io
import re

import pytest
from openpyxl import load_workbook

from tests.factories import make_enterprises

pytestmark = pytest.mark.django_db

VI = "/vi/doanh-nghiep-trong-cac-kcn/"
EN = "/en/enterprises/"


def names(html):
    table = html.split('class="directory-table"', 1)[1].split("</table>", 1)[0]
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', table)


@pytest.mark.parametrize("url", [VI, EN])
def test_directory_lists_enterprises_in_the_readers_language(client, catalogue, url):
    response = client.get(url)
    assert response.status_code == 200
    listed = names(response.content.decode())
    if url == VI:
        assert "Công ty TNHH Điện Tử Đông Á" in listed
    else:
        assert "Dong A Electronics Co., Ltd." in listed
    assert len(listed) == 3


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zone=que-vo", {"dien_tu", "co_khi"}),
        ("zone=yen-phong", {"bao_bi"}),
        ("country=JP", {"co_khi"}),
        ("country=VN", {"bao_bi"}),
        ("sector=electronics", {"dien_tu"}),
        ("status=terminated", {"co_khi"}),
        ("status=construction", {"bao_bi"}),
        ("zone=que-vo&country=KR&sector=electronics&status=operating", {"dien_tu"}),
        ("zone=que-vo&country=VN", set()),
    ],
)
@pytest.mark.parametrize("base", [VI, EN])
def test_each_filter_narrows_the_list(client, catalogue, base, query, expected):
    response = client.get(f"{base}?{query}")
    assert response.status_code == 200
    language_field = "name_vi" if base == VI else "name_en"
    html = response.content.decode()
    listed = set(names(html)) if expected else set()
    assert listed == {getattr(catalogue[key], language_field) for key in expected}
    if not expected:
        assert "directory-table" not in html


@pytest.mark.parametrize(
    "query", ["dien tu dong a", "ĐIỆN TỬ", "điện tử đông á", "Dong A Electronics", "đông"]
)
@pytest.mark.parametrize("base", [VI, EN])
def test_name_search_ignores_diacritics_and_case(client, catalogue, base, query):
    html = client.get(base, {"q": query}).content.decode()
    expected = catalogue["dien_tu"].name_vi if base == VI else catalogue["dien_tu"].name_en
    assert names(html) == [expected]


@pytest.mark.parametrize(
    ("sort", "first", "last"),
    [
        ("name", "bao_bi", "dien_tu"),
        ("-name", "dien_tu", "bao_bi"),
        ("capital", "bao_bi", "co_khi"),
        ("-capital", "co_khi", "bao_bi"),
        ("date", "co_khi", "bao_bi"),
        ("-date", "bao_bi", "co_khi"),
    ],
)
def test_sorting_by_name_capital_and_date(client, catalogue, sort, first, last):
    listed = names(client.get(VI, {"sort": sort}).content.decode())
    assert listed[0] == catalogue[first].name_vi
    assert listed[-1] == catalogue[last].name_vi


@pytest.mark.parametrize(
    ("sort", "first", "last"),
    [
        ("name", "co_khi", "bao_bi"),
        ("-name", "bao_bi", "co_khi"),
        ("capital", "bao_bi", "co_khi"),
        ("-capital", "co_khi", "bao_bi"),
        ("date", "co_khi", "bao_bi"),
        ("-date", "bao_bi", "co_khi"),
    ],
)
def test_sorting_in_english(client, catalogue, sort, first, last):
    listed = names(client.get(EN, {"sort": sort}).content.decode())
    assert listed[0] == catalogue[first].name_en
    assert listed[-1] == catalogue[last].name_en


def test_english_name_sort_uses_english_names(client, catalogue):
    listed = names(client.get(EN, {"sort": "name"}).content.decode())
    assert listed == sorted(listed)
    assert listed[0] == "Anh Duong Engineering Co., Ltd."


@pytest.mark.parametrize(
    ("base", "query", "words"),
    [
        (VI, {"zone": "khong-co"}, ["khong-co", "Khu công nghiệp"]),
        (EN, {"country": "XX"}, ["XX", "Country or territory"]),
        (EN, {"sector": "<script>"}, ["&lt;script&gt;", "Sector"]),
        (VI, {"status": "open"}, ["open", "Tình trạng"]),
        (EN, {"sort": "salary"}, ["salary", "Sort by"]),
        (VI, {"q": "x" * 300}, ["Tên"]),
    ],
)
def test_bad_filter_values_get_a_clear_message_not_an_error(client, catalogue, base, query, words):
    response = client.get(base, query)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'role="alert"' in html
    for word in words:
        assert word in html
    assert len(names(html)) == 3


def test_a_bad_filter_keeps_the_good_ones(client, catalogue):
    response = client.get(VI, {"zone": "que-vo", "country": "XX"})
    assert response.status_code == 400
    assert set(names(response.content.decode())) == {
        catalogue["dien_tu"].name_vi,
        catalogue["co_khi"].name_vi,
    }


@pytest.mark.parametrize("page", ["2", "999", "abc", "-1"])
def test_pagination_never_fails(client, directory, que_vo, page):
    make_enterprises(45, zone=que_vo)
    response = client.get(VI, {"page": page})
    assert response.status_code == 200
    listed = names(response.content.decode())
    assert len(listed) == (15 if page in {"2", "999", "-1"} else 30)


def test_pagination_links_keep_the_filters(client, directory, que_vo):
    make_enterprises(45, zone=que_vo)
    html = client.get(EN, {"zone": "que-vo", "sort": "-capital"}).content.decode()
    assert "sort=-capital&amp;zone=que-vo&amp;page=2" in html


@pytest.mark.parametrize("base", [VI, EN])
def test_detail_page_in_both_languages(client, catalogue, base):
    enterprise = catalogue["dien_tu"]
    response = client.get(f"{base}{enterprise.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert enterprise.certificate_number in html
    if base == VI:
        assert "<h1>Công ty TNHH Điện Tử Đông Á</h1>" in html
        assert "Hàn Quốc" in html and "Điện tử" in html
    else:
        assert "<h1>Dong A Electronics Co., Ltd.</h1>" in html
        assert "Korea (Republic of)" in html and "Electronics" in html


def test_unknown_enterprise_is_not_found(client, directory):
    assert client.get(f"{VI}999999/").status_code == 404


@pytest.mark.parametrize("size", [30, 300])
def test_filtered_directory_page_runs_a_fixed_number_of_queries(
    client, directory, que_vo, django_assert_max_num_queries, size
):
    """Measured once at each size: the count does not grow with the number of rows."""
    make_enterprises(size, zone=que_vo)
    client.get(VI)  # warm the site-root cache, as on any running site
    # 11 from routing, view restrictions and the menu; 3 here: zone choices, count, rows.
    with django_assert_max_num_queries(14):
        response = client.get(VI, {"zone": "que-vo", "country": "KR", "sort": "-capital"})
    assert response.status_code == 200
    assert len(names(response.content.decode())) == 30


def test_query_count_is_identical_at_30_and_300(client, directory, que_vo):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (30, 270):
        make_enterprises(size, zone=que_vo)
        query = {"zone": "que-vo", "status": "operating", "page": "2"}
        client.get(EN, query)  # the first request after an edit rebuilds per-version data
        with CaptureQueriesContext(connection) as queries:
            client.get(EN, query)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def read_csv(response):
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


def test_csv_export_streams_every_matching_row(client, directory, que_vo, yen_phong):
    make_enterprises(450, zone=que_vo)
    make_enterprises(20, zone=yen_phong)
    response = client.get(f"{VI}export/csv/", {"zone": "que-vo"})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0][:3] == ["certificate_number", "certificate_date", "name_vi"]
    assert len(rows) == 451
    assert {row[4] for row in rows[1:]} == {"que-vo"}


def test_csv_export_of_everything_has_every_row(client, catalogue, que_vo):
    make_enterprises(120, zone=que_vo)
    rows = read_csv(client.get(f"{EN}export/csv/"))
    assert len(rows) == 1 + 123


def test_xlsx_export_opens_with_openpyxl(client, catalogue):
    response = client.get(f"{EN}export/xlsx/", {"status": "operating"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "certificate_number"
    assert len(rows) == 2
    assert rows[1][2] == "Công ty TNHH Điện Tử Đông Á"


def test_directory_page_links_to_exports_of_the_current_filter(client, catalogue):
    html = client.get(VI, {"country": "KR", "page": "1"}).content.decode()
    assert f"{VI}export/csv/?country=KR" in html
    assert f"{VI}export/xlsx/?country=KR" in html


def test_directory_is_in_the_main_menu(client, directory):
    html = client.get("/en/").content.decode()
    assert 'href="/en/enterprises/"' in html
