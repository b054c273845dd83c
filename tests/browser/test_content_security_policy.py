"""The admin's dashboard and page editor, and a public article, run in Chromium under the
policy the site sends, with no Content-Security-Policy violation.

Without ADMIN_CONTENT_SECURITY_POLICY_UPDATE the page editor reports six blocked inline
scripts (its choosers and date pickers): that is what this test guards."""

from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

import pytest

from tests.factories import make_article, make_home, make_section

pytestmark = pytest.mark.browser

LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_admin_and_public_pages_run_without_csp_violations(live_server, chromium):

    home = make_home()
    section = make_section(home)
    article = make_article(section, title_en="Browser story")
    admin = User.objects.create_superuser("csp", "csp@example.org", "a-long-passphrase")
    client = Client()
    client.force_login(admin)
    session_cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    public_url = live_server.url + article.url
    admin_paths = ["/admin/", f"/admin/pages/{article.pk}/edit/"]

    context = chromium.new_context()
    try:
        context.add_init_script(LISTEN_FOR_VIOLATIONS)
        page = context.new_page()
        console = []
        page.on("console", lambda message: console.append(message.text))
        page.goto(public_url)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__cspViolations") == []

        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": session_cookie,
                    "url": live_server.url,
                }
            ]
        )
        for path in admin_paths:
            response = page.goto(live_server.url + path)
            assert response.status == 200, path
            policy = response.headers["content-security-policy"]
            assert "script-src 'self' 'unsafe-inline'" in policy, path
            assert "object-src 'none'" in policy, path
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__cspViolations") == [], path
        assert page.locator("[data-contentpath='title_vi'], #id_title_vi").count() > 0
        assert not [text for text in console if "Content Security Policy" in text]
    finally:
        context.close()
