"""The review workflow end to end, scheduling, locking, revisions and bilingual preview."""

from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Revision, TaskState, WorkflowState

import pytest

from news.models import ArticlePage
from tests.factories import make_article, sign_in
from tests.newsroom.conftest import article_form_data

pytestmark = pytest.mark.django_db


def add_url(section):
    return reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def workflow_action_url(page, action):
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))


def latest_revision(page):
    return ArticlePage.objects.get(pk=page.pk).get_latest_revision()


def submit_new_article(client, editor, section, slug="khanh-thanh-nha-may"):
    sign_in(client, editor)
    data = article_form_data(
        title_vi="Khánh thành nhà máy linh kiện",
        slug_vi=slug,
        body_vi=["Nhà máy tuyển 800 lao động địa phương."],
        title_en="Component factory opens",
        body_en=["The factory hires 800 local workers."],
    )
    response = client.post(add_url(section), {**data, "action-submit": "submit"})
    assert response.status_code == 302
    return ArticlePage.objects.get(slug_vi=slug)


def test_submit_notifies_moderators_and_approval_publishes(client, editor, moderator, section):
    article = submit_new_article(client, editor, section)
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not article.live
    assert any(moderator.email in message.to for message in mail.outbox)
    mail.outbox.clear()

    sign_in(client, moderator)
    response = client.post(
        workflow_action_url(article, "approve"), {"comment": "Đã kiểm tra số liệu."}
    )
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert TaskState.objects.get(workflow_state=state).comment == "Đã kiểm tra số liệu."
    assert any(editor.email in message.to for message in mail.outbox)
    assert client.get("/vi/tin-tuc-su-kien/khanh-thanh-nha-may/").status_code == 200


def test_request_changes_sends_the_comment_back_to_the_editor(client, editor, moderator, section):
    article = submit_new_article(client, editor, section, slug="bai-can-sua")
    mail.outbox.clear()
    sign_in(client, moderator)
    client.post(
        workflow_action_url(article, "reject"),
        {"comment": "Cần bổ sung nguồn số liệu."},
    )
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state = TaskState.objects.get(workflow_state=state)
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == "Cần bổ sung nguồn số liệu."
    assert any(editor.email in message.to for message in mail.outbox)
    article.refresh_from_db()
    assert not article.live


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_editors_and_translators_cannot_approve(client, request, editor, role, section):
    article = submit_new_article(client, editor, section, slug="tu-duyet")
    sign_in(client, request.getfixturevalue(role))
    client.post(workflow_action_url(article, "approve"), {"comment": ""})
    article.refresh_from_db()
    assert not article.live
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_a_page_in_moderation_is_locked_to_its_editor(client, editor, section):
    article = submit_new_article(client, editor, section, slug="dang-duyet")
    before = latest_revision(article).pk
    client.post(edit_url(article), article_form_data(article, title_vi="Sửa khi đang duyệt"))
    assert latest_revision(article).pk == before


def test_a_moderator_locks_a_page_and_the_editor_cannot_save(client, editor, moderator, section):
    article = make_article(section, title_vi="Bài bị khoá")
    sign_in(client, moderator)
    client.post(reverse("wagtailadmin_pages:lock", args=[article.pk]))
    article.refresh_from_db()
    assert article.locked and article.locked_by == moderator
    sign_in(client, editor)
    client.post(edit_url(article), article_form_data(article, title_vi="Không được lưu"))
    assert latest_revision(article).as_object().title_vi == "Bài bị khoá"


def test_scheduled_publishing_and_expiry_run_by_publish_scheduled(client, moderator, section):
    article = make_article(section, title_vi="Bài hẹn giờ", title_en="Scheduled story")
    article.unpublish()
    sign_in(client, moderator)
    go_live = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    client.post(
        edit_url(article),
        {**article_form_data(article, go_live_at=go_live), "action-publish": "publish"},
    )
    article.refresh_from_db()
    assert not article.live
    scheduled = Revision.page_revisions.get(
        object_id=str(article.pk), approved_go_live_at__isnull=False
    )
    call_command("publish_scheduled")
    article.refresh_from_db()
    assert not article.live, "published a day early"

    # A day passes: move the schedule back instead of waiting.
    past = timezone.now() - timedelta(minutes=1)
    scheduled.content["go_live_at"] = past.isoformat()
    Revision.objects.filter(pk=scheduled.pk).update(
        approved_go_live_at=past, content=scheduled.content
    )
    call_command("publish_scheduled")
    article.refresh_from_db()
    assert article.live

    ArticlePage.objects.filter(pk=article.pk).update(
        expire_at=timezone.now() - timedelta(minutes=1)
    )
    call_command("publish_scheduled")
    article.refresh_from_db()
    assert not article.live and article.expired


def test_revisions_can_be_compared(client, moderator, section):
    article = make_article(section, title_vi="Tiêu đề bản đầu")
    first = latest_revision(article)
    sign_in(client, moderator)
    client.post(edit_url(article), article_form_data(article, title_vi="Tiêu đề bản sau"))
    second = latest_revision(article)
    assert second.pk != first.pk
    response = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=(article.pk, first.pk, second.pk))
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert '<span class="deletion">đầu</span>' in html
    assert '<span class="addition">sau</span>' in html


def test_preview_shows_each_language(client, moderator, section):
    article = make_article(section, title_vi="Bài xem trước", title_en="Preview story")
    sign_in(client, moderator)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    data = article_form_data(
        article,
        title_vi="Bản nháp tiếng Việt",
        body_vi=["Đoạn văn tiếng Việt chưa xuất bản."],
        title_en="English draft",
        body_en=["An English paragraph not yet published."],
    )
    assert client.post(preview_url, data).json()["is_valid"]
    vietnamese = client.get(preview_url, {"mode": "vi"}).content.decode()
    english = client.get(preview_url, {"mode": "en"}).content.decode()
    assert "Đoạn văn tiếng Việt chưa xuất bản." in vietnamese
    assert "not yet published" not in vietnamese
    assert "An English paragraph not yet published." in english
    assert '<html lang="en"' in english or 'lang="en"' in english
