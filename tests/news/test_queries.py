"""Listing pages run the same number of SQL queries however many articles exist."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from news.models import EventThread, Topic
from tests.factories import en_url, make_article, make_image, vi_url


def add_articles(section, count, start=0):
    image = make_image()
    for number in range(start, start + count):
        make_article(
            section,
            title_vi=f"Tin số {number}",
            title_en=f"Story {number}",
            lead_image=image,
            published=(2020 + number % 3, 1 + number % 12, 1 + number % 28),
        )


def queries_for(client, url):
    client.get(url)  # renditions are created on the first view; count the steady state
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("url_of", [lambda s: "/vi/", lambda s: "/en/", vi_url, en_url])
def test_listing_query_count_does_not_grow_with_articles(client, section, url_of):
    add_articles(section, 3)
    small = queries_for(client, url_of(section))
    add_articles(section, 20, start=3)
    large = queries_for(client, url_of(section))
    assert large == small


@pytest.mark.parametrize("url_of", [vi_url, en_url])
def test_article_page_query_count_does_not_grow_with_siblings(client, section, url_of):
    add_articles(section, 3)
    article = make_article(
        section, title_vi="Bài cần đo", title_en="Measured story", published=(2023, 12, 31)
    )
    small = queries_for(client, url_of(article))
    add_articles(section, 20, start=3)
    large = queries_for(client, url_of(article))
    assert large == small


@pytest.fixture
def tagged(db):
    return {
        "topic": Topic.objects.create(name_vi="Xuất khẩu", name_en="Exports", slug="xuat-khau"),
        "thread": EventThread.objects.create(
            title_vi="Hai mươi năm các KCN", title_en="Twenty years of the zones", slug="20-nam"
        ),
    }


def add_tagged_articles(section, tagged, count):
    """Articles in July 2022, all under one topic and one event thread, with a picture."""
    image = make_image()
    titles = []
    for _number in range(count):
        article = make_article(
            section,
            title_en=f"Tagged story {len(titles)}-{image.pk}",
            lead_image=image,
            event_thread=tagged["thread"],
            published=(2022, 7, 1 + len(titles)),
        )
        article.topics.add(tagged["topic"])
        article.save_revision().publish()
        titles.append((article.title_vi, article.title_en))
    return titles


ARCHIVES = {
    "section year": lambda section, language: f"{section_url(section, language)}2022/",
    "section month": lambda section, language: f"{section_url(section, language)}2022/07/",
    "section topic": lambda section, language: f"{section_url(section, language)}topic/xuat-khau/",
    "topic": lambda section, language: f"/{language}/topic/xuat-khau/",
    "event thread": lambda section, language: f"/{language}/thread/20-nam/",
}


def section_url(section, language):
    return vi_url(section) if language == "vi" else en_url(section)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("archive", ARCHIVES)
def test_archive_query_counts_do_not_grow_with_articles(
    section, tagged, count_queries, archive, language
):
    """Year, month and topic archives of a section, and the site's topic and thread
    archives, cost no more with twelve articles than with two."""
    url = ARCHIVES[archive](section, language)
    titles = add_tagged_articles(section, tagged, 2)
    small, page = count_queries(url)
    titles += add_tagged_articles(section, tagged, 10)
    large, page = count_queries(url)
    shown = [vietnamese if language == "vi" else english for vietnamese, english in titles]
    assert all(title in page for title in shown), "every article is on the page measured"
    assert large <= small
