"""Faults: Redis down, database briefly unavailable. (Elasticsearch down is search's.)"""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.core.cache import caches
from django.db import OperationalError, connection
from django.test import override_settings

import pytest

from portal.languages import page_url_in
from portal.settings.environment import cache_config
from tests.factories import make_article

ROOT = Path(__file__).resolve().parents[2]


def _deploy_environment():
    """This process's environment without what test set-up adds for itself (the browser
    tests allow Django's ORM inside Playwright's event loop), as a deployment would have."""
    return {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}


CLOSED_PORT_URL = "redis://127.0.0.1:9/0"


def test_cache_url_selects_redis_that_ignores_its_own_failures():
    env = {
        **_deploy_environment(),
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "CACHE_URL": CLOSED_PORT_URL,
    }
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.CACHES['default']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    default = json.loads(result.stdout)
    assert default["BACKEND"] == "django_redis.cache.RedisCache"
    assert default["LOCATION"] == CLOSED_PORT_URL
    assert default["OPTIONS"]["IGNORE_EXCEPTIONS"] is True


@pytest.fixture
def redis_down():
    with override_settings(CACHES=cache_config(CLOSED_PORT_URL), PAGE_CACHE_SECONDS=600):
        yield


def test_the_redis_down_fixture_really_loses_every_write(redis_down):
    """Without this, the tests below could pass on a working local-memory cache."""
    from django_redis.cache import RedisCache

    assert isinstance(caches["default"], RedisCache)
    caches["default"].set("probe", "written")
    assert caches["default"].get("probe") is None


@pytest.mark.parametrize("language", ["vi", "en"])
def test_with_redis_down_the_site_serves_pages_uncached(client, section, redis_down, language):
    article = make_article(
        section, title_vi="Bài khi Redis hỏng", title_en="Story while Redis is down"
    )
    title = "Bài khi Redis hỏng" if language == "vi" else "Story while Redis is down"
    for url in (f"/{language}/", page_url_in(article, language)):
        for _attempt in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.headers["X-Page-Cache"] == "miss", "looked up, not found, rendered"
            assert title in response.content.decode()


def test_with_redis_down_search_and_its_rate_limit_still_answer(client, home, redis_down):
    for _attempt in range(3):
        assert client.get("/vi/search/", {"q": "khu"}).status_code == 200


@pytest.fixture
def database_down():
    def refuse(execute, sql, params, many, context):
        raise OperationalError("could not connect to server: Connection refused")

    return lambda: connection.execute_wrapper(refuse)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_database_outage_answers_a_friendly_503_and_recovers(
    client, section, database_down, language
):
    article = make_article(section, title_vi="Bài sau sự cố", title_en="Story after the outage")
    url = f"/{language}/{section.slug_vi}/{article.slug_vi}/" if language == "vi" else "/en/"
    with database_down():
        response = client.get(url)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert "no-store" in response.headers["Cache-Control"]
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    assert "The portal is catching its breath" in page
    assert "Cổng thông tin đang tạm nghỉ" in page
    recovered = client.get(url)
    assert recovered.status_code == 200
    assert ("Bài sau sự cố" if language == "vi" else "Story after the outage") in (
        recovered.content.decode()
    )


def test_database_outage_in_the_admin_answers_503_too(client, section, admin_user, database_down):
    """Here the session lookup fails before any view runs; the 500 handler answers 503."""
    client.force_login(admin_user)
    client.raise_request_exception = False
    with database_down():
        response = client.get(f"/admin/pages/{section.pk}/")
    assert response.status_code == 503
    assert client.get(f"/admin/pages/{section.pk}/").status_code == 200


def test_unrelated_errors_still_answer_500(client, home, monkeypatch):
    from news.models import HomePage

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("a bug, not an outage")

    monkeypatch.setattr(HomePage, "get_context", broken)
    client.raise_request_exception = False
    response = client.get("/vi/")
    assert response.status_code == 500
