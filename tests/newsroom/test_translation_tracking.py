"""English missing, up to date or outdated, in the report, on the dashboard and in the editor."""

from django.urls import reverse

import pytest

from news.models import ArticlePage
from newsroom.models import TranslationState, TranslationStatus
from newsroom.tracking import refresh_page
from tests.factories import make_article, make_section, paragraph, sign_in
from tests.newsroom.conftest import article_form_data

pytestmark = pytest.mark.django_db


def state_of(page):
    return TranslationStatus.objects.get(page_id=page.pk).state


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_an_article_without_english_is_missing(section):
    article = make_article(section, title_vi="Chỉ có tiếng Việt")
    assert state_of(article) == TranslationState.MISSING


def test_an_article_written_in_both_languages_is_up_to_date(section):
    article = make_article(section, title_vi="Có cả hai", title_en="Both languages")
    assert state_of(article) == TranslationState.UP_TO_DATE


def test_changing_the_vietnamese_makes_the_english_outdated_until_it_is_edited(section):
    article = make_article(section, title_vi="Bản gốc", title_en="Original")
    article.body_vi = paragraph("Số liệu mới: 12 dự án thay vì 10.")
    article.save_revision()
    assert state_of(article) == TranslationState.OUTDATED

    article.body_en = paragraph("New figures: 12 projects instead of 10.")
    article.save_revision()
    assert state_of(article) == TranslationState.UP_TO_DATE


def test_an_english_only_change_keeps_the_page_up_to_date(section):
    article = make_article(section, title_vi="Bản gốc", title_en="Original")
    article.title_en = "Original, corrected"
    article.save_revision()
    assert state_of(article) == TranslationState.UP_TO_DATE


def test_saving_unchanged_vietnamese_does_not_make_it_outdated(section):
    article = make_article(section, title_vi="Không đổi", title_en="Unchanged")
    article.body_vi = paragraph(article.body_vi[0].value.source.removeprefix("<p>")[:-4])
    article.save_revision()
    assert state_of(article) == TranslationState.UP_TO_DATE


def test_the_state_follows_edits_made_in_the_admin(client, editor, translator, section):
    article = make_article(section, title_vi="Qua giao diện quản trị", title_en="Through the admin")
    sign_in(client, editor)
    client.post(edit_url(article), article_form_data(article, body_vi=["Đoạn mới của biên tập."]))
    assert state_of(article) == TranslationState.OUTDATED

    sign_in(client, translator)
    page = client.get(edit_url(article)).content.decode()
    assert 'data-newsroom-translation-state="outdated"' in page
    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    client.post(
        edit_url(article), article_form_data(latest, body_en=["The editor's new paragraph."])
    )
    assert state_of(article) == TranslationState.UP_TO_DATE


def test_refresh_rebuilds_the_state_from_history(section):
    article = make_article(section, title_vi="Lịch sử", title_en="History")
    article.body_vi = paragraph("Sửa sau khi dịch.")
    article.save_revision()
    TranslationStatus.objects.all().delete()
    assert refresh_page(article).state == TranslationState.OUTDATED


def test_the_report_filters_by_state_section_and_author(client, moderator, editor, home, section):
    other_section = make_section(home, title_vi="Thông báo", title_en="Notices")
    missing = make_article(section, title_vi="Thiếu bản tiếng Anh", owner=editor)
    current = make_article(section, title_vi="Đã dịch xong", title_en="Fully translated")
    elsewhere = make_article(other_section, title_vi="Ở chuyên mục khác", title_en="Elsewhere")
    sign_in(client, moderator)
    url = reverse("newsroom_translation_report")

    everything = client.get(url).content.decode()
    assert all(title in everything for title in (missing.title, current.title, elsewhere.title))

    only_missing = client.get(url, {"state": "missing"}).content.decode()
    assert missing.title in only_missing and current.title not in only_missing

    in_section = client.get(url, {"section": other_section.pk}).content.decode()
    assert elsewhere.title in in_section and current.title not in in_section

    by_editor = client.get(url, {"author": editor.pk}).content.decode()
    assert missing.title in by_editor and elsewhere.title not in by_editor


def test_the_report_query_count_does_not_grow(
    client, moderator, section, django_assert_max_num_queries
):
    sign_in(client, moderator)
    url = reverse("newsroom_translation_report")
    for number in range(3):
        make_article(section, title_vi=f"Bài số {number}")
    with django_assert_max_num_queries(40) as small:
        client.get(url)
    for number in range(3, 23):
        make_article(section, title_vi=f"Bài số {number}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


def test_the_dashboard_query_count_does_not_grow(
    client, editor, section, django_assert_max_num_queries
):
    sign_in(client, editor)
    for number in range(2):
        make_article(section, title_vi=f"Bài số {number}")
    with django_assert_max_num_queries(80) as small:
        client.get(reverse("wagtailadmin_home"))
    for number in range(2, 22):
        make_article(section, title_vi=f"Bài số {number}", title_en=f"Story {number}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("wagtailadmin_home"))


def test_the_dashboard_counts_pages_by_state(client, editor, section):
    make_article(section, title_vi="Thiếu tiếng Anh 1")
    make_article(section, title_vi="Thiếu tiếng Anh 2")
    make_article(section, title_vi="Đủ", title_en="Complete")
    sign_in(client, editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    missing = html[html.index('data-state="missing"') :]
    assert "<strong>2</strong>" in missing[: missing.index("</tr>")]
    current = html[html.index('data-state="up_to_date"') :]
    # The section page itself also has both languages.
    assert "<strong>2</strong>" in current[: current.index("</tr>")]


def test_the_refresh_command_backfills_every_page(section):
    from io import StringIO

    from django.core.management import call_command

    make_article(section, title_vi="Chưa dịch")
    make_article(section, title_vi="Đã dịch", title_en="Translated")
    TranslationStatus.objects.all().delete()
    out = StringIO()
    call_command("refresh_translation_states", stdout=out)
    assert TranslationStatus.objects.filter(state=TranslationState.MISSING).count() == 1
    # Home, section and the translated article.
    assert TranslationStatus.objects.filter(state=TranslationState.UP_TO_DATE).count() == 3
    assert "missing: 1" in out.getvalue()
