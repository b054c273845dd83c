"""Who can write, translate, approve and publish, through the admin's real editor views."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page, Workflow

import pytest

from news.models import ArticlePage
from newsroom import roles
from newsroom.workflow import WORKFLOW_NAME
from tests.factories import make_article, sign_in
from tests.newsroom.conftest import article_form_data

pytestmark = pytest.mark.django_db


def add_url(section):
    return reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def latest(page):
    """The newest revision of the page, read afresh from the database."""
    return type(page).objects.get(pk=page.pk).get_latest_revision_as_object()


def test_the_migration_creates_every_role_with_page_permissions_on_the_root():
    root = Page.get_first_root_node()
    granted = {
        name: set(
            GroupPagePermission.objects.filter(group__name=name, page=root).values_list(
                "permission__codename", flat=True
            )
        )
        for name in roles.ROLE_NAMES
    }
    assert granted[roles.EDITORS] >= {"add_page", "change_page"}
    assert "publish_page" not in granted[roles.EDITORS]
    assert granted[roles.TRANSLATORS] == {"change_page"}
    assert {"publish_page", "unlock_page"} <= granted[roles.MODERATORS]
    assert granted[roles.DIRECTORY_MANAGERS] == set()
    assert "bulk_delete_page" in granted[roles.ADMINISTRATORS]
    for name in roles.ROLE_NAMES:
        assert Group.objects.get(name=name).permissions.filter(codename="access_admin").exists()
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert list(Workflow.objects.filter(active=True)) == [workflow]
    assert root.workflowpage.workflow == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [roles.MODERATORS]


def test_an_editor_writes_a_draft_but_cannot_publish_it(client, editor, section):
    sign_in(client, editor)
    data = article_form_data(
        title_vi="Khởi công nhà máy mới tại Quế Võ",
        body_vi=["Một nhà đầu tư điện tử khởi công nhà máy thứ hai."],
        slug_vi="khoi-cong-nha-may-moi",
    )
    response = client.post(add_url(section), {**data, "action-publish": "publish"})
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug_vi="khoi-cong-nha-may-moi")
    assert article.owner == editor
    assert not article.live
    assert article.title_vi == "Khởi công nhà máy mới tại Quế Võ"


def test_a_translator_changes_the_english_side_and_the_vietnamese_stays(
    client, translator, section
):
    article = make_article(section, title_vi="Hội nghị đối thoại doanh nghiệp")
    sign_in(client, translator)
    page = client.get(edit_url(article))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="title_vi"' in html
    title_vi_tag = html[html.index('name="title_vi"') - 300 : html.index('name="title_vi"') + 300]
    assert "disabled" in title_vi_tag
    data = article_form_data(
        article,
        title_vi="Tiêu đề bị dịch giả sửa trái phép",
        body_vi=["Nội dung tiếng Việt bị ghi đè."],
        title_en="Business dialogue conference",
        body_en=["The Authority met forty companies to hear their questions."],
        translator="Trần Linh",
    )
    response = client.post(edit_url(article), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = latest(ArticlePage.objects.get(pk=article.pk))
    assert draft.title_vi == "Hội nghị đối thoại doanh nghiệp"
    assert "Nội dung tiếng Việt" in str(draft.body_vi)
    assert "bị ghi đè" not in str(draft.body_vi)
    assert draft.title_en == "Business dialogue conference"
    assert "forty companies" in str(draft.body_en)
    assert draft.translator == "Trần Linh"


def test_a_translator_cannot_add_pages_or_publish(client, translator, section):
    article = make_article(section, title_vi="Bài chưa dịch")
    article.unpublish()
    sign_in(client, translator)
    assert client.get(add_url(section)).status_code in (302, 403)
    data = article_form_data(article, title_en="Not translated yet", body_en=["Text."])
    client.post(edit_url(article), {**data, "action-publish": "publish"})
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_a_translator_cannot_save_a_page_type_without_an_english_guard(client, translator, section):
    sign_in(client, translator)
    response = client.post(edit_url(section), {"title_vi": "Đổi tên chuyên mục"})
    assert response.status_code == 403
    section.refresh_from_db()
    assert section.title_vi == "Tin tức - Sự kiện"


def test_an_editor_who_is_also_a_translator_may_change_vietnamese(client, editor, section):
    editor.groups.add(Group.objects.get(name=roles.TRANSLATORS))
    article = make_article(section, title_vi="Tiêu đề cũ")
    sign_in(client, editor)
    client.post(edit_url(article), article_form_data(article, title_vi="Tiêu đề mới"))
    assert latest(ArticlePage.objects.get(pk=article.pk)).title_vi == "Tiêu đề mới"


def test_a_moderator_publishes_directly(client, moderator, section):
    article = make_article(section, title_vi="Bài chờ xuất bản")
    article.unpublish()
    sign_in(client, moderator)
    data = article_form_data(article, title_en="Waiting to be published", body_en=["Text."])
    response = client.post(edit_url(article), {**data, "action-publish": "publish"})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live
    assert article.title_en == "Waiting to be published"


def test_a_directory_manager_cannot_edit_news(client, directory_manager, section):
    article = make_article(section)
    sign_in(client, directory_manager)
    assert client.get(edit_url(article)).status_code in (302, 403)
    response = client.post(edit_url(article), article_form_data(article, title_vi="Sửa trái phép"))
    assert response.status_code in (302, 403)
    assert latest(ArticlePage.objects.get(pk=article.pk)).title_vi != "Sửa trái phép"


def test_an_administrator_can_manage_users(client, administrator):
    sign_in(client, administrator)
    assert client.get(reverse("wagtailusers_users:index")).status_code == 200
