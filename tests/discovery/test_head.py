import json
import re
from html.parser import HTMLParser

import pytest

from tests.discovery.helpers import queries_for
from tests.factories import make_article, make_image


class HeadParser(HTMLParser):
    """Collects <meta>, <link> and JSON-LD from a page's <head>."""

    def __init__(self):
        super().__init__()
        self.meta, self.links, self.json_ld = {}, [], []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta":
            key = attributes.get("property") or attributes.get("name")
            if key:
                self.meta.setdefault(key, []).append(attributes.get("content"))
        elif tag == "link":
            self.links.append(attributes)
        elif tag == "script" and attributes.get("type") == "application/ld+json":
            self._in_json_ld = True

    def handle_endtag(self, tag):
        self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def links(head, rel):
    return [link for link in head.links if link.get("rel") == rel]


@pytest.mark.django_db
def test_an_article_is_described_as_a_news_article_with_its_lead_image(client, section):
    article = make_article(
        section,
        title_vi="Xuất khẩu đạt 19 tỷ USD",
        title_en="Exports reach USD 19 billion",
        standfirst_vi="Sáu tháng đầu năm.",
        standfirst_en="In the first half.",
        author="Nguyễn Văn A",
        lead_image=make_image(),
    )
    head = head_of(client, f"/en/news-and-events/{article.slug_en}/")
    assert head.meta["og:type"] == ["article"]
    assert head.meta["og:title"] == ["Exports reach USD 19 billion"]
    assert head.meta["og:description"] == ["In the first half."]
    assert head.meta["description"] == ["In the first half."]
    assert head.meta["og:locale"] == ["en_US"]
    assert re.match(r"http://testserver/media/images/.+\.fill-1200x630", head.meta["og:image"][0])
    assert head.meta["og:image:alt"] == ["A factory in an industrial zone"]
    assert head.meta["twitter:card"] == ["summary_large_image"]
    assert head.meta["article:published_time"][0].startswith("2022-07-27T10:00:00")
    canonical = f"http://testserver/en/news-and-events/{article.slug_en}/"
    assert [link["href"] for link in links(head, "canonical")] == [canonical]
    (data,) = head.json_ld
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Exports reach USD 19 billion"
    assert data["inLanguage"] == "en"
    assert data["author"] == {"@type": "Person", "name": "Nguyễn Văn A"}
    assert data["publisher"]["@type"] == "GovernmentOrganization"
    assert data["image"] == head.meta["og:image"]
    assert data["datePublished"].startswith("2022-07-27T10:00:00")


@pytest.mark.django_db
def test_the_home_page_describes_the_authority_as_a_government_organization(client, home):
    head = head_of(client, "/vi/")
    types = {item["@type"] for item in head.json_ld}
    assert "GovernmentOrganization" in types
    authority = next(item for item in head.json_ld if item["@type"] == "GovernmentOrganization")
    assert authority["name"] == "Ban Quản lý các khu công nghiệp Bắc Ninh"
    assert authority["logo"] == "http://testserver/static/img/logo.png"
    assert head.meta["og:type"] == ["website"]


@pytest.mark.django_db
def test_pages_without_a_picture_share_the_site_default_image(client, section):
    head = head_of(client, "/vi/tin-tuc-su-kien/")
    assert head.meta["og:image"] == ["http://testserver/static/img/share-default.png"]
    assert head.meta["og:image:width"] == ["1200"]
    assert head.meta["og:image:height"] == ["630"]


@pytest.mark.django_db
def test_hreflang_lists_english_only_once_the_page_is_translated(client, section):
    translated = make_article(section, title_vi="Có bản dịch", title_en="Translated")
    untranslated = make_article(section, title_vi="Chưa dịch")
    head = head_of(client, f"/vi/tin-tuc-su-kien/{translated.slug_vi}/")
    assert {link["hreflang"] for link in links(head, "alternate") if "hreflang" in link} == {
        "vi",
        "en",
        "x-default",
    }
    head = head_of(client, f"/vi/tin-tuc-su-kien/{untranslated.slug_vi}/")
    assert {link["hreflang"] for link in links(head, "alternate") if "hreflang" in link} == {
        "vi",
        "x-default",
    }


@pytest.mark.django_db
def test_archive_hreflang_keeps_the_archive_route(client, section):
    make_article(section, title_en="In 2022", published=(2022, 3, 1))
    head = head_of(client, "/vi/tin-tuc-su-kien/2022/")
    hrefs = {
        link["hreflang"]: link["href"] for link in links(head, "alternate") if "hreflang" in link
    }
    assert hrefs["en"] == "http://testserver/en/news-and-events/2022/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "noindex"),
    [
        ("/vi/tin-tuc-su-kien/", False),
        ("/vi/tin-tuc-su-kien/2022/", False),
        ("/vi/tin-tuc-su-kien/?page=1", False),
        ("/vi/tin-tuc-su-kien/2022/3/", True),
        ("/vi/tin-tuc-su-kien/2022/?zone=yen-phong", True),
        ("/vi/search/?q=xuat+khau", True),
    ],
)
def test_search_results_and_multi_filter_archives_are_not_indexed(client, section, url, noindex):
    make_article(section, title_vi="Xuất khẩu", title_en="Exports", published=(2022, 3, 1))
    head = head_of(client, url)
    robots = " ".join(head.meta.get("robots", []))
    assert ("noindex" in robots) is noindex


@pytest.mark.django_db
def test_pages_link_their_feeds_site_wide_and_for_their_section(client, section):
    head = head_of(client, "/en/news-and-events/")
    feeds = {link["href"] for link in links(head, "alternate") if "type" in link}
    assert feeds == {
        "http://testserver/en/feeds/rss.xml",
        "http://testserver/en/feeds/atom.xml",
        "http://testserver/en/feeds/section/news-and-events/rss.xml",
        "http://testserver/en/feeds/section/news-and-events/atom.xml",
    }


@pytest.mark.django_db
def test_an_article_offers_plain_share_links_and_a_link_to_copy(client, section):
    article = make_article(section, title_vi="Chia sẻ bài này")
    body = client.get(f"/vi/tin-tuc-su-kien/{article.slug_vi}/").content.decode()
    url = f"http://testserver/vi/tin-tuc-su-kien/{article.slug_vi}/"
    quoted = url.replace(":", "%3A").replace("/", "%2F")
    assert f"https://www.facebook.com/sharer/sharer.php?u={quoted}" in body
    assert f"https://sp.zalo.me/share_inline?url={quoted}" in body
    assert "mailto:?subject=Chia%20s%E1%BA%BB%20b%C3%A0i%20n%C3%A0y" in body
    assert f'value="{url}" readonly' in body
    assert "<script src=" not in body


@pytest.mark.django_db
def test_article_query_count_does_not_grow_with_the_number_of_topics(client, section):
    from news.models import Topic

    article = make_article(section, title_vi="Nhiều chủ đề", lead_image=make_image())
    url = f"/vi/tin-tuc-su-kien/{article.slug_vi}/"
    article.topics.add(Topic.objects.create(name_vi="Một"))
    article.save_revision().publish()
    client.get(url)
    small = queries_for(lambda: client.get(url))
    for number in range(6):
        article.topics.add(Topic.objects.create(name_vi=f"Chủ đề {number}"))
    article.save_revision().publish()
    client.get(url)
    assert 0 < queries_for(lambda: client.get(url)) <= small


@pytest.mark.django_db
def test_the_not_found_page_is_not_indexed_and_still_has_a_head(client, home):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    parser = HeadParser()
    parser.feed(response.content.decode())
    assert parser.meta["robots"] == ["noindex"]
    assert parser.meta["og:locale"] == ["en_US"]


@pytest.mark.django_db
def test_the_untranslated_notice_is_not_indexed(client, section):
    article = make_article(section, title_vi="Chưa có bản tiếng Anh")
    head = head_of(client, f"/en/news-and-events/{article.slug_vi}/")
    assert head.meta["robots"] == ["noindex"]
    assert not [link for link in links(head, "alternate") if link.get("hreflang") == "en"]


def test_json_ld_cannot_close_its_script_element():
    from discovery.structured_data import as_json_ld

    text = as_json_ld({"@type": "Thing", "name": "</script><b>&"})
    assert "</script>" not in text and "<b>" not in text
    assert json.loads(text)["name"] == "</script><b>&"


@pytest.mark.django_db
def test_a_topic_archive_links_its_topic_feed_and_shares_under_the_topic_name(client, section):
    from news.models import Topic

    topic = Topic.objects.create(name_vi="Môi trường", name_en="Environment", slug="moi-truong")
    article = make_article(section, title_vi="Trạm quan trắc", title_en="Monitoring")
    article.topics.add(topic)
    article.save_revision().publish()
    head = head_of(client, "/en/topic/moi-truong/")
    feeds = {link["href"] for link in links(head, "alternate") if "type" in link}
    assert "http://testserver/en/feeds/topic/moi-truong/rss.xml" in feeds
    assert "http://testserver/en/feeds/topic/moi-truong/atom.xml" in feeds
    assert head.meta["og:title"] == ["Environment"]
    assert not head.json_ld


@pytest.mark.django_db
def test_the_home_page_shares_under_the_authority_name(client, home):
    assert head_of(client, "/en/").meta["og:title"] == ["Bac Ninh Industrial Zones Authority"]
