"""The search page and the header box as a reader meets them (database backend)."""

import json
import re
from itertools import count

import pytest

from tests.factories import make_article, paragraph

_numbers = count(1)


@pytest.fixture
def database_backend(settings):
    settings.SEARCH_BACKEND = "database"


def _articles(section, count, start=0):
    for number in range(start, start + count):
        make_article(
            section,
            title_vi=f"Thi đua sản xuất đợt {number}",
            body_vi=paragraph(f"Công nhân khu công nghiệp Quế Võ thi đua lần {number}."),
            published=(2018 + number % 5, 1 + number % 12, 1),
        )


def test_the_header_box_offers_suggestions_and_works_without_javascript(client, home):
    html = client.get("/vi/").content.decode()
    form = re.search(r'<form class="site-search".*?</form>', html, re.S).group(0)
    assert 'action="/vi/search/"' in form and 'method="get"' in form
    assert 'data-suggest-url="/api/search/suggest/"' in form
    assert 'list="site-search-suggestions"' in form and "<datalist" in form
    assert "js/search-suggest.js" in form


def test_each_result_shows_type_date_language_section_and_snippet(
    client, section, database_backend
):
    _articles(section, 1)
    html = client.get("/vi/search/", {"q": "que vo"}).content.decode()
    result = re.search(r'<li class="search-result".*?</li>', html, re.S).group(0)
    assert 'lang="vi"' in result
    assert "Article" in result or "Bài viết" in result
    assert 'datetime="2018-01-01' in result
    assert "Tin tức - Sự kiện" in result
    assert "<mark>Quế</mark> <mark>Võ</mark>" in result


def test_facet_links_and_pages_keep_the_query_so_urls_can_be_shared(
    client, section, database_backend
):
    _articles(section, 12)
    html = client.get("/vi/search/", {"q": "thi dua"}).content.decode()
    assert "?page=2&amp;q=thi+dua" in html or "q=thi+dua&amp;page=2" in html
    assert "?q=thi+dua&amp;year=2018" in html
    narrowed = client.get("/vi/search/", {"q": "thi dua", "year": "2018"}).content.decode()
    assert narrowed.count('class="search-result"') == 3
    assert 'aria-current="true">✓ 2018' in narrowed
    second = client.get("/vi/search/", {"q": "thi dua", "page": "2"}).content.decode()
    assert second.count('class="search-result"') == 2


def _bilingual_articles(section, how_many):
    for _number in range(how_many):
        number = next(_numbers)
        make_article(
            section,
            title_vi=f"Thi đua sản xuất đợt {number}",
            title_en=f"Production emulation round {number}",
            body_vi=paragraph("Công nhân khu công nghiệp thi đua."),
            body_en=paragraph("Workers of the zone compete."),
            published=(2018 + number % 5, 1, 1),
        )


SEARCHES = {
    "vi page": "/vi/search/?q=thi+đua",
    "en page": "/en/search/?q=emulation",
    "vi api": "/api/search/?q=thi+đua&lang=vi",
    "en api": "/api/search/?q=emulation&lang=en",
    "vi suggestions": "/api/search/suggest/?q=thi+đua&lang=vi",
    "en suggestions": "/api/search/suggest/?q=produc&lang=en",
}


@pytest.mark.parametrize("search", SEARCHES)
def test_query_count_does_not_grow_with_the_results(
    section, database_backend, count_queries, search
):
    """The search page, its JSON API and the suggestions, in both languages: two matches
    cost as many queries as twelve (ten to a page)."""
    url = SEARCHES[search]
    _bilingual_articles(section, 2)
    small, text = count_queries(url)
    _bilingual_articles(section, 10)
    large, text = count_queries(url)
    if "suggest" in url:
        assert len(json.loads(text)["suggestions"]) >= 2
    elif "api" in url:
        assert len(json.loads(text)["results"]) == 10
    else:
        assert text.count('class="search-result"') == 10
    assert large <= small


SEARCH_PARAMETERS = ["q", "type", "year", "zone", "section", "sort", "lang", "page"]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_markup_in_the_query_and_every_facet_is_shown_only_as_text(
    client, section, database_backend, hostile_input, language
):
    _bilingual_articles(section, 3)
    url = f"/{language}/search/"
    hostile_input.assert_echoed_escaped(client.get(url, {"q": hostile_input.text}))
    for parameter in SEARCH_PARAMETERS[1:]:
        response = client.get(url, {"q": "thi đua", parameter: hostile_input.text})
        hostile_input.assert_inert(response)
    everything = dict.fromkeys(SEARCH_PARAMETERS[1:], hostile_input.text)
    hostile_input.assert_inert(client.get(url, {"q": "thi đua", **everything}))


@pytest.mark.parametrize(
    "url", ["/vi/search/?q=thi+dua", "/en/search/?q=emulation", "/api/search/?q=thi+dua"]
)
def test_broken_search_query_strings_never_cause_a_server_error(
    client, section, database_backend, hostile_input, url
):
    _bilingual_articles(section, 3)
    hostile_input.assert_no_server_error(client, url, SEARCH_PARAMETERS)
    hostile_input.assert_no_server_error(client, "/api/search/suggest/", ["q", "lang"])
