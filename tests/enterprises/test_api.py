"""The directory's JSON endpoint: the page's filters, clear 400s and bounded pages."""

import json

import pytest

from enterprises.api import MAX_PAGE_SIZE
from tests.discovery.helpers import make_private
from tests.factories import make_enterprise, make_enterprises, make_zone

pytestmark = pytest.mark.django_db

API = "/api/directory/enterprises/"
PAGE = {"vi": "/vi/doanh-nghiep-trong-cac-kcn/", "en": "/en/enterprises/"}


def page_names(client, url):
    """The enterprise names the HTML directory shows, in order."""
    import re

    html = client.get(url).content.decode()
    return [
        re.sub(r"<[^>]+>", "", name).strip()
        for name in re.findall(r'<th scope="row">(.*?)</th>', html, re.S)
    ]


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    "query",
    [
        "",
        "zone=que-vo",
        "country=KR",
        "sector=packaging",
        "status=terminated",
        "q=dien tu",
        "q=ĐIỆN",
        "zone=que-vo&sort=-capital",
        "sort=date",
        "sort=-name",
    ],
)
def test_endpoint_and_page_return_the_same_enterprises(client, catalogue, language, query):
    """The same query string gives the same enterprises, in the same order, on both."""
    body = client.get(f"{API}?{query}&lang={language}").json()
    names = [row["name"] for row in body["results"]]
    assert body["count"] == len(names)
    assert names == page_names(client, f"{PAGE[language]}?{query}")


def test_filters_combine_and_describe_each_enterprise(client, catalogue, que_vo):
    response = client.get(f"{API}?zone=que-vo&country=JP&lang=en")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Language"] == "en"
    body = response.json()
    assert body["filters"] == {"zone": "que-vo", "country": "JP"}
    (row,) = body["results"]
    enterprise = catalogue["co_khi"]
    assert row["id"] == enterprise.pk
    assert row["name"] == "Anh Duong Engineering Co., Ltd."
    assert row["name_vi"] == "Công ty TNHH Cơ Khí Ánh Dương"
    assert row["zone"]["slug"] == "que-vo" and row["zone"]["name"] == "Que Vo Industrial Zone"
    assert row["country_name"] == "Japan" and row["status"] == "terminated"
    assert row["registered_capital_usd"] == "12000000.00"
    assert row["certificate_date"] == "2008-01-15"
    assert row["html_url"] == f"http://testserver/en/enterprises/{enterprise.pk}/"
    assert client.get(row["html_url"]).status_code == 200


def test_vietnamese_is_the_default_language(client, catalogue):
    body = client.get(f"{API}?sector=electronics").json()
    (row,) = body["results"]
    assert row["name"] == "Công ty TNHH Điện Tử Đông Á"
    assert row["country_name"] == "Hàn Quốc"
    assert row["html_url"].startswith("http://testserver/vi/doanh-nghiep-trong-cac-kcn/")


@pytest.mark.parametrize(
    ("query", "field", "fragment"),
    [
        ("country=XX", "country", "unknown value 'XX' for 'country'"),
        ("zone=khong-co", "zone", "unknown value 'khong-co' for 'zone'"),
        ("sector=banking", "sector", "use one of"),
        ("status=closed", "status", "operating"),
        ("sort=size", "sort", "-capital"),
    ],
)
def test_unknown_values_are_a_400_naming_the_parameter(client, catalogue, query, field, fragment):
    response = client.get(f"{API}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert fragment in body["errors"][field]
    assert fragment in body["message"]


def test_unknown_parameters_and_languages_are_refused(client, catalogue):
    response = client.get(f"{API}?colour=red")
    assert response.status_code == 400
    assert "unknown parameter 'colour'" in response.json()["message"]
    response = client.get(f"{API}?lang=fr")
    assert response.status_code == 400
    assert response.json()["message"].startswith("unknown language 'fr'")


def test_a_private_zone_is_neither_a_filter_value_nor_named(client, catalogue, zones_index):
    hidden = make_private(make_zone(zones_index, "KCN Kín", "Closed Zone", slug_vi="kin"))
    tenant = make_enterprise(zone=hidden, name_vi="Công ty TNHH Khách Thuê Kín")
    assert client.get(f"{API}?zone=kin").status_code == 400
    (row,) = client.get(f"{API}?q=khach thue kin").json()["results"]
    assert row["id"] == tenant.pk and row["zone"] is None
    assert "KCN Kín" not in client.get(API).content.decode()


def test_pages_are_bounded_and_linked(client, directory, que_vo):
    make_enterprises(45, zone=que_vo)
    first = client.get(f"{API}?zone=que-vo&page_size=20").json()
    assert (first["count"], first["num_pages"], len(first["results"])) == (45, 3, 20)
    assert first["previous"] is None
    last = client.get(first["next"].replace("http://testserver", "")).json()
    assert last["page"] == 2
    third = client.get(f"{API}?zone=que-vo&page_size=20&page=3").json()
    assert len(third["results"]) == 5 and third["next"] is None
    seen = {row["id"] for page in (first, last, third) for row in page["results"]}
    assert len(seen) == 45
    default = client.get(API).json()
    assert default["page_size"] == 30 and len(default["results"]) == 30
    for query, message in [
        (f"page_size={MAX_PAGE_SIZE + 1}", f"at most {MAX_PAGE_SIZE}"),
        ("page_size=0", "at least 1"),
        ("page=two", "whole number"),
        ("page=4&page_size=20", "past the last page (3)"),
    ]:
        response = client.get(f"{API}?{query}")
        assert response.status_code == 400, query
        assert message in response.json()["message"], query


@pytest.mark.parametrize("language", ["vi", "en"])
def test_query_count_does_not_grow_with_the_page(
    client, directory, que_vo, yen_phong, count_queries, language
):
    url = f"{API}?page_size=100&lang={language}"
    make_enterprises(5, zone=que_vo)
    make_enterprises(5, zone=yen_phong)
    small, body = count_queries(url)
    make_enterprises(40, zone=que_vo)
    make_enterprises(40, zone=yen_phong)
    large, body = count_queries(url)
    assert len(json.loads(body)["results"]) == 90
    assert large <= small


def test_only_get_is_allowed(client, catalogue):
    assert client.post(API).status_code == 405


def test_broken_query_strings_are_refused_as_json_400s_not_errors(client, catalogue, hostile_input):
    parameters = ["zone", "country", "sector", "status", "sort", "q", "page", "page_size", "lang"]
    hostile_input.assert_no_server_error(client, API, parameters)
    for parameter in parameters:
        response = client.get(API, {parameter: hostile_input.text})
        assert response.status_code == (200 if parameter == "q" else 400), parameter
        assert response["Content-Type"] == "application/json", "never read as HTML"
        assert response["X-Content-Type-Options"] == "nosniff"
