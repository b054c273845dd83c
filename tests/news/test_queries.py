"""Listing pages run the same number of SQL queries however many articles exist."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

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


def test_article_page_query_count_does_not_grow_with_siblings(client, section):
    add_articles(section, 3)
    article = make_article(
        section, title_vi="Bài cần đo", title_en="Measured story", published=(2023, 12, 31)
    )
    small = queries_for(client, vi_url(article))
    add_articles(section, 20, start=3)
    large = queries_for(client, vi_url(article))
    assert large == small
