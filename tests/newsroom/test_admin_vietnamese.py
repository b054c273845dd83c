"""Every admin screen the editors use speaks Vietnamese to a Vietnamese editor."""

from django.urls import reverse

from wagtail.documents import get_document_model

import pytest

from news.models import Topic
from newsroom.models import PageFlag
from tests.factories import make_article, make_image, sign_in
from tests.newsroom.admin_text import english_interface_strings, untranslated_strings

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom_content(section, editor):
    article = make_article(section, title_vi="Bài để kiểm tra giao diện", owner=editor)
    article.body_vi = [("paragraph", "<p>Sửa đổi thứ hai.</p>")]
    article.save_revision(user=editor)
    image = make_image()
    document = get_document_model().objects.create(title="Báo cáo năm", file="bao-cao.pdf")
    topic = Topic.objects.create(name_vi="Thi đua", name_en="Emulation")
    flag = PageFlag.objects.create(page=article, kind=PageFlag.NEEDS_REVIEW, reason="OCR")
    return {
        "article": article,
        "image": image,
        "document": document,
        "topic": topic,
        "flag": flag,
    }


def screens(content, section):
    article = content["article"]
    revisions = list(article.revisions.order_by("pk").values_list("pk", flat=True))
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "explorer": reverse("wagtailadmin_explore", args=[section.pk]),
        "page editor": reverse("wagtailadmin_pages:edit", args=[article.pk]),
        "new page": reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk)),
        "page history": reverse("wagtailadmin_pages:history", args=[article.pk]),
        "revision comparison": reverse(
            "wagtailadmin_pages:revisions_compare", args=(article.pk, revisions[0], revisions[-1])
        ),
        "workflow history": reverse("wagtailadmin_pages:workflow_history", args=[article.pk]),
        "workflow report": reverse("wagtailadmin_reports:workflow"),
        "workflow tasks report": reverse("wagtailadmin_reports:workflow_tasks"),
        "images": reverse("wagtailimages:index"),
        "image upload": reverse("wagtailimages:add_multiple"),
        "image editor": reverse("wagtailimages:edit", args=[content["image"].pk]),
        "documents": reverse("wagtaildocs:index"),
        "document upload": reverse("wagtaildocs:add_multiple"),
        "document editor": reverse("wagtaildocs:edit", args=[content["document"].pk]),
        "snippets": reverse("wagtailsnippets:index"),
        "topics": reverse("wagtailsnippets_news_topic:list"),
        "topic editor": reverse("wagtailsnippets_news_topic:edit", args=[content["topic"].pk]),
        "locked pages report": reverse("wagtailadmin_reports:locked_pages"),
        "aging pages report": reverse("wagtailadmin_reports:aging_pages"),
        "site history": reverse("wagtailadmin_reports:site_history"),
        "translation report": reverse("newsroom_translation_report"),
        "flagged pages": reverse("newsroom_flags:index"),
        "flag editor": reverse("newsroom_flags:edit", args=[content["flag"].pk]),
        "account": reverse("wagtailadmin_account"),
    }


def test_the_checker_finds_english_on_an_english_screen(client, moderator, section):
    """The test below could not fail if the same screens in English passed it."""
    moderator.wagtail_userprofile.preferred_language = "en"
    moderator.wagtail_userprofile.save()
    sign_in(client, moderator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    found = untranslated_strings(html)
    assert "Dashboard" in found or "Pages" in found, found
    assert len(english_interface_strings()) > 1000
    article = make_article(section)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    found = untranslated_strings(editor)
    assert "View / edit fields for" in found, "labels written into inline scripts are checked"
    assert untranslated_strings("<td>3 minutes trước</td>") == [
        "3 minutes trước (%(num)d minutes)"
    ], "filled-in msgids such as '3 minutes' are checked"
    assert untranslated_strings("<td>3 phút trước</td>") == []


@pytest.mark.parametrize("role", ["moderator", "administrator"])
def test_no_screen_shows_english_to_a_vietnamese_editor(
    client, request, role, section, newsroom_content
):
    user = request.getfixturevalue(role)
    sign_in(client, user)
    problems = {}
    for name, url in screens(newsroom_content, section).items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        found = untranslated_strings(response.content.decode())
        if found:
            problems[name] = found
    assert problems == {}
