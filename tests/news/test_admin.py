"""Editors create, translate and publish an article through Wagtail's real admin forms."""

from django.contrib.auth import get_user_model

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from news.models import ArticlePage, HomePage, SectionPage
from tests.factories import en_url, make_home, make_section, vi_url


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("editor-in-chief", "", "not-a-real-password")
    client.force_login(user)
    return client


def article_form(**overrides):
    data = {
        "title_vi": "Hội nghị tổng kết thi đua",
        "slug_vi": "",
        "title_en": "",
        "slug_en": "",
        "standfirst_vi": "Sapo của bài.",
        "standfirst_en": "",
        "lead_image_caption_vi": "",
        "lead_image_caption_en": "",
        "body_vi": streamfield([("paragraph", rich_text("<p>Nội dung bài viết.</p>"))]),
        "body_en": streamfield([]),
        "published_at": "2023-03-06 14:54:00",
        "author": "Nguyễn Thu Hà",
        "translator": "",
        "seo_title_vi": "",
        "seo_title_en": "",
        "search_description_vi": "",
        "search_description_en": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_creates_translates_and_publishes_an_article(admin_client, section):
    response = admin_client.post(f"/admin/pages/add/news/articlepage/{section.pk}/", article_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    article = ArticlePage.objects.get(title_vi="Hội nghị tổng kết thi đua")
    assert article.slug_vi == "hoi-nghi-tong-ket-thi-dua"
    assert not article.live
    assert not article.english_ready

    response = admin_client.post(
        f"/admin/pages/{article.pk}/edit/",
        article_form(
            slug_vi=article.slug_vi,
            title_en="Emulation review conference",
            standfirst_en="The standfirst.",
            body_en=streamfield([("paragraph", rich_text("<p>The article body.</p>"))]),
            translator="Trần Minh",
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.live and article.english_ready
    assert article.slug_en == "emulation-review-conference"
    assert "Nội dung bài viết." in admin_client.get(vi_url(article)).content.decode()
    admin_client.logout()
    english = admin_client.get(en_url(article)).content.decode()
    assert "The article body." in english and "Trần Minh" in english


def test_admin_refuses_an_article_without_a_vietnamese_title(admin_client, section):
    response = admin_client.post(
        f"/admin/pages/add/news/articlepage/{section.pk}/", article_form(title_vi="")
    )
    assert response.status_code == 200
    assert not ArticlePage.objects.exists()


def test_articles_can_only_live_in_sections(admin_client, home, section):
    assert ArticlePage.parent_page_types == ["news.SectionPage"]
    response = admin_client.get(f"/admin/pages/add/news/articlepage/{home.pk}/")
    assert response.status_code in {302, 403}
    assert SectionPage.objects.count() == 1


class ArticlePageTreeTests(WagtailPageTestCase):
    """Wagtail's own page test helpers: where articles may live and that the form creates one."""

    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.section = make_section(cls.home)

    def setUp(self):
        self.login()

    def test_tree_rules(self):
        self.assertCanCreateAt(SectionPage, ArticlePage)
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertAllowedSubpageTypes(ArticlePage, {})

    def test_can_create_through_the_admin_form(self):
        self.assertCanCreate(
            self.section,
            ArticlePage,
            article_form(title_vi="Bài tạo bằng biểu mẫu", slug_vi="bai-tao-bang-bieu-mau"),
        )
        self.assertTrue(ArticlePage.objects.filter(slug_vi="bai-tao-bang-bieu-mau").exists())
