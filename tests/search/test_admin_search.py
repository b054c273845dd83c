"""The Wagtail admin's own page search finds Vietnamese titles typed without diacritics."""

from django.contrib.auth import get_user_model
from django.urls import reverse

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


def listing(client, url, query):
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("query", ["thi dua", "THI DUA KHEN", "thi đua"])
def test_admin_topic_listing_finds_names_typed_without_diacritics(editor_client, query):
    from news.models import Topic

    Topic.objects.create(name_vi="Thi đua khen thưởng", name_en="Emulation and awards")
    Topic.objects.create(name_vi="Môi trường", name_en="Environment")
    html = listing(editor_client, reverse("wagtailsnippets_news_topic:list"), query)
    assert "Thi đua khen thưởng" in html and "Môi trường" not in html


@pytest.mark.parametrize("query", ["dai hoi cong doan", "Đại hội", "dai hoi"])
def test_admin_event_thread_listing_finds_titles_typed_without_diacritics(editor_client, query):
    from news.models import EventThread

    EventThread.objects.create(title_vi="Đại hội Công đoàn các KCN", title_en="Union congress")
    EventThread.objects.create(title_vi="Hội chợ việc làm", title_en="Job fair")
    html = listing(editor_client, reverse("wagtailsnippets_news_eventthread:list"), query)
    assert "Đại hội Công đoàn các KCN" in html and "Hội chợ việc làm" not in html


@pytest.mark.parametrize(
    ("query", "found", "not_found"),
    [
        ("quyet dinh thanh lap", "Quyết định thành lập các Cụm thi đua", "Kế hoạch tuyên truyền"),
        ("QUYẾT ĐỊNH thành", "Quyết định thành lập các Cụm thi đua", "Kế hoạch tuyên truyền"),
        ("ke hoach", "Kế hoạch tuyên truyền", "Quyết định thành lập các Cụm thi đua"),
        ("47 qd bql", "Quyết định thành lập các Cụm thi đua", "Kế hoạch tuyên truyền"),
        ("12/KH-BQL", "Kế hoạch tuyên truyền", "Quyết định thành lập các Cụm thi đua"),
    ],
)
def test_admin_registry_listing_finds_documents_without_diacritics_or_by_number(
    editor_client, query, found, not_found
):
    from tests.factories import make_legal_document

    make_legal_document("47/QĐ-BQL", subject_vi="Quyết định thành lập các Cụm thi đua")
    make_legal_document("12/KH-BQL", subject_vi="Kế hoạch tuyên truyền", document_type="plan")
    html = listing(editor_client, reverse("wagtailsnippets_documents_legaldocument:list"), query)
    assert found in html and not_found not in html


@pytest.mark.parametrize("query", ["dai dong", "ĐẠI ĐỒNG", "dong dai", "Electronics Dai", "ENT-77"])
def test_admin_enterprise_listing_finds_names_in_any_spelling(editor_client, query):
    from tests.factories import make_enterprise

    make_enterprise(
        name_vi="Công ty TNHH Điện tử Đại Đồng",
        name_en="Dai Dong Electronics",
        certificate_number="ENT-77",
    )
    make_enterprise(name_vi="Công ty Bao Bì Hà Bắc", name_en="Ha Bac Packaging")
    html = listing(editor_client, "/admin/enterprise/", query)
    assert "Công ty TNHH Điện tử Đại Đồng" in html and "Bao Bì Hà Bắc" not in html
