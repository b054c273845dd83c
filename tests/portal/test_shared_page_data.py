"""What every page reads once per content version (the menu, the site, child slugs, private
sections, site root paths) follows an edit on the very next request, in both languages."""

import pytest

from news.models import ArticlePage
from portal.languages import page_url_in
from tests.discovery.helpers import make_private
from tests.factories import make_article, make_section


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_new_menu_section_shows_on_the_next_page_view(client, home, section, language):
    client.get(f"/{language}/")
    added = make_section(home, title_vi="Đầu tư - Phát triển", title_en="Investment")
    response = client.get(f"/{language}/")
    assert f'href="{page_url_in(added, language)}"' in response.content.decode()


def test_a_section_made_private_leaves_listings_and_menu_at_once(client, home, section):
    article = make_article(section, title_vi="Bài trong mục sắp đóng")
    assert article.title_vi in client.get("/vi/").content.decode()
    make_private(section)
    home_page = client.get("/vi/").content.decode()
    assert article.title_vi not in home_page
    assert f'href="{page_url_in(section, "vi")}"' not in home_page
    assert client.get(page_url_in(article, "vi")).status_code == 200
    assert "bi-mat" not in client.get(page_url_in(article, "vi")).content.decode()
    assert "password" in client.get(page_url_in(article, "vi")).content.decode().lower()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_renamed_article_answers_at_its_new_address_at_once(client, section, language):
    article = make_article(section, title_vi="Tên cũ", title_en="Old name")
    old_url = page_url_in(article, language)
    assert client.get(old_url).status_code == 200
    setattr(article, f"slug_{language}", "ten-moi-new-name")
    article.save_revision().publish()
    new_url = page_url_in(ArticlePage.objects.get(pk=article.pk), language)
    assert new_url.endswith("/ten-moi-new-name/")
    assert client.get(new_url).status_code == 200
    assert client.get(old_url).status_code in (301, 302, 404)


def test_an_unpublished_article_is_gone_on_the_next_request(client, section):
    article = make_article(section)
    url = page_url_in(article, "vi")
    assert client.get(url).status_code == 200
    article.unpublish()
    assert client.get(url).status_code == 404


def test_a_renamed_section_changes_its_articles_addresses_at_once(client, home, section):
    article = make_article(section, title_en="Story")
    client.get(page_url_in(article, "en"))
    section.slug_en = "news-renamed"
    section.save_revision().publish()
    response = client.get("/en/news-renamed/")
    assert response.status_code == 200
    assert "/en/news-renamed/" in client.get(page_url_in(article, "en")).content.decode()
