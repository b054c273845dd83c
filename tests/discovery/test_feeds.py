import feedparser
import pytest

from news.models import Topic
from tests.discovery.helpers import make_draft_article, make_private
from tests.factories import make_article, make_section

FEED_FORMATS = ["rss.xml", "atom.xml"]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.fixture
def topic(db):
    return Topic.objects.create(name_vi="Xuất khẩu", name_en="Exports", slug="xuat-khau")


@pytest.fixture
def stories(section, topic):
    translated = make_article(
        section,
        title_vi="Xuất khẩu đạt 19 tỷ USD",
        title_en="Exports reach USD 19 billion",
        standfirst_vi="Sáu tháng đầu năm.",
        standfirst_en="In the first half of the year.",
        author="Nguyễn Văn A",
        published=(2023, 5, 2),
    )
    translated.topics.add(topic)
    translated.save_revision().publish()
    untranslated = make_article(section, title_vi="Tin chỉ có tiếng Việt", published=(2023, 4, 1))
    untranslated.topics.add(topic)
    untranslated.save_revision().publish()
    return translated, untranslated


@pytest.mark.django_db
@pytest.mark.parametrize("feed_format", FEED_FORMATS)
@pytest.mark.parametrize("path", ["feeds/", "feeds/section/{section}/", "feeds/topic/xuat-khau/"])
def test_every_feed_parses_cleanly_in_both_languages(client, stories, path, feed_format):
    section = stories[0].get_parent().specific
    for language, section_slug, expected in (
        ("vi", section.slug_vi, 2),
        ("en", section.slug_en, 1),
    ):
        url = f"/{language}/" + path.format(section=section_slug) + feed_format
        feed = parse(client, url)
        assert len(feed.entries) == expected, url
        assert feed.feed.title


@pytest.mark.django_db
@pytest.mark.parametrize("feed_format", FEED_FORMATS)
def test_feed_entries_carry_full_metadata(client, stories, feed_format):
    translated, _untranslated = stories
    feed = parse(client, f"/en/feeds/{feed_format}")
    (entry,) = feed.entries
    url = f"http://testserver/en/news-and-events/{translated.slug_en}/"
    assert entry.title == "Exports reach USD 19 billion"
    assert entry.link == url
    assert entry.id == url
    assert entry.published_parsed[:3] == (2023, 5, 2)
    assert entry.author == "Nguyễn Văn A"
    assert [tag.term for tag in entry.tags] == ["Exports"]
    assert entry.summary == "In the first half of the year."
    assert feed.feed.language == "en" or feed.feed.get("language") == "en"


@pytest.mark.django_db
@pytest.mark.parametrize("feed_format", FEED_FORMATS)
def test_drafts_and_private_pages_never_appear_in_feeds(client, home, section, feed_format):
    make_article(section, title_vi="Bài công khai", title_en="Public story")
    make_draft_article(section)
    make_private(make_article(section, title_vi="Bài nội bộ", title_en="Internal story"))
    private_section = make_private(make_section(home, "Mục nội bộ", "Internal section"))
    make_article(private_section, title_vi="Trong mục nội bộ", title_en="Inside internal")
    for language in ("vi", "en"):
        titles = [
            entry.title for entry in parse(client, f"/{language}/feeds/{feed_format}").entries
        ]
        assert titles == (["Bài công khai"] if language == "vi" else ["Public story"])
    response = client.get(f"/en/feeds/section/{private_section.slug_en}/{feed_format}")
    assert response.status_code == 404


@pytest.mark.django_db
def test_unknown_scopes_and_slugs_are_not_found(client, section):
    assert client.get("/vi/feeds/planet/earth/rss.xml").status_code == 404
    assert client.get("/vi/feeds/section/khong-co/rss.xml").status_code == 404
    assert client.get("/vi/feeds/topic/khong-co/atom.xml").status_code == 404


@pytest.mark.django_db
def test_an_untranslated_section_has_no_english_feed(client, home):
    section = make_section(home, "Chỉ tiếng Việt", "")
    assert client.get(f"/vi/feeds/section/{section.slug_vi}/rss.xml").status_code == 200
    assert client.get(f"/en/feeds/section/{section.slug_vi}/rss.xml").status_code == 404


def add_zone_stories(section, topic, zone, how_many):
    """English-ready articles in one section, under one topic and mentioning one zone."""
    titles = []
    for _number in range(how_many):
        article = make_article(section, title_en=f"Feed story {topic.articlepage_set.count()}")
        article.topics.add(topic)
        article.zones.add(zone)
        article.save_revision().publish()
        titles.append((article.title_vi, article.title_en))
    return titles


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("feed_format", FEED_FORMATS)
@pytest.mark.parametrize("scope", ["site", "section", "topic", "zone"])
def test_every_feed_costs_the_same_queries_with_two_or_twelve_articles(
    section, topic, zones_index, count_queries, language, feed_format, scope
):
    from tests.factories import make_zone

    zone = make_zone(zones_index, "KCN Quế Võ", "Que Vo Industrial Zone", slug_en="que-vo")
    path = {
        "site": "",
        "section": f"section/{section.slug_vi if language == 'vi' else section.slug_en}/",
        "topic": "topic/xuat-khau/",
        "zone": f"zone/{zone.slug_vi if language == 'vi' else 'que-vo'}/",
    }[scope]
    url = f"/{language}/feeds/{path}{feed_format}"
    titles = add_zone_stories(section, topic, zone, 2)
    small, text = count_queries(url)
    titles += add_zone_stories(section, topic, zone, 10)
    large, text = count_queries(url)
    listed = {entry.title for entry in feedparser.parse(text.encode()).entries}
    assert {vietnamese if language == "vi" else english for vietnamese, english in titles} <= listed
    assert large <= small
