from pathlib import Path

import pytest
from lxml import etree

from tests.discovery.helpers import make_draft_article, make_private, queries_for
from tests.factories import make_article, make_section

SCHEMA = Path(__file__).resolve().parents[2] / "discovery" / "schemas" / "sitemap.xsd"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_tree(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def entries(tree):
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in tree.findall("s:url", NS)
    }


@pytest.mark.django_db
def test_sitemap_validates_against_the_sitemap_schema(client, section):
    make_article(section, title_en="Zones export more")
    make_article(section)
    tree = sitemap_tree(client)
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(tree), schema.error_log


@pytest.mark.django_db
def test_translated_pages_are_listed_in_both_languages_with_alternates(client, section):
    article = make_article(section, title_vi="Xuất khẩu tăng", title_en="Exports rise")
    found = entries(sitemap_tree(client))
    vi = f"http://testserver/vi/tin-tuc-su-kien/{article.slug_vi}/"
    en = f"http://testserver/en/news-and-events/{article.slug_en}/"
    assert found[vi] == {"vi": vi, "en": en}
    assert found[en] == {"vi": vi, "en": en}
    assert "http://testserver/vi/" in found and "http://testserver/en/" in found


@pytest.mark.django_db
def test_untranslated_pages_have_only_a_vietnamese_entry(client, section):
    article = make_article(section, title_vi="Chỉ có tiếng Việt")
    found = entries(sitemap_tree(client))
    vi = f"http://testserver/vi/tin-tuc-su-kien/{article.slug_vi}/"
    assert found[vi] == {"vi": vi}
    assert not [loc for loc in found if article.slug_vi in loc and "/en/" in loc]


@pytest.mark.django_db
def test_every_entry_has_the_date_it_was_last_published(client, section):
    make_article(section, title_en="Dated")
    tree = sitemap_tree(client)
    dates = [url.findtext("s:lastmod", namespaces=NS) for url in tree.findall("s:url", NS)]
    assert dates and all(dates)


@pytest.mark.django_db
def test_drafts_and_private_pages_never_appear_in_the_sitemap(client, home, section):
    draft = make_draft_article(section)
    private = make_private(make_article(section, title_vi="Bài nội bộ", title_en="Internal"))
    private_section = make_private(make_section(home, "Chuyên mục nội bộ", "Internal section"))
    hidden_child = make_article(private_section, title_vi="Con của mục nội bộ", title_en="Child")
    body = client.get("/sitemap.xml").content.decode()
    for page in (draft, private, private_section, hidden_child):
        assert page.slug_vi not in body
        assert page.slug_en not in body


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_admin_and_search(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /vi/search/" in lines and "Disallow: /en/search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.django_db
def test_sitemap_query_count_does_not_grow_with_the_number_of_pages(client, section):
    for number in range(3):
        make_article(section, title_en=f"Some English {number}")
    small = queries_for(lambda: client.get("/sitemap.xml"))
    for number in range(12):
        make_article(section, title_en=f"More English {number}")
    assert 0 < queries_for(lambda: client.get("/sitemap.xml")) <= small


@pytest.mark.django_db
def test_topic_archives_with_articles_are_listed_in_their_languages(client, section):
    from news.models import Topic

    both = Topic.objects.create(name_vi="Xuất khẩu", name_en="Exports", slug="xuat-khau")
    vietnamese_only = Topic.objects.create(name_vi="Công đoàn", name_en="Unions", slug="cong-doan")
    Topic.objects.create(name_vi="Trống", name_en="Empty", slug="trong")
    translated = make_article(section, title_vi="Có bản dịch", title_en="Translated")
    translated.topics.add(both)
    translated.save_revision().publish()
    untranslated = make_article(section, title_vi="Chưa dịch")
    untranslated.topics.add(vietnamese_only)
    untranslated.save_revision().publish()
    found = entries(sitemap_tree(client))
    assert found["http://testserver/vi/topic/xuat-khau/"] == {
        "vi": "http://testserver/vi/topic/xuat-khau/",
        "en": "http://testserver/en/topic/xuat-khau/",
    }
    assert "http://testserver/en/topic/xuat-khau/" in found
    assert found["http://testserver/vi/topic/cong-doan/"] == {
        "vi": "http://testserver/vi/topic/cong-doan/"
    }
    assert "http://testserver/en/topic/cong-doan/" not in found
    assert not [loc for loc in found if "/topic/trong/" in loc]
