import unicodedata

from django.template import Context, Template
from django.utils import translation

import pytest

from news.models import ArticlePage, Topic
from tests.factories import en_url, make_article, make_image, make_section, vi_url


@pytest.fixture
def articles(section):
    topic = Topic.objects.create(name_vi="Thi đua", name_en="Emulation")
    translated = make_article(
        section,
        title_vi="Phong trào thi đua năm 2022",
        title_en="The 2022 emulation movement",
        published=(2022, 7, 27),
    )
    translated.topics.add(topic)
    translated.save_revision().publish()
    vietnamese_only = make_article(
        section, title_vi="Tin chỉ có tiếng Việt", published=(2022, 6, 10)
    )
    older = make_article(
        section,
        title_vi="Hội nghị năm 2018",
        title_en="The 2018 conference",
        published=(2018, 8, 28),
    )
    return {"translated": translated, "vi_only": vietnamese_only, "older": older, "topic": topic}


def test_home_page_shows_lead_story_and_section_news_in_both_languages(client, home, articles):
    vi = client.get("/vi/").content.decode()
    assert "Phong trào thi đua năm 2022" in vi
    assert "Tin tức - Sự kiện" in vi
    en = client.get("/en/").content.decode()
    assert "The 2022 emulation movement" in en
    assert "News and events" in en


def test_english_listings_never_show_untranslated_articles(client, home, section, articles):
    for url in ["/en/", en_url(section), en_url(section) + "2022/", en_url(section) + "2022/06/"]:
        body = client.get(url).content.decode()
        assert "Tin chỉ có tiếng Việt" not in body, url
        assert "chi-co-tieng-viet" not in body, url
    assert "Tin chỉ có tiếng Việt" in client.get(vi_url(section)).content.decode()


def test_untranslated_article_in_english_says_so_and_links_to_vietnamese(client, articles):
    article = articles["vi_only"]
    response = client.get(en_url(article))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Not yet available in English" in body
    assert f'href="{vi_url(article)}"' in body
    assert 'name="robots" content="noindex"' in body


def test_article_page_shows_its_parts_in_each_language(client, section):
    image = make_image()
    article = make_article(
        section,
        title_vi="Doanh nghiệp điển hình tiên tiến",
        title_en="Exemplary enterprises",
        standfirst_vi="Sapo tiếng Việt.",
        standfirst_en="English standfirst.",
        lead_image=image,
        lead_image_caption_vi="Chú thích ảnh",
        lead_image_caption_en="Photo caption",
        author="Nguyễn Thu Hà",
        translator="Trần Minh",
        published=(2023, 3, 6),
    )
    vi = client.get(vi_url(article)).content.decode()
    assert "Sapo tiếng Việt." in vi and "Chú thích ảnh" in vi and "Nguyễn Thu Hà" in vi
    assert "06/03/2023" in vi
    assert 'alt="Nhà máy trong khu công nghiệp"' in vi
    assert "image/webp" in vi and "srcset=" in vi
    en = client.get(en_url(article)).content.decode()
    assert "English standfirst." in en and "Photo caption" in en and "Translated by Trần Minh" in en
    assert "6 March 2023" in en
    assert 'alt="A factory in an industrial zone"' in en


def test_listing_cards_lazy_load_responsive_images(client, section):
    make_article(section, title_vi="Bài có ảnh", lead_image=make_image())
    body = client.get(vi_url(section)).content.decode()
    assert 'loading="lazy"' in body
    assert "<picture>" in body and 'type="image/webp"' in body


def test_archive_filters_by_year_month_and_topic(client, section, articles):
    year = client.get(vi_url(section) + "2018/").content.decode()
    assert "Hội nghị năm 2018" in year and "Phong trào thi đua năm 2022" not in year
    month = client.get(vi_url(section) + "2022/06/").content.decode()
    assert "Tin chỉ có tiếng Việt" in month and "Phong trào thi đua năm 2022" not in month
    topic = client.get(vi_url(section) + f"topic/{articles['topic'].slug}/").content.decode()
    assert "Phong trào thi đua năm 2022" in topic and "Hội nghị năm 2018" not in topic
    topic_en = client.get(en_url(section) + f"topic/{articles['topic'].slug}/").content.decode()
    assert "The 2022 emulation movement" in topic_en and "Topic" in topic_en


@pytest.mark.parametrize("path", ["2022/13/", "1800/", "topic/khong-co/", "?page=99", "?page=x"])
def test_bad_archive_addresses_are_404s(client, section, articles, path):
    assert client.get(vi_url(section) + path).status_code == 404


def test_language_switcher_keeps_the_reader_on_the_same_archive_view(client, section, articles):
    body = client.get(vi_url(section) + "2022/07/?topic=x").content.decode()
    assert 'href="/en/news-and-events/2022/07/?topic=x"' in body
    topic_slug = articles["topic"].slug
    body = client.get(en_url(section) + f"topic/{topic_slug}/").content.decode()
    assert f'href="/vi/tin-tuc-su-kien/topic/{topic_slug}/"' in body


def test_language_switcher_leads_to_the_same_article(client, articles):
    article = articles["translated"]
    body = client.get(vi_url(article)).content.decode()
    assert f'href="{en_url(article)}" hreflang="en"' in body
    body = client.get(en_url(article)).content.decode()
    assert f'href="{vi_url(article)}" hreflang="vi"' in body


def test_moved_page_keeps_working_urls_in_both_languages(client, home, section, articles):
    other = make_section(home, title_vi="Thi đua - Khen thưởng", title_en="Emulation")
    article = articles["translated"]
    article.move(other, pos="last-child")
    article = ArticlePage.objects.get(pk=article.pk)
    assert vi_url(article) == "/vi/thi-dua-khen-thuong/phong-trao-thi-dua-nam-2022/"
    assert en_url(article) == "/en/emulation/the-2022-emulation-movement/"
    assert client.get(vi_url(article)).status_code == 200
    assert client.get(en_url(article)).status_code == 200
    assert "The 2022 emulation movement" in client.get(en_url(article)).content.decode()


def test_renamed_english_slug_moves_children_urls(client, home, section, articles):
    section.slug_en = "news"
    section.save_revision().publish()
    article = ArticlePage.objects.get(pk=articles["translated"].pk)
    assert en_url(article) == "/en/news/the-2022-emulation-movement/"
    assert client.get(en_url(article)).status_code == 200


def test_previous_next_and_related_articles(client, section, articles):
    body = client.get(vi_url(articles["translated"])).content.decode()
    assert "Bài trước" in body and "Tin chỉ có tiếng Việt" in body


def test_titles_are_stored_nfc_and_slugged_by_transliteration(section):
    decomposed = unicodedata.normalize("NFD", "Điển hình tiên tiến")
    article = make_article(section, title_vi=decomposed)
    article.refresh_from_db()
    assert article.title_vi == unicodedata.normalize("NFC", decomposed)
    assert article.slug_vi == "dien-hinh-tien-tien"


@pytest.mark.parametrize(
    ("language", "expected"), [("vi", "1.259.210 · 06/03/2023"), ("en", "1,259,210 · 6 March 2023")]
)
def test_numbers_and_dates_follow_the_readers_language(language, expected):
    from datetime import date

    template = Template('{% load l10n %}{{ number }} · {{ day|date:"DATE_FORMAT" }}')
    with translation.override(language):
        rendered = template.render(Context({"number": 1259210, "day": date(2023, 3, 6)}))
    assert rendered == expected


def test_event_thread_groups_its_articles_in_both_languages(client, home, section):
    from news.models import EventThread

    thread = EventThread.objects.create(
        title_vi="20 năm xây dựng các KCN", title_en="Twenty years of the zones", slug="20-nam"
    )
    make_article(section, title_vi="Bài trong dòng", title_en="Thread story", event_thread=thread)
    make_article(section, title_vi="Bài ngoài dòng", title_en="Other story")
    body = client.get("/vi/thread/20-nam/").content.decode()
    assert "Bài trong dòng" in body and "Bài ngoài dòng" not in body
    body = client.get("/en/thread/20-nam/").content.decode()
    assert "Twenty years of the zones" in body and "Thread story" in body


def test_section_paginates_twelve_articles_a_page(client, section):
    for number in range(14):
        make_article(
            section, title_vi=f"Tin phân trang {number:02d}", published=(2021, 1, 1 + number)
        )
    first = client.get(vi_url(section)).content.decode()
    second = client.get(vi_url(section) + "?page=2").content.decode()
    assert "Tin phân trang 13" in first and "Tin phân trang 01" not in first
    assert "Tin phân trang 01" in second and "Trang 2/2" in second


def test_archive_views_declare_alternates_for_the_same_view(client, section, articles):
    body = client.get(vi_url(section) + "2022/07/").content.decode()
    assert 'hreflang="en" href="http://testserver/en/news-and-events/2022/07/"' in body
    assert 'hreflang="vi" href="http://testserver/vi/tin-tuc-su-kien/2022/07/"' in body


@pytest.mark.parametrize("active_language", ["vi", "en"])
def test_saving_in_either_admin_language_keeps_each_languages_slug(section, active_language):
    with translation.override(active_language):
        article = make_article(section, title_vi="Khen thưởng", title_en="Commendation")
        article.save_revision().publish()
    article.refresh_from_db()
    assert (article.slug_vi, article.slug_en) == ("khen-thuong", "commendation")


@pytest.mark.parametrize("url_of", [vi_url, en_url])
def test_broken_archive_addresses_and_parameters_never_cause_a_server_error(
    client, section, articles, hostile_input, url_of
):
    """Year, month and topic archives, and the site's topic archive, with odd pages."""
    base = url_of(section)
    language = base.split("/")[1]
    archives = [base, f"{base}2022/", f"{base}2022/07/", f"{base}topic/{articles['topic'].slug}/"]
    for archive in [*archives, f"/{language}/topic/{articles['topic'].slug}/"]:
        hostile_input.assert_no_server_error(client, archive, ["page", "year", "month"])
        hostile_input.assert_inert(client.get(archive, {"page": hostile_input.text}))
    for path in ("99999/", "2022/99999/", "99999999999999999999999/", "2022/%ff/", "%ff/"):
        assert client.get(base + path).status_code == 404, path
    hostile_input.assert_inert(client.get(f"{base}topic/%3Cscript%3Exss(2)%3C%2Fscript%3E/"))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_archive_navigation_and_page_count_follow_a_new_article(client, section, language):
    """The years, topics and page count beside a listing are kept per content version: a
    publish shows in them on the next view."""
    for number in range(12):
        make_article(section, title_en=f"Story {number}", published=(2022, 3, number + 1))
    url = vi_url(section) if language == "vi" else en_url(section)
    first = client.get(url).content.decode()
    assert "2019" not in first and "?page=2" not in first
    topic = Topic.objects.create(name_vi="Công đoàn", name_en="Trade unions")
    older = make_article(section, title_en="An older story", published=(2019, 5, 2))
    older.topics.add(topic)
    older.save_revision().publish()
    second = client.get(url).content.decode()
    assert f"{url}2019/" in second
    assert "?page=2" in second
    assert topic.slug in second
    assert client.get(f"{url}2019/").status_code == 200
