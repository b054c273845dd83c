"""Click-through in Chromium: an editor writes in Vietnamese, a translator adds the English,
a moderator approves, and readers see the article in both languages."""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.db import connections
from django.urls import reverse

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from news.models import ArticlePage
from newsroom import roles
from tests.factories import make_home, make_section
from tests.newsroom.conftest import PASSWORD, make_user

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not installed"),
]


def in_own_thread(scenario, *args):
    """Run `scenario(browser, *args)` with a Chromium of its own in a fresh thread.

    Playwright's sync API refuses to start in a thread whose event loop is running, which
    is the case once another browser test's session-wide Playwright is up; a new thread
    has no loop. Its database connections are closed when it ends.
    """
    sync_api = pytest.importorskip("playwright.sync_api")

    def run():
        try:
            with sync_api.sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
                try:
                    return scenario(browser, *args)
                finally:
                    browser.close()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def log_in(browser, live_server, username):
    page = browser.new_context(locale="vi-VN").new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    device = TOTPDevice.objects.filter(user__username=username, confirmed=True).first()
    if device is not None:
        page.wait_for_url(f"**{reverse('accounts_two_factor_verify')}**")
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
        page.fill("input[name=token]", f"{code:06d}")
        page.click("form:has(input[name=token]) button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def add_paragraph(page, field, text):
    page.click(f"#{field}-root .c-sf-add-button")
    page.get_by_role("option", name="Đoạn văn").click()
    editor = page.locator(f"#{field}-root [contenteditable='true']").first
    editor.wait_for()
    editor.focus()
    page.keyboard.type(text)
    # Draftail copies its state into the hidden form input as the text changes.
    page.wait_for_function(
        "([field, text]) => document.querySelector(`#${field}-0-value`).value.includes(text)",
        arg=[field, text],
    )


def open_actions_menu(page):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_write_translate_approve_and_read_in_both_languages(live_server, monkeypatch):
    # Playwright keeps an event loop in the scenario's thread; the ORM calls there are
    # ordinary synchronous ones.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    home = make_home()
    section = make_section(home)
    make_user("bien-tap", roles.EDITORS)
    make_user("bien-dich", roles.TRANSLATORS)
    moderator = make_user("kiem-duyet", roles.MODERATORS)
    TOTPDevice.objects.create(user=moderator, name="Điện thoại", confirmed=True)
    in_own_thread(write_translate_approve_and_read, live_server, section)


def write_translate_approve_and_read(browser, live_server, section):

    # The editor writes the Vietnamese article and saves a draft.
    editor = log_in(browser, live_server, "bien-tap")
    editor.goto(f"{live_server.url}/admin/pages/add/news/articlepage/{section.pk}/")
    editor.fill("#id_title_vi", "Khánh thành trung tâm đào tạo nghề cho công nhân")
    add_paragraph(editor, "body_vi", "Trung tâm đào tạo 2.000 công nhân mỗi năm.")
    editor.click("footer button.action-save")
    editor.wait_for_url("**/admin/pages/*/edit/")
    article = ArticlePage.objects.get()
    assert not article.live
    assert "2.000 công nhân" in str(article.get_latest_revision_as_object().body_vi)

    # The translator adds the English and submits the article for moderation.
    translator = log_in(browser, live_server, "bien-dich")
    translator.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    assert translator.locator("#id_title_vi").is_disabled()
    translator.locator(".locale-picker button.locale-toggle", has_text="EN").click()
    translator.fill("#id_title_en", "Vocational training centre for workers opens")
    add_paragraph(translator, "body_en", "The centre will train 2,000 workers a year.")
    open_actions_menu(translator)
    with translator.expect_navigation():
        translator.click("button[name='action-submit']")
    draft = ArticlePage.objects.get().get_latest_revision_as_object()
    assert draft.title_vi == "Khánh thành trung tâm đào tạo nghề cho công nhân"
    assert draft.title_en == "Vocational training centre for workers opens"
    assert "2.000 công nhân" in str(draft.body_vi)
    assert "2,000 workers a year" in str(draft.body_en)

    # The moderator approves, which publishes it.
    moderator = log_in(browser, live_server, "kiem-duyet")
    moderator.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    open_actions_menu(moderator)
    approve = moderator.locator(
        "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    )
    with moderator.expect_navigation():
        approve.click()
    article.refresh_from_db()
    assert article.live and article.english_ready

    # Readers see both languages.
    reader = browser.new_context().new_page()
    reader.goto(f"{live_server.url}/vi/tin-tuc-su-kien/{article.slug_vi}/")
    assert "Khánh thành trung tâm đào tạo nghề" in reader.locator("h1").inner_text()
    assert "2.000 công nhân" in reader.content()
    reader.goto(f"{live_server.url}/en/news-and-events/{article.slug_en}/")
    assert "Vocational training centre" in reader.locator("h1").inner_text()
    assert "2,000 workers a year" in reader.content()
