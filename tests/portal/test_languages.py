from types import SimpleNamespace

from django.test import RequestFactory
from django.utils import translation

import pytest

from portal.languages import translated
from portal.views import server_error
from tests.factories import make_article, vi_url


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("en-GB,en;q=0.9", "/en/"), ("vi-VN,vi;q=0.9", "/vi/"), ("fr-FR", "/vi/"), ("", "/vi/")],
)
def test_root_redirects_by_accept_language_with_vietnamese_default(
    client, home, accept_language, expected
):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    ("language", "heading"), [("vi", "Không tìm thấy trang"), ("en", "Page not found")]
)
def test_missing_page_gives_a_styled_404_in_the_readers_language(client, home, language, heading):
    response = client.get(f"/{language}/khong-co-trang-nay/")
    assert response.status_code == 404
    body = response.content.decode()
    assert heading in body
    assert f'<html lang="{language}">' in body
    assert "site.css" in body


def test_unknown_language_code_is_a_404_not_an_error(client, home):
    response = client.get("/fr/", follow=True)
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "heading"), [("vi", "Đã có lỗi xảy ra"), ("en", "Something went wrong")]
)
def test_server_error_page_exists_in_both_languages(language, heading):
    request = RequestFactory().get(f"/{language}/tin-tuc/")
    response = server_error(request)
    assert response.status_code == 500
    assert heading in response.content.decode()


def test_every_page_declares_its_language_and_alternates(client, section):
    article = make_article(section, title_vi="Hội nghị thi đua", title_en="Emulation conference")
    vi_body = client.get(vi_url(article)).content.decode()
    assert '<html lang="vi">' in vi_body
    assert 'hreflang="vi" href="http://testserver/vi/tin-tuc-su-kien/hoi-nghi-thi-dua/"' in vi_body
    assert (
        'hreflang="en" href="http://testserver/en/news-and-events/emulation-conference/"' in vi_body
    )
    with translation.override("en"):
        en_url = article.get_url()
    en_body = client.get(en_url).content.decode()
    assert '<html lang="en">' in en_body
    assert "Emulation conference" in en_body


def test_vietnamese_only_page_has_no_english_alternate(client, section):
    article = make_article(section, title_vi="Chỉ có tiếng Việt")
    body = client.get(vi_url(article)).content.decode()
    assert 'hreflang="vi"' in body
    assert 'rel="alternate" hreflang="en"' not in body


@pytest.mark.parametrize("english", ["", None])
def test_translated_gives_the_languages_own_side_and_never_the_other(english):
    """An empty English side stays empty: falling back to Vietnamese is the caller's choice."""
    zone = SimpleNamespace(title_vi="KCN Quế Võ", title_en=english)
    assert translated(zone, "title", "vi") == "KCN Quế Võ"
    assert translated(zone, "title", "en") == ""
    assert translated(SimpleNamespace(title_en="Que Vo"), "title", "en") == "Que Vo"
