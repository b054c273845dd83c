"""One contract, every backend: the database (SQLite or PostgreSQL), osmem-server and,
when ELASTICSEARCH_URL is set, a real cluster. Everything goes through HTTP."""

from django.core.files.base import ContentFile

from wagtail.models import PageViewRestriction

import pytest

from tests.factories import make_article, make_section, paragraph


def api(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(client, **params):
    return [hit["title"] for hit in api(client, **params)["results"]]


def test_the_configured_backend_answers_not_a_fallback(client, archive, search_backend):
    expected = "database" if search_backend == "database" else "elasticsearch"
    assert api(client, q="thi dua")["backend"] == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("thi dua", "Quyết định thành lập cụm thi đua"),
        ("Que Vo", "Khu công nghiệp Quế Võ mở rộng"),
        ("quyet dinh", "Quyết định thành lập cụm thi đua"),
        ("hiệu quả", "Bản tin lưu trữ năm 2009"),
        ("hiéu qua", "Tổng kết công đoàn"),
        ("QUẾ VÕ", "Khu công nghiệp Quế Võ mở rộng"),
    ],
)
def test_folding_finds_text_typed_with_or_without_diacritics(client, archive, query, expected):
    """Case, diacritics and đ never stand between a reader and the text, OCR included."""
    assert expected in titles(client, q=query)


def test_a_query_with_diacritics_ranks_exact_matches_first(client, archive):
    """The 2020 article spelled "thi đua" beats the newer OCR text spelled "thi dua"."""
    found = titles(client, q="hiệu quả")
    assert found.index("Tổng kết công đoàn") < found.index("Bản tin lưu trữ năm 2009")


def test_without_diacritics_the_newer_of_equal_matches_comes_first(client, archive):
    found = titles(client, q="hieu qua")
    assert found.index("Bản tin lưu trữ năm 2009") < found.index("Tổng kết công đoàn")


def test_a_word_in_the_title_outranks_the_same_word_in_a_newer_body(client, archive):
    found = titles(client, q="logistics")
    assert found[:2] == ["Logistics cho các khu công nghiệp", "Hạ tầng giao thông"]


def test_sorting_by_date_puts_the_newest_first(client, archive):
    found = titles(client, q="logistics", sort="date")
    assert found[:2] == ["Hạ tầng giao thông", "Logistics cho các khu công nghiệp"]


def test_facets_count_types_years_and_sections_and_combine(client, archive):
    data = api(client, q="thi dua")
    years = {item["value"]: item["count"] for item in data["facets"]["year"]}
    assert years == {2020: 1, 2021: 1, 2022: 1, 2023: 1}
    assert data["facets"]["type"] == [{"value": "article", "count": 4}]
    assert data["facets"]["section"] == [{"value": "Tin tức - Sự kiện", "count": 4}]
    narrowed = api(client, q="thi dua", year=["2021", "2022"])
    assert narrowed["total"] == 2
    assert {hit["date"][:4] for hit in narrowed["results"]} == {"2021", "2022"}
    narrowed_years = {item["value"] for item in narrowed["facets"]["year"]}
    assert narrowed_years == {2020, 2021, 2022, 2023}, "a facet's own choice keeps its siblings"
    assert api(client, q="thi dua", year="2021", type="article")["total"] == 1
    assert api(client, q="thi dua", zone="Nowhere")["total"] == 0


def test_snippets_and_titles_mark_the_original_words(client, archive):
    hit = api(client, q="que vo")["results"][0]
    assert "<mark>Quế</mark> <mark>Võ</mark>" in hit["title_html"]
    assert "<mark>Quế</mark> <mark>Võ</mark>" in hit["snippet"]


def test_snippets_escape_the_text_around_the_marks(client, section, search_backend):
    make_article(section, title_vi="Mã độc", body_vi=paragraph("&lt;script&gt;thi đua"))
    hit = api(client, q="thi dua")["results"][0]
    assert "<script>" not in hit["snippet"]


def test_suggestions_complete_titles_as_the_reader_types(client, archive):
    response = client.get("/api/search/suggest/", {"q": "que v", "lang": "vi"})
    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    assert suggestions[0]["title"] == "Khu công nghiệp Quế Võ mở rộng"
    assert suggestions[0]["url"].startswith("/vi/")


def test_a_document_number_in_any_spelling_puts_that_document_first(client, archive, document_kind):
    for title in ("47/QĐ-BQL Thành lập các Cụm thi đua", "48/QĐ-BQL Quy chế Cụm thi đua"):
        document_kind.objects.create(title=title, file=ContentFile(b"%PDF", name="d.pdf"))
    for spelling in ("47/QĐ-BQL", "47/qd-bql", "47 QD BQL"):
        results = api(client, q=spelling)["results"]
        assert results[0]["title"] == "Thành lập các Cụm thi đua", spelling
        assert results[0]["type"] == "document"
    suggestions = client.get("/api/search/suggest/", {"q": "47/Q"}).json()["suggestions"]
    assert "Thành lập các Cụm thi đua" in suggestions[0]["title"]


def test_each_language_searches_its_own_text_and_can_include_the_other(client, archive):
    english = titles(client, q="industrial zone", lang="en")
    assert english == ["Que Vo industrial zone expands"]
    assert titles(client, q="cong nghiep", lang="en") == []
    both = api(client, q="logistics", lang="all")["results"]
    assert {hit["language"] for hit in both} == {"vi", "en"}


def test_the_english_page_shows_english_results_with_english_urls(client, archive):
    response = client.get("/en/search/", {"q": "que vo"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>Que</mark> <mark>Vo</mark> industrial zone expands" in html
    assert 'href="/en/' in html
    assert "Khu công nghiệp Quế Võ" not in html


def test_drafts_never_appear(client, section, search_backend):
    draft = make_article(section, title_vi="Bản nháp thi đua bí mật")
    draft.title_vi = "Bản nháp thi đua bí mật sửa lại"
    draft.save_revision()
    assert titles(client, q="sua lai") == []
    draft.unpublish()
    assert titles(client, q="bi mat") == []


def test_private_pages_never_appear_and_return_when_public(client, section, search_backend):
    article = make_article(section, title_vi="Báo cáo nội bộ thi đua")
    assert titles(client, q="noi bo") == ["Báo cáo nội bộ thi đua"]
    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert titles(client, q="noi bo") == []
    restriction.delete()
    assert titles(client, q="noi bo") == [article.title]


def test_deleting_and_moving_pages_update_the_index(client, home, section, search_backend):
    moving = make_article(section, title_vi="Bài sẽ chuyển mục")
    leaving = make_article(section, title_vi="Bài sẽ bị xoá")
    other = make_section(home, title_vi="Doanh nghiệp", title_en="Enterprises")
    moving.move(other, pos="last-child")
    hit = api(client, q="chuyen muc")["results"][0]
    assert hit["url"].startswith(other.url) and hit["section"] == "Doanh nghiệp"
    leaving.delete()
    assert titles(client, q="bi xoa") == []


def test_an_english_translation_added_later_becomes_searchable(client, section, search_backend):
    article = make_article(section, title_vi="Hội nghị nhà đầu tư")
    assert titles(client, q="investor", lang="en") == []
    article.title_en = "Investor conference"
    article.body_en = paragraph("Investors met in Bac Ninh.")
    article.save_revision().publish()
    assert titles(client, q="investor", lang="en") == ["Investor conference"]


BAD_INPUTS = [
    {"q": ""},
    {"q": '"thi đua'},
    {"q": "*"},
    {"q": "thi OR dua"},
    {"q": "(thi dua"},
    {"q": "thi) dua]"},
    {"q": "NEAR(thi dua)"},
    {"q": "-"},
    {"q": "thi dua", "zone": "không có"},
    {"q": "thi dua", "page": "99"},
]


@pytest.mark.parametrize("params", BAD_INPUTS)
def test_odd_input_gives_sensible_results_not_errors(client, archive, params):
    for url in ("/api/search/", "/vi/search/", "/en/search/"):
        assert client.get(url, params).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"q": "thi dua", "page": "-1"},
        {"q": "thi dua", "page": "99999"},
        {"q": "thi dua", "page": "abc"},
        {"q": "thi dua", "type": "spaceship"},
        {"q": "thi dua", "year": "20x2"},
        {"q": "thi dua", "lang": "fr"},
        {"q": "thi dua", "sort": "random"},
    ],
)
def test_impossible_requests_get_a_400_with_a_clear_message(client, archive, params):
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    assert response.json()["error"]
    page = client.get("/vi/search/", params)
    assert page.status_code == 400
    assert 'role="alert"' in page.content.decode()
