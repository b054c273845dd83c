"""`load_demo` builds a believable bilingual site and changes nothing when run again."""

import io

from django.core.management import call_command

from wagtail.models import PageLogEntry, Revision

import pytest

from images.models import PortalImage
from news.models import ArticlePage


@pytest.fixture
def demo_site(demo_database, db):
    """The demo, loaded once for this module (tests/conftest.py); each test's writes roll back."""


def test_demo_has_enough_dated_articles_with_a_third_vietnamese_only(demo_site):
    articles = ArticlePage.objects.live()
    assert articles.count() >= 30
    years = {article.published_at.year for article in articles}
    assert years == {2018, 2019, 2020, 2021, 2022, 2023}
    vietnamese_only = articles.filter(english_ready=False).count()
    assert articles.count() / 4 <= vietnamese_only <= articles.count() / 2
    article_pictures = PortalImage.objects.filter(
        title__startswith="demo-", pk__in=articles.values("lead_image")
    )
    assert article_pictures.count() == articles.count(), "each article has its own picture"


def test_running_the_demo_loader_twice_changes_nothing(demo_site):
    counts = (ArticlePage.objects.count(), Revision.objects.count(), PageLogEntry.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (
        ArticlePage.objects.count(),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
    ) == counts


def test_demo_site_serves_both_languages(demo_site, client):
    vietnamese = client.get("/vi/")
    english = client.get("/en/")
    assert vietnamese.status_code == english.status_code == 200
    assert "Thi đua - Khen thưởng" in vietnamese.content.decode()
    assert "Emulation and commendation" in english.content.decode()
