"""The Wagtail admin's own page search finds Vietnamese titles typed without diacritics."""

from django.contrib.auth import get_user_model

import pytest

from tests.factories import make_article


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize("query", ["thi dua quy", "Que Vo", "QUE VO"])
def test_admin_page_search_ignores_diacritics(editor_client, section, query):
    make_article(section, title_vi="Quế Võ tổ chức thi đua quý III")
    make_article(section, title_vi="Tin khác không liên quan")
    response = editor_client.get("/admin/pages/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Quế Võ tổ chức thi đua quý III" in html
    assert "Tin khác không liên quan" not in html
