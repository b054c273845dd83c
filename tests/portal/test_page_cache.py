"""Speed: the anonymous page cache and its invalidation, conditional answers, renditions
made once, and query counts that do not grow with content."""

import time
from itertools import count

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.http import http_date

import pytest

from news.models import Topic
from portal.cache import VERSION_KEY, bump_content_version, content_version
from tests.factories import make_article, make_image, make_section

_titles = count(1)


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    return settings


def _get(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response


def test_anonymous_readers_get_the_second_view_from_the_cache(client, section, page_cache):
    article = make_article(section, title_vi="Bài được lưu đệm")
    first = _get(client, article.url)
    second = _get(client, article.url)
    assert first.headers["X-Page-Cache"] == "miss"
    assert second.headers["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Content-Security-Policy" in second.headers
    assert "Permissions-Policy" in second.headers
    assert second.headers["Last-Modified"] == http_date(int(-(-content_version() // 1)))


def test_a_cached_page_costs_no_query(client, section, page_cache, django_assert_num_queries):
    article = make_article(section)
    _get(client, article.url)
    with django_assert_num_queries(0):
        assert _get(client, article.url).headers["X-Page-Cache"] == "hit"


def test_publishing_an_article_refreshes_home_section_and_article(client, section, page_cache):
    article = make_article(section, title_vi="Tiêu đề cũ")
    for url in ["/vi/", section.url, article.url]:
        _get(client, url)
        assert _get(client, url).headers["X-Page-Cache"] == "hit"
    article.title_vi = "Tiêu đề mới"
    article.save_revision().publish()
    for url in ["/vi/", section.url, article.url]:
        response = _get(client, url)
        assert response.headers["X-Page-Cache"] == "miss", url
        assert "Tiêu đề mới" in response.content.decode(), url
    new_story = make_article(section, title_vi="Bài mới nhất", published=(2030, 1, 1))
    assert "Bài mới nhất" in _get(client, "/vi/").content.decode()
    assert new_story.live


def test_unpublishing_and_deleting_remove_the_article_from_cached_listings(
    client, section, page_cache
):
    article = make_article(section, title_vi="Bài sẽ gỡ", published=(2030, 1, 1))
    other = make_article(section, title_vi="Bài sẽ xoá", published=(2029, 1, 1))
    assert "Bài sẽ gỡ" in _get(client, section.url).content.decode()
    _get(client, section.url)
    article.unpublish()
    page = _get(client, section.url).content.decode()
    assert "Bài sẽ gỡ" not in page
    assert "Bài sẽ xoá" in page
    other.delete()
    assert "Bài sẽ xoá" not in _get(client, section.url).content.decode()


def test_editing_a_snippet_refreshes_pages_that_show_it(client, section, page_cache):
    topic = Topic.objects.create(name_vi="Thi đua", name_en="Emulation", slug="thi-dua")
    article = make_article(section, topics=[topic])
    assert "Thi đua" in _get(client, article.url).content.decode()
    topic.name_vi = "Thi đua yêu nước"
    topic.save()
    assert "Thi đua yêu nước" in _get(client, article.url).content.decode()


def test_a_draft_save_does_not_empty_the_cache(client, section, page_cache):
    article = make_article(section, title_vi="Đã đăng")
    _get(client, article.url)
    article.title_vi = "Bản nháp"
    article.save_revision()
    response = _get(client, article.url)
    assert response.headers["X-Page-Cache"] == "hit"
    assert "Bản nháp" not in response.content.decode()


def test_signed_in_users_never_see_or_fill_the_cache(client, section, page_cache, admin_user):
    article = make_article(section)
    client.force_login(admin_user)
    for _view in range(2):
        assert "X-Page-Cache" not in _get(client, article.url).headers
    client.logout()
    client.cookies.clear()
    assert _get(client, article.url).headers["X-Page-Cache"] == "miss"


def test_answers_that_set_cookies_are_not_cached(page_cache, rf, db):
    """A page that sets a cookie (a CSRF token, a message) is personal: never stored."""
    from django.http import HttpResponse

    from portal.middleware import PageCacheMiddleware

    def sets_cookie(request):
        response = HttpResponse("hello")
        response.set_cookie("choice", "1")
        return response

    middleware = PageCacheMiddleware(sets_cookie)
    for _view in range(2):
        response = middleware(rf.get("/vi/with-cookie/"))
        assert "X-Page-Cache" not in response.headers
        assert response.cookies["choice"].value == "1"


def test_the_admin_search_and_errors_are_never_cached(client, section, page_cache):
    assert "X-Page-Cache" not in client.get("/vi/search/", {"q": "khu"}).headers
    assert "X-Page-Cache" not in client.get("/vi/khong-co-trang-nay/").headers
    assert "X-Page-Cache" not in client.get("/admin/login/").headers


def test_conditional_requests_answer_304(client, section, page_cache):
    article = make_article(section)
    first = _get(client, article.url)
    etag = first.headers["ETag"]
    modified = first.headers["Last-Modified"]
    assert client.get(article.url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(article.url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    time.sleep(1.01)
    article.title_vi = "Đã sửa"
    article.save_revision().publish()
    assert client.get(article.url, HTTP_IF_NONE_MATCH=etag).status_code == 200
    assert client.get(article.url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 200


def test_the_content_version_only_moves_forward():
    before = content_version()
    bump_content_version()
    assert content_version() > before
    from django.core.cache import cache

    cache.delete(VERSION_KEY)
    assert content_version() >= before


def test_renditions_are_made_once_and_reused(client, section, django_assert_max_num_queries):
    """The first view makes the picture sizes; later views reuse the same files."""
    image = make_image()
    article = make_article(section, lead_image=image)
    _get(client, article.url)
    made = set(image.renditions.values_list("pk", "file"))
    assert made
    _get(client, article.url)
    assert set(image.renditions.values_list("pk", "file")) == made


def _grow(section, count):
    image = make_image()
    for _number in range(count):
        make_article(section, lead_image=image, title_en=f"English title {next(_titles)}")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_query_counts_do_not_grow_with_content(
    client, home, language, django_assert_max_num_queries
):
    """Home, section and article pages cost the same with 3 or 15 articles."""
    section = make_section(home)
    second = make_section(home, title_vi="Thi đua", title_en="Emulation")
    _grow(section, 3)
    _grow(second, 3)
    article = make_article(section, title_en="Measured story", lead_image=make_image())
    prefix = f"/{language}/"
    urls = {
        "home": prefix,
        "section": f"{prefix}{section.slug_vi if language == 'vi' else section.slug_en}/",
        "article": f"{prefix}{section.slug_vi if language == 'vi' else section.slug_en}/"
        f"{article.slug_vi if language == 'vi' else article.slug_en}/",
    }
    small = {}
    for name, url in urls.items():
        _get(client, url)
        with CaptureQueriesContext(connection) as queries:
            _get(client, url)
        small[name] = len(queries)
    _grow(section, 12)
    _grow(second, 12)
    for name, url in urls.items():
        _get(client, url)
        with django_assert_max_num_queries(small[name]):
            _get(client, url)


def _cached(client, url):
    """Fetch `url` until it comes from the cache; the text it serves."""
    _get(client, url)
    response = _get(client, url)
    assert response.headers["X-Page-Cache"] == "hit", url
    return response.content.decode()


@pytest.mark.parametrize("restriction_type", ["password", "login"])
def test_making_a_page_private_in_the_admin_stops_serving_its_cached_copy(
    client, admin_client, section, page_cache, restriction_type
):
    article = make_article(
        section,
        title_vi="Bài sắp thành nội bộ",
        body_vi=[("paragraph", "<p>Nội dung chỉ dành cho cán bộ.</p>")],
    )
    assert "Nội dung chỉ dành cho cán bộ." in _cached(client, article.url)
    assert "Bài sắp thành nội bộ" in _cached(client, section.url)
    privacy = admin_client.post(
        f"/admin/pages/{article.pk}/privacy/",
        {"restriction_type": restriction_type, "password": "mat-khau-noi-bo"},
    )
    assert privacy.status_code == 200
    assert article.get_view_restrictions().exists()
    response = client.get(article.url)
    assert "Nội dung chỉ dành cho cán bộ." not in response.content.decode()
    assert response.status_code == (200 if restriction_type == "password" else 302)
    assert "Bài sắp thành nội bộ" not in _get(client, section.url).content.decode()


def _enterprise_form(enterprise, **changes):
    fields = {
        "name_vi": enterprise.name_vi,
        "name_en": enterprise.name_en,
        "status": enterprise.status,
        "zone": enterprise.zone_id,
        "country": enterprise.country,
        "sector": enterprise.sector,
        "main_products_vi": "",
        "main_products_en": "",
        "certificate_number": enterprise.certificate_number,
        "certificate_date": "",
        "registered_capital_usd": "",
        "employees": "",
        "website": "",
        "email": "",
        "phone": "",
        "address": "",
    }
    return {**fields, **changes}


def test_editing_an_enterprise_in_the_admin_refreshes_the_pages_that_list_it(
    client, admin_client, home, zones_index, page_cache
):
    from tests.factories import make_directory, make_enterprise, make_zone

    zone = make_zone(zones_index, "KCN Quế Võ", "Que Vo Industrial Zone")
    directory = make_directory(home)
    enterprise = make_enterprise(name_vi="Công ty TNHH Tên Cũ", zone=zone)
    urls = [zone.url, directory.url, f"{directory.url}{enterprise.pk}/"]
    for url in urls:
        assert "Công ty TNHH Tên Cũ" in _cached(client, url), url
    edit_url = reverse("enterprise:edit", args=[enterprise.pk])
    assert admin_client.get(edit_url).status_code == 200
    saved = admin_client.post(
        edit_url, _enterprise_form(enterprise, name_vi="Công ty TNHH Tên Mới")
    )
    assert saved.status_code == 302, saved.content.decode()[:2000]
    for url in urls:
        page = _get(client, url).content.decode()
        assert "Công ty TNHH Tên Mới" in page, url
        assert "Công ty TNHH Tên Cũ" not in page, url


def test_editing_an_indicator_value_in_the_admin_refreshes_the_charts_that_show_it(
    client, admin_client, home, zones_index, page_cache
):
    from decimal import Decimal

    from indicators.models import IndicatorValue, Metric, Scope, Unit
    from tests.factories import make_zone

    zone = make_zone(zones_index, "KCN Yên Phong", "Yen Phong Industrial Zone")
    province = IndicatorValue.objects.create(
        period="2022", metric=Metric.EXPORT, value=Decimal("31.7"), unit=Unit.BN_USD
    )
    zone_figure = IndicatorValue.objects.create(
        scope=Scope.ZONE,
        zone=zone,
        period="2022",
        metric=Metric.EXPORT,
        value=Decimal("4.6"),
        unit=Unit.BN_USD,
    )
    assert "31,7" in _cached(client, "/vi/")
    assert "4,6" in _cached(client, zone.url)
    for figure, new_value in ((province, "32.9"), (zone_figure, "5.8")):
        edit_url = f"/admin/indicator_value/edit/{figure.pk}/"
        saved = admin_client.post(
            edit_url,
            {
                "scope": figure.scope,
                "zone": figure.zone_id or "",
                "cluster": "",
                "period": figure.period,
                "metric": figure.metric,
                "value": new_value,
                "unit": figure.unit,
                "source": "",
            },
        )
        assert saved.status_code == 302, saved.content.decode()[:2000]
    home_page = _get(client, "/vi/").content.decode()
    assert "32,9" in home_page and "31,7" not in home_page
    zone_page = _get(client, zone.url).content.decode()
    assert "5,8" in zone_page and "4,6" not in zone_page


def test_recent_pages_keep_a_bounded_number_and_expire_with_the_cache(page_cache, monkeypatch):
    from portal import middleware

    recent = middleware.RecentPages(size=2)
    for name in ("a", "b", "c"):
        recent.put(name, (200, [], name.encode()))
    assert recent.get("a") is None
    assert recent.get("c") == (200, [], b"c")
    now = time.monotonic()
    monkeypatch.setattr(middleware.time, "monotonic", lambda: now + 601)
    assert recent.get("c") is None


def test_a_cached_page_carries_its_etag_from_the_store(client, section, page_cache):
    first = _get(client, "/vi/")
    second = _get(client, "/vi/")
    assert second.headers["X-Page-Cache"] == "hit"
    assert first.headers["ETag"] == second.headers["ETag"]
    assert client.get("/vi/", HTTP_IF_NONE_MATCH=second.headers["ETag"]).status_code == 304
