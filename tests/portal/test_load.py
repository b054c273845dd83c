"""A short load test: readers and searchers on a live server while an editor publishes.

The full version is `make loadtest` (bench/loadtest.py, several minutes under gunicorn).
"""

from django.db import connection

import pytest

from bench.loadtest import run_mixed_load
from tests.factories import make_article, make_home, make_section


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mixed_reading_and_publishing_loses_nothing(live_server, settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PORTAL_RATE_LIMITS_ENABLED = False  # one address searching fast: see test_security

    section = make_section(make_home())
    articles = [
        make_article(section, title_en=f"Story {number}", title_vi=f"Bài số {number}")
        for number in range(4)
    ]
    paths = ["/vi/", "/en/", section.url, *(article.url for article in articles)]

    def publish(article, title):
        article.refresh_from_db()
        article.title_vi = title
        article.save_revision().publish()
        return f"/vi/{section.slug_vi}/{article.slug_vi}/"

    # The in-memory SQLite test database is shared between the server's threads through
    # SQLite's shared cache, which answers "table is locked" to readers while a write is under
    # way: a test-database artefact, not the site's. There the readers take turns with the
    # editor's own checks; on PostgreSQL (and in `make loadtest`) they run concurrently.
    readers = 2 if connection.vendor == "postgresql" else 0
    report = run_mixed_load(
        live_server.url,
        paths,
        articles[:2],
        publish,
        seconds=10,
        readers=readers,
        visible_within=3,
    )

    assert report["failures"] == []
    if readers:
        assert report["requests"] > 20
    assert set(report["statuses"]) == {200}
    assert len(report["edits"]) >= 2
    assert report["lost_edits"] == []
    for edit in report["edits"][-2:]:
        article = type(articles[0]).objects.get(pk=edit["article"])
        assert article.title_vi == edit["title"]
        assert article.live
