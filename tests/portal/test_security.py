"""Hardening: deploy checks, security headers, CSP under the admin, throttling, 2FA, rate
limits, escaping and who may see drafts and previews."""

import json
import os
import re
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from django.contrib.auth.models import Group, User
from django.test import override_settings
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from news.models import ArticlePage
from portal.languages import page_url_in
from tests.discovery.test_sitemap import sitemap_entries, sitemap_files
from tests.factories import make_article

ROOT = Path(__file__).resolve().parents[2]


def _deploy_environment():
    """This process's environment without what test set-up adds for itself (the browser
    tests allow Django's ORM inside Playwright's event loop), as a deployment would have."""
    return {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}


def test_production_settings_pass_check_deploy_without_a_warning():
    env = {
        **_deploy_environment(),
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "example.org",
    }
    env.pop("CACHE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {**_deploy_environment(), "DJANGO_SETTINGS_MODULE": "portal.settings.production"}
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def _csp(response):
    policy = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


PRODUCTION_HSTS = {
    "SECURE_HSTS_SECONDS": 31_536_000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
}


def _assert_security_headers(response):
    policy = _csp(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response.headers["Permissions-Policy"]
    assert "camera=()" in permissions
    assert "geolocation=()" in permissions
    assert "fullscreen=(self)" in permissions


@pytest.mark.parametrize("language", ["vi", "en"])
def test_public_pages_carry_the_security_headers(client, home, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    _assert_security_headers(response)


@override_settings(**PRODUCTION_HSTS)
def test_https_answers_carry_hsts(client, home):
    response = client.get("/vi/", secure=True)
    assert response.headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )


@pytest.fixture
def every_public_page(home, section, zones_index):
    """`every_public_page(language)`: one address of each public page type, by name."""
    from news.models import EventThread, Topic
    from portal.languages import page_url_in
    from tests.factories import (
        make_cluster,
        make_directory,
        make_enterprise,
        make_exemplar_index,
        make_legal_document,
        make_profile,
        make_registry,
        make_report,
        make_report_index,
        make_zone,
    )

    topic = Topic.objects.create(name_vi="Xuất khẩu", name_en="Exports", slug="xuat-khau")
    thread = EventThread.objects.create(title_vi="Dòng sự kiện", title_en="Thread", slug="dong")
    article = make_article(
        section, title_en="Exports rise", published=(2022, 7, 27), event_thread=thread
    )
    article.topics.add(topic)
    article.save_revision().publish()
    zone = make_zone(zones_index, "KCN Quế Võ", "Que Vo Industrial Zone", slug_en="que-vo")
    cluster = make_cluster(zones_index, 1, member_zones=[zone])
    directory = make_directory(home)
    enterprise = make_enterprise(zone=zone)
    registry = make_registry(home)
    make_legal_document("47/QĐ-BQL")
    exemplars = make_exemplar_index(home)
    profile = make_profile(
        exemplars, title_en="A profile", awards=[("emulation-flag", "province", 2023, None)]
    )
    reports = make_report_index(home)
    report = make_report(reports, start=(2021, 3, 1), title_en="A conference")

    def addresses(language):
        def url(page):
            return page_url_in(page, language)

        return {
            "home": f"/{language}/",
            "section": url(section),
            "section year": f"{url(section)}2022/",
            "section month": f"{url(section)}2022/07/",
            "section topic": f"{url(section)}topic/xuat-khau/",
            "topic": f"/{language}/topic/xuat-khau/",
            "thread": f"/{language}/thread/dong/",
            "article": url(article),
            "zones index": url(zones_index),
            "zone": url(zone),
            "cluster": url(cluster),
            "directory": url(directory),
            "enterprise": f"{url(directory)}{enterprise.pk}/",
            "registry": url(registry),
            "registry entry": f"{url(registry)}47-qd-bql/",
            "exemplar index": url(exemplars),
            "honour roll": f"{url(exemplars)}honour-roll/2023/",
            "profile": url(profile),
            "report index": url(reports),
            "report year": f"{url(reports)}2021/",
            "report": url(report),
            "feed": f"/{language}/feeds/rss.xml",
            "sitemap": "/sitemap.xml",
        }

    return addresses


@override_settings(**PRODUCTION_HSTS)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_public_page_type_carries_the_security_headers(client, every_public_page, language):
    pages = {
        **every_public_page(language),
        "search": f"/{language}/search/?q=khu",
        "search api": f"/api/search/?q=khu&lang={language}",
        "pages api": f"/api/v2/pages/?lang={language}",
    }
    for name, url in pages.items():
        response = client.get(url, secure=True)
        assert response.status_code == 200, name
        _assert_security_headers(response)
        assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000"), name


SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Strict-Transport-Security",
    "Referrer-Policy",
    "Permissions-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Cross-Origin-Opener-Policy",
)


@override_settings(PAGE_CACHE_SECONDS=600, **PRODUCTION_HSTS)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_cache_hit_carries_the_same_security_headers_as_the_miss(
    client, every_public_page, language
):
    pages = every_public_page(language)
    del pages["sitemap"]  # served at the root to every language (Vary: Accept-Language)
    for name, url in pages.items():
        miss = client.get(url, secure=True)
        hit = client.get(url, secure=True)
        cache_states = (miss.headers.get("X-Page-Cache"), hit.headers.get("X-Page-Cache"))
        assert cache_states == ("miss", "hit"), name
        _assert_security_headers(hit)
        for header in SECURITY_HEADERS:
            assert hit.headers[header] == miss.headers[header], (name, header)
        assert not hit.cookies, "a cached answer never hands out anyone's cookie"


COOKIE_SETTINGS = [
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_SSL_REDIRECT",
]


def _production_settings(names):
    """The values portal.settings.production gives `names`, read in a process of its own."""
    env = {
        **_deploy_environment(),
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "example.org",
    }
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return json.loads(result.stdout)


def test_production_cookies_are_secure_and_http_only():
    production = _production_settings(COOKIE_SETTINGS)
    assert production["SESSION_COOKIE_SECURE"] and production["CSRF_COOKIE_SECURE"]
    assert production["SESSION_COOKIE_HTTPONLY"] and production["LANGUAGE_COOKIE_SECURE"]
    assert production["SECURE_HSTS_SECONDS"] == 31_536_000
    assert production["SECURE_SSL_REDIRECT"]


def test_the_cookies_a_sign_in_sets_under_production_settings_are_secure(client, home, editor):
    """The sign-in page's CSRF cookie and the session cookie, as a browser receives them."""
    with override_settings(**_production_settings(COOKIE_SETTINGS)):
        assert client.get("/admin/login/").status_code == 301, "plain HTTP is sent to HTTPS"
        client.get("/admin/login/", secure=True)
        signed_in = client.post(
            "/admin/login/",
            {"username": "editor", "password": "a-long-passphrase"},
            secure=True,
        )
    assert signed_in.status_code == 302
    csrf, session = client.cookies["csrftoken"], client.cookies["sessionid"]
    assert csrf["secure"] and session["secure"]
    assert session["httponly"]
    assert session["samesite"] == "Lax" and csrf["samesite"] == "Lax"


class _InlineCode(HTMLParser):
    """Collects what a CSP without 'unsafe-inline' scripts would block."""

    executable_types = {"", "text/javascript", "module", "application/javascript"}

    def __init__(self):
        super().__init__()
        self.inline_scripts = []
        self.handlers = []
        self.external = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name, value))
            if name in {"src", "href"} and tag in {"script", "link", "img", "iframe"}:
                host = urlsplit(value or "").netloc
                if host and host != "testserver":
                    self.external.append(value)
        if tag == "script" and "src" not in attributes:
            self._in_script = (attributes.get("type") or "").lower() in self.executable_types

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts.append(data.strip()[:80])


def _assert_works_under_policy(response, inline_scripts_allowed=False):
    assert response.status_code == 200
    policy = _csp(response)
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    found = _InlineCode()
    found.feed(response.content.decode())
    if inline_scripts_allowed:
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    else:
        assert policy["script-src"] == ["'self'"]
        assert found.inline_scripts == []
    assert found.handlers == [], "inline event handlers run under no policy we send"
    assert found.external == [], "every script, style and image comes from the portal itself"
    return found


@pytest.fixture
def editor(db):
    return User.objects.create_superuser("editor", "editor@example.org", "a-long-passphrase")


def test_public_pages_run_no_inline_script(client, section):
    article = make_article(section, title_en="Zone news")
    for url in ["/vi/", section.url, article.url, "/vi/search/?q=khu"]:
        _assert_works_under_policy(client.get(url))


def test_admin_dashboard_loads_under_the_policy(client, home, editor):
    client.force_login(editor)
    _assert_works_under_policy(client.get("/admin/"), inline_scripts_allowed=True)


def test_admin_page_editor_loads_under_the_policy(client, section, editor):
    """The editor's widgets start with inline scripts: the admin policy must allow them."""
    article = make_article(section, title_en="Zone news")
    client.force_login(editor)
    for url in [
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/add/news/articlepage/{section.pk}/",
    ]:
        found = _assert_works_under_policy(client.get(url), inline_scripts_allowed=True)
        assert any("initDateTimeChooser" in script for script in found.inline_scripts)


def test_admin_login_page_loads_under_the_policy(client, home):
    _assert_works_under_policy(client.get("/admin/login/"), inline_scripts_allowed=True)


def _fail_login(client, username="editor"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": "wrong-password"},
        REMOTE_ADDR="203.0.113.9",
    )


def test_admin_login_is_locked_after_five_failures(client, editor):
    for _attempt in range(5):
        response = _fail_login(client)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Đăng nhập sai quá nhiều lần" in page
    assert "Too many failed sign-in attempts" in page
    assert int(response.headers["Retry-After"]) == 15 * 60
    locked = client.post(
        "/admin/login/",
        {"username": "editor", "password": "a-long-passphrase"},
        REMOTE_ADDR="203.0.113.9",
    )
    assert locked.status_code == 429, "the right password does not lift the lockout"
    assert not locked.wsgi_request.user.is_authenticated


def test_a_correct_sign_in_resets_the_count(client, editor):
    for _attempt in range(4):
        _fail_login(client)
    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": "a-long-passphrase"},
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 302
    client.logout()
    assert _fail_login(client).status_code == 200


def test_other_addresses_are_not_locked_out_with_the_attacker(client, editor):
    for _attempt in range(5):
        _fail_login(client)
    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": "a-long-passphrase"},
        REMOTE_ADDR="198.51.100.20",
    )
    assert response.status_code == 302


def _user_in(group_name, username="moderator"):
    group, _created = Group.objects.get_or_create(name=group_name)
    user = User.objects.create_user(username, f"{username}@example.org", "a-long-passphrase")
    user.is_staff = True
    user.save()
    user.groups.add(group)
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def _code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


# django-otp makes a device wait 1, 2, 4... seconds after each wrong code; these tests enter
# a wrong code and then the right one at once, so the wait is switched off here.
@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
@pytest.mark.parametrize("group_name", ["Administrators", "Moderators"])
def test_two_factor_set_up_is_required_for_administrators_and_moderators(client, home, group_name):
    user = _user_in(group_name)
    client.force_login(user)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts_two_factor_setup"))
    setup = client.get(response.url)
    assert setup.status_code == 200
    assert "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    wrong = client.post(response.url, {"token": "000000" if _code(device) != "000000" else "1"})
    assert wrong.status_code == 200
    assert client.get("/admin/").status_code == 302
    done = client.post(response.url, {"token": _code(device), "next": "/admin/pages/"})
    assert done.status_code == 302
    assert done.url == "/admin/pages/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
def test_a_paired_moderator_enters_a_code_at_each_sign_in(client, home):
    user = _user_in("Moderators")
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client.force_login(user)
    response = client.get("/admin/")
    assert response.url.startswith(reverse("accounts_two_factor_verify"))
    assert client.post(response.url, {"token": "12345x"}).status_code == 200
    assert client.get("/admin/").status_code == 302
    verified = client.post(response.url, {"token": _code(device)})
    assert verified.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("group_name", ["Administrators", "Moderators"])
def test_the_right_password_alone_never_opens_the_admin_to_those_groups(client, home, group_name):
    """Signed in through the real login form, a member is held at the code screen."""
    user = _user_in(group_name)
    user.is_superuser = group_name == "Administrators"
    user.save()
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    signed_in = client.post(
        "/admin/login/", {"username": user.username, "password": "a-long-passphrase"}
    )
    assert signed_in.status_code == 302
    assert signed_in.wsgi_request.user.is_authenticated
    for url in ["/admin/", "/admin/pages/", f"/admin/pages/{home.pk}/edit/", "/admin/users/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("accounts_two_factor_verify")), url


def test_editors_outside_those_groups_are_not_asked_for_a_code(client, home):
    editor = User.objects.create_user("writer", "w@example.org", "a-long-passphrase")
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_two_factor_screens_refuse_anonymous_visitors(client, home):
    response = client.get(reverse("accounts_two_factor_setup"))
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    assert not TOTPDevice.objects.exists()


@override_settings(PORTAL_RATE_LIMITS={"search": (3, 60), "directory": (3, 60)})
@pytest.mark.parametrize("language", ["vi", "en"])
def test_search_is_rate_limited_with_a_bilingual_429(client, home, language):
    for _request in range(3):
        assert client.get(f"/{language}/search/", {"q": "khu"}).status_code == 200
    refused = client.get(f"/{language}/search/", {"q": "khu"})
    assert refused.status_code == 429
    assert 0 < int(refused.headers["Retry-After"]) <= 60
    page = refused.content.decode()
    assert "Too many requests" in page
    assert "Quá nhiều yêu cầu" in page
    other = client.get(f"/{language}/search/", {"q": "khu"}, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 200


@override_settings(PORTAL_RATE_LIMITS={"directory": (1, 60)})
def test_the_limiter_answers_json_clients_in_json(rf):
    from django.http import JsonResponse

    from accounts.ratelimit import rate_limited

    @rate_limited("directory")
    def directory_api(request):
        return JsonResponse({"results": []})

    assert directory_api(rf.get("/api/directory/")).status_code == 200
    refused = directory_api(rf.get("/api/directory/"))
    assert refused.status_code == 429
    body = json.loads(refused.content)
    assert body["error"] == "rate_limited"
    assert "Vui lòng đợi" in body["messages"]["vi"]
    assert "Please wait" in body["messages"]["en"]


def _contentstate(text, url):
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 5, "key": 0}],
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


def _story_blocks(text):
    """Every kind of story block an editor can fill with text, each given `text`."""
    return [
        ("paragraph", _contentstate("Click " + text, "javascript:xss(4)")),
        ("quote", {"text": text, "attribution": text}),
        (
            "table",
            {
                "caption": text,
                "table": json.dumps(
                    {
                        "data": [[text, "ô"]],
                        "table_header_choice": "neither",
                        "table_caption": "",
                    }
                ),
            },
        ),
    ]


def test_rich_text_from_the_editor_cannot_carry_script(client, section, editor, hostile_input):
    """Script pasted into any story block or the standfirst, in either language, or a
    javascript: link, is published as text through the admin's own edit form."""
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    article = make_article(section, title_vi="Bài có mã độc", title_en="A hostile story")
    client.force_login(editor)
    form = client.get(f"/admin/pages/{article.pk}/edit/")
    assert form.status_code == 200
    data = nested_form_data(
        {
            "title_vi": "Bài có mã độc",
            "title_en": "A hostile story",
            "slug_vi": article.slug_vi,
            "slug_en": article.slug_en,
            "standfirst_vi": hostile_input.text,
            "standfirst_en": hostile_input.text,
            "body_vi": streamfield(_story_blocks(hostile_input.text)),
            "body_en": streamfield(_story_blocks(hostile_input.text)),
            "published_at": "2022-07-27 10:00",
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()
    article.refresh_from_db()
    assert len(article.body_en) == 3, "every block was saved"
    for language in ("vi", "en"):
        page = client.get(page_url_in(article, language))
        html = hostile_input.assert_inert(page)
        assert "Click" in html
        assert 'href="javascript:' not in html
        assert html.count(hostile_input.escaped) >= 5, "standfirst, paragraph, quote, table"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_drafts_are_not_public(client, section, language):
    article = make_article(section, title_en="Draft story")
    article.unpublish()
    if language == "vi":
        url = f"/vi/{section.slug_vi}/{article.slug_vi}/"
    else:
        url = f"/en/{section.slug_en}/{article.slug_en}/"
    assert client.get(url).status_code == 404


def test_unpublished_changes_are_not_shown_to_readers(client, section):
    article = make_article(section, title_vi="Bản đã đăng")
    article.title_vi = "Bản nháp chưa duyệt"
    article.save_revision()
    page = client.get(article.url).content.decode()
    assert "Bản đã đăng" in page
    assert "Bản nháp chưa duyệt" not in page


DRAFT_SECRET = "Bí mật chưa duyệt"


def _article_with_a_pending_draft(section):
    """A live article whose latest revision, not yet published, carries DRAFT_SECRET in its
    titles, body and slug."""
    article = make_article(section, title_vi="Bản đã đăng", title_en="Published version")
    article.title_vi = f"{DRAFT_SECRET} tiêu đề"
    article.title_en = f"{DRAFT_SECRET} title"
    article.slug_vi = "bi-mat-chua-duyet"
    article.body_vi = [("paragraph", f"<p>{DRAFT_SECRET} trong thân bài.</p>")]
    article.body_en = [("paragraph", f"<p>{DRAFT_SECRET} in the body.</p>")]
    return article, article.save_revision()


def test_previews_and_revisions_need_a_signed_in_editor_with_permission(client, section, editor):
    article, revision = _article_with_a_pending_draft(section)
    urls = [
        f"/admin/pages/{article.pk}/edit/preview/",
        f"/admin/pages/{article.pk}/view_draft/",
        f"/admin/pages/{article.pk}/revisions/{revision.pk}/view/",
        f"/admin/pages/{article.pk}/revisions/compare/live...{revision.pk}/",
        f"/admin/pages/{article.pk}/edit/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/admin/login/"), url
        assert DRAFT_SECRET not in response.content.decode()
    assert client.post(urls[0], {"title_vi": "x"}).url.startswith("/admin/login/")
    outsider = User.objects.create_user("reader", "r@example.org", "a-long-passphrase")
    client.force_login(outsider)
    for url in urls:
        response = client.get(url)
        assert response.status_code in {302, 403}, url
        assert DRAFT_SECRET not in response.content.decode(), url
    client.force_login(editor)
    assert DRAFT_SECRET in client.get(urls[1]).content.decode(), "the draft is there to leak"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_pending_draft_never_leaks_into_sitemap_feeds_search_or_api(
    client, section, settings, language
):
    """The live version is published everywhere; its unpublished revision nowhere."""
    settings.SEARCH_BACKEND = "database"
    article, _revision = _article_with_a_pending_draft(section)
    live_title = "Bản đã đăng" if language == "vi" else "Published version"
    section_slug = section.slug_vi if language == "vi" else section.slug_en
    reader_urls = [
        *(location for location, _tree in sitemap_files(client)),
        f"/{language}/feeds/rss.xml",
        f"/{language}/feeds/atom.xml",
        f"/{language}/feeds/section/{section_slug}/rss.xml",
        f"/{language}/search/?q={live_title}",
        f"/{language}/search/?q=bi+mat+chua+duyet",
        f"/api/search/?q=bi+mat&lang={language}",
        f"/api/search/suggest/?q=bi+mat&lang={language}",
        f"/api/v2/pages/?type=news.ArticlePage&fields=body&lang={language}",
        f"/api/v2/pages/{article.pk}/?lang={language}",
        f"/{language}/",
        page_url_in(ArticlePage.objects.get(pk=article.pk), language),
    ]
    for url in reader_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert DRAFT_SECRET not in text, url
        assert "bi-mat-chua-duyet" not in text, url
    assert live_title in client.get(f"/{language}/feeds/rss.xml").content.decode()
    assert any(article.slug_en in location for location in sitemap_entries(client))
    assert live_title in client.get(reader_urls[4]).content.decode(), "search finds the live one"


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    "restriction_type", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN]
)
def test_private_pages_and_their_children_show_anonymous_readers_nothing(
    client, home, language, restriction_type
):
    from tests.factories import make_section

    internal = make_section(home, "Mục nội bộ", "Internal section")
    article = make_article(
        internal,
        title_vi="Tài liệu nội bộ",
        title_en="Internal paper",
        body_vi=[("paragraph", "<p>Số liệu mật của Ban.</p>")],
        body_en=[("paragraph", "<p>The authority's confidential figures.</p>")],
    )
    restriction = PageViewRestriction.objects.create(
        page=internal, restriction_type=restriction_type, password="mat-khau-noi-bo"
    )
    secret = "Số liệu mật của Ban." if language == "vi" else "confidential figures"
    title = "Tài liệu nội bộ" if language == "vi" else "Internal paper"
    for page in (internal, article):
        response = client.get(page_url_in(page, language))
        html = response.content.decode()
        assert secret not in html and title not in html
        if restriction_type == PageViewRestriction.PASSWORD:
            assert response.status_code == 200
            assert 'name="password"' in html
        else:
            assert response.status_code == 302
            assert response.url.startswith(f"/{language}/_util/login/?next=")
    assert title not in client.get(f"/{language}/").content.decode()
    if restriction_type == PageViewRestriction.PASSWORD:
        form = client.get(page_url_in(article, language)).content.decode()
        action = re.search(r'<form[^>]+action="([^"]+)"', form).group(1)
        wrong = client.post(action, {"password": "doan-bua", "return_url": article.url})
        assert secret not in wrong.content.decode()
        client.post(action, {"password": restriction.password, "return_url": article.url})
        unlocked = client.get(page_url_in(article, language)).content.decode()
        assert secret in unlocked, "the right password opens it: the page has it to hide"


def test_the_admin_refuses_anonymous_visitors(client, home):
    for url in [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{home.pk}/edit/",
        "/admin/users/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/",
        "/admin/enterprise/",
        "/admin/indicator_value/",
        "/admin/recycle-bin/",
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/admin/login/"), url


@pytest.mark.django_db
def test_code_screens_can_load_their_icons_and_translations_before_the_code(client, home):
    """The admin sprite and JavaScript catalogue are not sent to the code screen."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("cho-ma", password="a-long-passphrase-for-tests")
    user.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    client.force_login(user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
    assert client.get(reverse("wagtailadmin_sprite")).status_code == 200
    assert client.get(reverse("wagtailadmin_javascript_catalog")).status_code == 200


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_control_character_in_a_query_answers_a_bilingual_400(client, section, language):
    """No filter takes a NUL; refused before any view, it never reaches the database."""
    response = client.get(f"/{language}/search/?q=thi%00dua")
    assert response.status_code == 400
    body = response.content.decode()
    assert "The address holds characters that no search or filter accepts." in body
    assert "Địa chỉ" in body
    assert body.index('lang="' + language + '"') < body.index(
        'lang="' + ("en" if language == "vi" else "vi") + '"'
    )
    assert client.get(f"/{language}/search/?q=thi%09dua").status_code == 200
