"""The contract, continued: every public content type, on every backend (the database on
SQLite or PostgreSQL, osmem-server, a real cluster when ELASTICSEARCH_URL is set)."""

import pytest

from portal.languages import page_url_in


def api(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def first(client, **params):
    results = api(client, **params)["results"]
    assert results, params
    return results[0]


def facet(data, name):
    return {item["value"]: item["count"] for item in data["facets"][name]}


def test_a_zone_typed_without_diacritics_comes_first_as_a_zone(client, portal_archive):
    hit = first(client, q="Que Vo")
    assert (hit["title"], hit["type"]) == ("KCN Quế Võ", "zone")
    assert hit["url"] == page_url_in(portal_archive["que_vo"], "vi")
    assert hit["zones"] == ["KCN Quế Võ"]
    english = first(client, q="que vo", lang="en")
    assert (english["title"], english["type"]) == ("Que Vo Industrial Zone", "zone")
    assert english["url"].startswith("/en/")


def test_a_cluster_is_found_and_counted_under_each_member_zone(client, portal_archive):
    hit = first(client, q="cum thi dua so 3")
    assert (hit["title"], hit["type"]) == ("Cụm thi đua số 3", "cluster")
    assert set(hit["zones"]) == {"KCN Quế Võ", "KCN Yên Phong"}
    in_yen_phong = api(client, q="thi dua", zone="KCN Yên Phong")
    assert {hit["type"] for hit in in_yen_phong["results"]} == {"cluster", "article"}


def test_an_enterprise_is_found_by_its_name_without_diacritics(client, portal_archive):
    enterprise = portal_archive["enterprise"]
    directory = portal_archive["directory"]
    hit = first(client, q="dien tu dai dong")
    assert (hit["title"], hit["type"]) == ("Công ty TNHH Điện tử Đại Đồng", "enterprise")
    assert hit["url"] == f"{page_url_in(directory, 'vi')}{enterprise.pk}/"
    assert hit["zones"] == ["KCN Quế Võ"] and hit["date"] == "2019-04-02"
    assert client.get(hit["url"]).status_code == 200
    english = first(client, q="Dai Dong Electronics", lang="en")
    assert english["url"] == f"{page_url_in(directory, 'en')}{enterprise.pk}/"
    assert english["zones"] == ["Que Vo Industrial Zone"]


def test_an_enterprise_whose_project_terminated_is_left_out(client, portal_archive):
    assert api(client, q="giai the hung vuong")["results"] == []


@pytest.mark.parametrize(
    ("spelling", "number"),
    [
        ("34 ct tw", "34-CT/TW"),
        ("34-CT/TW", "34-CT/TW"),
        ("47/QD-BQL", "47/QĐ-BQL"),
        ("47 qđ bql", "47/QĐ-BQL"),
    ],
)
def test_a_document_number_in_any_spelling_puts_the_registry_entry_first(
    client, portal_archive, spelling, number
):
    """The article citing 47/QĐ-BQL in its title and body comes after the document."""
    results = api(client, q=spelling)["results"]
    top = results[0]
    assert (top["type"], top["document_number"]) == ("document", number)
    document = portal_archive["directive" if number.startswith("34") else "decision"]
    assert top["url"] == f"{page_url_in(portal_archive['registry'], 'vi')}{document.slug}/"
    assert client.get(top["url"]).status_code == 200
    if number.startswith("47"):
        assert "article" in {hit["type"] for hit in results[1:]}


def test_a_document_number_suggests_the_registry_entry(client, portal_archive):
    response = client.get("/api/search/suggest/", {"q": "47/qd", "lang": "vi"})
    suggestion = response.json()["suggestions"][0]
    assert suggestion["type"] == "document" and suggestion["title"].startswith("47/QĐ-BQL")


def test_documents_are_found_in_english_by_their_english_subject(client, portal_archive):
    hit = first(client, q="emulation commendation work", lang="en")
    assert (hit["type"], hit["document_number"]) == ("document", "34-CT/TW")
    assert hit["url"].startswith("/en/")


@pytest.mark.parametrize(
    ("language", "query", "title"),
    [
        ("vi", "nguoi tho gioi", "Chị Nguyễn Thị Hường: người thợ giỏi"),
        ("en", "skilled worker", "Nguyen Thi Huong: a skilled worker"),
    ],
)
def test_a_profile_is_found_in_both_languages_with_its_zone(
    client, portal_archive, language, query, title
):
    hit = first(client, q=query, lang=language)
    assert (hit["title"], hit["type"], hit["language"]) == (title, "profile", language)
    assert hit["url"] == page_url_in(portal_archive["profile"], language)
    assert hit["zones"] == ["KCN Quế Võ" if language == "vi" else "Que Vo Industrial Zone"]
    assert hit["date"] == "2018-05-28", "dated by the decision that conferred the award"


@pytest.mark.parametrize(
    ("language", "query", "title"),
    [
        ("vi", "tong ket phong trao thi dua 2020", "Hội nghị tổng kết phong trào thi đua năm 2020"),
        ("en", "review conference emulation", "Review conference of the 2020 emulation movement"),
    ],
)
def test_a_report_is_found_in_both_languages(client, portal_archive, language, query, title):
    hit = first(client, q=query, lang=language)
    assert (hit["title"], hit["type"], hit["date"]) == (title, "report", "2021-01-15")
    assert hit["url"] == page_url_in(portal_archive["report"], language)
    assert hit["section"] == ("Báo cáo hội nghị" if language == "vi" else "Conference reports")


def test_facets_count_every_kind_and_zone_and_combine(client, portal_archive):
    data = api(client, q="thi dua")
    assert facet(data, "type") == {
        "article": 1,
        "cluster": 1,
        "document": 3,
        "profile": 1,
        "report": 1,
    }
    assert facet(data, "zone") == {"KCN Quế Võ": 3, "KCN Yên Phong": 2}
    in_que_vo = api(client, q="thi dua", zone="KCN Quế Võ")
    assert {hit["type"] for hit in in_que_vo["results"]} == {"article", "cluster", "profile"}
    assert facet(in_que_vo, "type") == {"article": 1, "cluster": 1, "profile": 1}
    assert facet(in_que_vo, "zone") == facet(data, "zone"), "a facet keeps its siblings"
    both = api(client, q="thi dua", zone=["KCN Quế Võ", "KCN Yên Phong"], type="cluster")
    assert [hit["type"] for hit in both["results"]] == ["cluster"]
    everything_in_que_vo = api(client, q="que vo")
    assert {"zone", "enterprise", "article", "profile"} <= set(facet(everything_in_que_vo, "type"))
    documents_2018 = api(client, q="thi dua", type="document", year="2018")
    assert {hit["document_number"] for hit in documents_2018["results"]} == {
        "47/QĐ-BQL",
        "48/QĐ-BQL",
    }


def test_the_search_page_shows_each_kind_with_its_label_in_english(client, portal_archive):
    response = client.get("/en/search/", {"q": "que vo"})
    html = response.content.decode()
    assert response.status_code == 200
    for label in ("Industrial zone", "Enterprise", "Profile"):
        assert label in html
    assert "KCN Quế Võ" not in html


def test_suggestions_complete_zone_and_enterprise_names(client, portal_archive):
    def suggested(text, language="vi"):
        response = client.get("/api/search/suggest/", {"q": text, "lang": language})
        return [(item["title"], item["type"]) for item in response.json()["suggestions"]]

    assert ("KCN Quế Võ", "zone") in suggested("kcn que v")
    assert ("Công ty TNHH Điện tử Đại Đồng", "enterprise") in suggested("dien tu dai d")
    assert ("Que Vo Industrial Zone", "zone") in suggested("que vo ind", "en")


def test_unpublished_and_private_pages_of_every_kind_never_appear(client, portal_archive):
    from wagtail.models import PageViewRestriction

    portal_archive["report"].unpublish()
    assert api(client, q="tong ket phong trao")["results"] == []
    PageViewRestriction.objects.create(
        page=portal_archive["registry"], restriction_type=PageViewRestriction.LOGIN
    )
    assert [hit["type"] for hit in api(client, q="34 ct tw")["results"]] == []
    portal_archive["directory"].unpublish()
    assert api(client, q="dien tu dai dong")["results"] == []
    portal_archive["profile"].unpublish()
    assert api(client, q="nguoi tho gioi")["results"] == []
