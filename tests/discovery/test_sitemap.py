from datetime import datetime
from pathlib import Path

from django.db.models import Max

from wagtail.models import Page

import pytest
from lxml import etree

from news.models import SectionPage, Topic
from tests.discovery.helpers import make_draft_article, make_private, queries_for
from tests.factories import en_url, make_article, make_section, vi_url

SCHEMAS = Path(__file__).resolve().parents[2] / "discovery" / "schemas"
URLSET_SCHEMA = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap.xsd")))
INDEX_SCHEMA = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemapindex.xsd")))
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
HOST = "http://testserver"


def valid_xml(client, url, schema):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    tree = etree.fromstring(response.content)
    assert schema.validate(tree), (url, schema.error_log)
    return tree


def sitemap_index(client):
    """(location, lastmod) of each file /sitemap.xml lists, checked against the index schema."""
    tree = valid_xml(client, "/sitemap.xml", INDEX_SCHEMA)
    return [
        (entry.findtext("s:loc", namespaces=NS), entry.findtext("s:lastmod", namespaces=NS))
        for entry in tree.findall("s:sitemap", NS)
    ]


def sitemap_files(client):
    """Every file the index lists, fetched and checked against the sitemap schema."""
    return [
        (location, valid_xml(client, location, URLSET_SCHEMA))
        for location, _lastmod in sitemap_index(client)
    ]


def entries(tree):
    """{location: {hreflang: href}} for the <url> entries of one file."""
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in tree.findall("s:url", NS)
    }


def sitemap_entries(client):
    """The entries of every file reached from the index, each of which must appear only once."""
    found = {}
    for location, tree in sitemap_files(client):
        locations = [url.findtext("s:loc", namespaces=NS) for url in tree.findall("s:url", NS)]
        repeated = [loc for loc in locations if loc in found or locations.count(loc) > 1]
        assert not repeated, (location, repeated)
        found.update(entries(tree))
    return found


def items_in(tree):
    """How many pages (or other items) one file lists: an item's entries share alternates."""
    return len({frozenset(alternates.items()) for alternates in entries(tree).values()})


@pytest.mark.django_db
def test_index_and_every_section_file_validate_against_their_schemas(client, section):
    make_article(section, title_en="Zones export more")
    make_article(section)
    files = sitemap_files(client)
    assert [location for location, _tree in files] == [f"{HOST}/sitemap-pages.xml"]


@pytest.mark.django_db
def test_index_gives_each_section_the_date_its_newest_entry_changed(client, home, section):
    make_article(section, title_en="Older")
    newest = make_article(section, title_en="Newest")
    newest.topics.add(Topic.objects.create(name_vi="Đầu tư", name_en="Investment", slug="dau-tu"))
    newest.save_revision().publish()
    newest.refresh_from_db()
    lastmods = dict(sitemap_index(client))
    pages = Page.objects.live().descendant_of(home, inclusive=True)
    assert (
        datetime.fromisoformat(lastmods[f"{HOST}/sitemap-pages.xml"])
        == (pages.aggregate(newest=Max("last_published_at"))["newest"])
    )
    assert datetime.fromisoformat(lastmods[f"{HOST}/sitemap-topics.xml"]) == (
        newest.last_published_at
    )


@pytest.mark.django_db
def test_sections_without_entries_are_left_out_of_the_index(client, section):
    make_article(section)
    locations = [location for location, _lastmod in sitemap_index(client)]
    assert locations == [f"{HOST}/sitemap-pages.xml"]
    for empty in ("topics", "enterprises", "documents", "honour_rolls"):
        response = client.get(f"/sitemap-{empty}.xml")
        assert response.status_code == 200
        assert not etree.fromstring(response.content).findall("s:url", NS)


@pytest.mark.django_db
def test_translated_pages_are_listed_in_both_languages_with_alternates(client, section):
    article = make_article(section, title_vi="Xuất khẩu tăng", title_en="Exports rise")
    found = sitemap_entries(client)
    vi = f"{HOST}/vi/tin-tuc-su-kien/{article.slug_vi}/"
    en = f"{HOST}/en/news-and-events/{article.slug_en}/"
    assert found[vi] == {"vi": vi, "en": en}
    assert found[en] == {"vi": vi, "en": en}
    assert f"{HOST}/vi/" in found and f"{HOST}/en/" in found


@pytest.mark.django_db
def test_untranslated_pages_have_only_a_vietnamese_entry(client, section):
    article = make_article(section, title_vi="Chỉ có tiếng Việt")
    found = sitemap_entries(client)
    vi = f"{HOST}/vi/tin-tuc-su-kien/{article.slug_vi}/"
    assert found[vi] == {"vi": vi}
    assert not [loc for loc in found if article.slug_vi in loc and "/en/" in loc]


@pytest.mark.django_db
def test_every_entry_has_the_date_it_was_last_published(client, section):
    make_article(section, title_en="Dated")
    dates = [
        url.findtext("s:lastmod", namespaces=NS)
        for _location, tree in sitemap_files(client)
        for url in tree.findall("s:url", NS)
    ]
    assert dates and all(dates)


@pytest.mark.django_db
def test_drafts_and_private_pages_never_appear_in_any_sitemap_file(client, home, section):
    draft = make_draft_article(section)
    private = make_private(make_article(section, title_vi="Bài nội bộ", title_en="Internal"))
    private_section = make_private(make_section(home, "Chuyên mục nội bộ", "Internal section"))
    hidden_child = make_article(private_section, title_vi="Con của mục nội bộ", title_en="Child")
    bodies = [client.get(location).content.decode() for location, _lastmod in sitemap_index(client)]
    assert bodies
    for page in (draft, private, private_section, hidden_child):
        for body in bodies:
            assert page.slug_vi not in body
            assert page.slug_en not in body


@pytest.mark.django_db
def test_page_types_that_opt_out_are_left_out_but_their_children_are_listed(
    client, section, monkeypatch
):
    article = make_article(section, title_vi="Vẫn có trong sitemap", title_en="Still listed")
    monkeypatch.setattr(SectionPage, "exclude_from_sitemap", True, raising=False)
    found = sitemap_entries(client)
    assert HOST + vi_url(section) not in found
    assert HOST + en_url(section) not in found
    assert HOST + vi_url(article) in found and HOST + en_url(article) in found


@pytest.mark.django_db
def test_a_site_with_more_pages_than_a_file_holds_is_split_without_loss_or_repeats(
    client, section, settings
):
    for number in range(8):
        make_article(section, title_en=f"Split across files {number}" if number % 2 else None)
    whole = sitemap_entries(client)
    settings.SITEMAP_PAGE_SIZE = 3
    page_files = [
        (location, tree)
        for location, tree in sitemap_files(client)
        if location.startswith(f"{HOST}/sitemap-pages.xml")
    ]
    assert [location for location, _tree in page_files] == [
        f"{HOST}/sitemap-pages.xml",
        f"{HOST}/sitemap-pages.xml?p=2",
        f"{HOST}/sitemap-pages.xml?p=3",
        f"{HOST}/sitemap-pages.xml?p=4",
    ]
    assert [items_in(tree) for _location, tree in page_files] == [3, 3, 3, 1]
    assert sitemap_entries(client) == whole


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    [
        "/sitemap-pages.xml?p=2",
        "/sitemap-pages.xml?p=0",
        "/sitemap-pages.xml?p=-1",
        "/sitemap-pages.xml?p=",
        "/sitemap-pages.xml?p=x",
        "/sitemap-pages.xml?p=1.0",
        "/sitemap-pages.xml?p=01",
        "/sitemap-pages.xml?p=%D9%A1",
        "/sitemap-pages.xml?p=99999999999999999999999999",
        "/sitemap-nothing.xml",
    ],
)
def test_a_file_that_does_not_exist_is_not_found(client, section, address):
    make_article(section)
    assert client.get(address).status_code == 404


@pytest.mark.django_db
def test_index_and_files_may_be_cached_for_a_quarter_of_an_hour(client, section):
    make_article(section)
    for address in ("/sitemap.xml", "/sitemap-pages.xml"):
        cache_control = client.get(address)["Cache-Control"]
        assert set(cache_control.split(", ")) == {"max-age=900", "public"}


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_admin_and_search(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /vi/search/" in lines and "Disallow: /en/search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def sitemap_queries(client, address):
    client.get(address)  # the first request after an edit rebuilds per-version data
    return queries_for(lambda: client.get(address))


@pytest.mark.django_db
def test_sitemap_query_counts_do_not_grow_with_the_number_of_pages(client, section, settings):
    settings.SITEMAP_PAGE_SIZE = 4
    for number in range(4):
        make_article(section, title_en=f"Some English {number}")
    small = [
        sitemap_queries(client, address) for address in ("/sitemap.xml", "/sitemap-pages.xml?p=2")
    ]
    for number in range(12):
        make_article(section, title_en=f"More English {number}")
    large = [
        sitemap_queries(client, address) for address in ("/sitemap.xml", "/sitemap-pages.xml?p=2")
    ]
    assert 0 < large[0] <= small[0]
    assert 0 < large[1] <= small[1]
    assert len(sitemap_index(client)) == 5


@pytest.mark.django_db
def test_topic_archives_with_articles_are_listed_in_their_languages(client, section):
    both = Topic.objects.create(name_vi="Xuất khẩu", name_en="Exports", slug="xuat-khau")
    vietnamese_only = Topic.objects.create(name_vi="Công đoàn", name_en="Unions", slug="cong-doan")
    Topic.objects.create(name_vi="Trống", name_en="Empty", slug="trong")
    translated = make_article(section, title_vi="Có bản dịch", title_en="Translated")
    translated.topics.add(both)
    translated.save_revision().publish()
    untranslated = make_article(section, title_vi="Chưa dịch")
    untranslated.topics.add(vietnamese_only)
    untranslated.save_revision().publish()
    found = sitemap_entries(client)
    assert found[f"{HOST}/vi/topic/xuat-khau/"] == {
        "vi": f"{HOST}/vi/topic/xuat-khau/",
        "en": f"{HOST}/en/topic/xuat-khau/",
    }
    assert f"{HOST}/en/topic/xuat-khau/" in found
    assert found[f"{HOST}/vi/topic/cong-doan/"] == {"vi": f"{HOST}/vi/topic/cong-doan/"}
    assert f"{HOST}/en/topic/cong-doan/" not in found
    assert not [loc for loc in found if "/topic/trong/" in loc]
