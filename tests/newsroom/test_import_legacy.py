"""`manage.py import_legacy`: each export shape, re-imports, bad files and dry runs."""

import shutil
from datetime import datetime
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command
from django.utils import timezone

from wagtail.models import Page, Revision

import pytest

from news.models import ArticlePage
from newsroom.importer import file_checksum
from newsroom.models import LegacySource, PageFlag, TranslationStatus
from tests.factories import sign_in

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parent / "legacy_samples"


@pytest.fixture
def exports(tmp_path):
    """A private copy of the sample exports, so tests may edit them."""
    folder = tmp_path / "exports"
    shutil.copytree(SAMPLES, folder)
    return folder


def run(*args):
    out, err = StringIO(), StringIO()
    failure = None
    try:
        call_command("import_legacy", *map(str, args), stdout=out, stderr=err)
    except CommandError as error:
        failure = error
    return out.getvalue(), err.getvalue(), failure


def local(stamp):
    return timezone.localtime(stamp).replace(tzinfo=None)


def test_an_old_web_page_in_vietnamese(section, exports):
    out, err, failure = run(exports / "web_vi.txt", "--publish")
    assert failure is None, err
    article = ArticlePage.objects.get()
    assert article.title_vi == "Khu công nghiệp Yên Phong phát động thi đua lao động giỏi năm 2022"
    assert local(article.published_at) == datetime(2022, 7, 27, 10, 57)
    assert article.live and article.get_parent().pk == section.pk
    body = " ".join(block.value.source for block in article.body_vi)
    assert "Lao động giỏi, lao động sáng tạo" in body
    assert "Tỷ giá ngoại tệ" not in body and "Xem phiên bản di động" not in body
    assert "Thu Hà" in article.lead_image_caption_vi
    assert "Thu Hà" not in body
    assert "Nguyễn Văn An" in article.author
    assert not article.title_en and not article.english_ready
    assert "created" in out and "2022-07-27 10:57" in out and "| vi |" in out and "words" in out


def test_an_old_web_page_in_english_keeps_author_and_translator(section, exports):
    out, err, failure = run(exports / "web_en.txt", "--publish")
    assert failure is None, err
    article = ArticlePage.objects.get()
    assert article.title_en == "Yen Phong II Industrial Park welcomes new electronics investors"
    assert article.title_vi == article.title_en
    assert article.author == "Thu Huong" and article.translator == "Tran Linh"
    assert "3,500 local workers when they start operation in the second half" in str(
        article.body_en
    )
    assert not article.body_vi
    assert not article.live, "an English-only article waits for its Vietnamese"
    flag = PageFlag.objects.get(page=article)
    assert flag.kind == PageFlag.NEEDS_TRANSLATION
    assert "| en |" in out and "kept as a draft" in out


def test_a_newer_site_page_takes_the_lead_and_drops_the_repeated_title(section, exports):
    out, err, failure = run(exports / "newsite_vi.txt", "--publish")
    assert failure is None, err
    article = ArticlePage.objects.get()
    assert article.title_vi == "Tôn vinh 50 công nhân tiêu biểu trong các khu công nghiệp"
    assert local(article.published_at) == datetime(2023, 3, 6, 14, 54)
    assert article.standfirst_vi.startswith("Chiều 5/3, Ban Quản lý")
    body = str(article.body_vi)
    assert body.count(article.title_vi) == 0
    assert "Văn Dũng" in article.lead_image_caption_vi
    assert article.author == "Hoàng Mai"
    assert "Bản quyền" not in body and "Điện thoại" not in body
    assert article.live


def test_ocr_needs_a_date_and_becomes_a_flagged_draft(section, exports):
    out, err, failure = run(exports / "ocr_vi.txt", "--publish")
    assert failure is not None and "--date" in err
    assert not ArticlePage.objects.exists()

    out, err, failure = run(exports / "ocr_vi.txt", "--publish", "--date", "2021-12-31")
    assert failure is None, err
    article = ArticlePage.objects.get()
    assert not article.live
    assert local(article.published_at).date() == datetime(2021, 12, 31).date()
    flag = PageFlag.objects.get(page=article, kind=PageFlag.NEEDS_REVIEW)
    assert "OCR" in flag.reason
    body = str(article.body_vi)
    assert "BAN QUAN LY CAC KHU CONG NGHIEP" not in body
    assert "công nghi- ệp" not in body
    assert "đầu tư nhà ở, nhà trẻ" in body, "a line wrapped mid-sentence is joined again"
    assert "warnings:" in out


def test_reimporting_updates_instead_of_duplicating(section, exports):
    run(exports / "web_vi.txt", exports / "newsite_vi.txt", "--publish")
    assert ArticlePage.objects.count() == 2
    revisions = Revision.objects.count()

    out, err, failure = run(exports / "web_vi.txt", exports / "newsite_vi.txt", "--publish")
    assert failure is None
    assert ArticlePage.objects.count() == 2
    assert Revision.objects.count() == revisions, "unchanged files write nothing"
    assert out.count("unchanged") >= 2

    changed = exports / "web_vi.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("hơn 300 đoàn viên", "hơn 350 đoàn viên"),
        encoding="utf-8",
    )
    out, err, failure = run(changed, "--publish")
    assert failure is None, err
    assert ArticlePage.objects.count() == 2
    source = LegacySource.objects.get(source_key__endswith="web_vi.txt")
    article = ArticlePage.objects.get(pk=source.page_id)
    assert "hơn 350 đoàn viên" in str(article.body_vi)
    assert "updated" in out


def test_a_moved_file_with_the_same_content_is_recognised(section, exports, tmp_path):
    run(exports / "web_vi.txt")
    moved = tmp_path / "elsewhere.txt"
    shutil.copy(exports / "web_vi.txt", moved)
    run(moved)
    assert ArticlePage.objects.count() == 1


def test_a_bad_file_is_reported_and_the_others_still_import(section, exports):
    out, err, failure = run(
        exports / "web_vi.txt",
        exports / "bad_binary.bin",
        exports / "empty.txt",
        exports / "newsite_vi.txt",
        exports / "missing-file.txt",
    )
    assert failure is not None and "3 of 5" in str(failure)
    assert ArticlePage.objects.count() == 2
    assert "bad_binary.bin" in err and "binary" in err
    assert "empty.txt" in err and "empty" in err
    assert "missing-file.txt" in err
    assert len([line for line in out.splitlines() if line.startswith("created")]) == 2


def test_dry_run_writes_nothing(section, exports):
    pages, revisions = Page.objects.count(), Revision.objects.count()
    out, err, failure = run(exports, "--dry-run", "--publish", "--date", "2021-12-31")
    assert failure is not None  # empty.txt
    assert "Dry run" in out
    assert len([line for line in out.splitlines() if line.startswith("created")]) == 5
    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions
    assert not LegacySource.objects.exists()
    assert not PageFlag.objects.exists()
    assert TranslationStatus.objects.filter(page__depth__gt=3).count() == 0


def test_a_folder_is_imported_file_by_file(section, exports):
    out, err, failure = run(exports, "--date", "2021-12-31")
    assert ArticlePage.objects.count() == 5
    assert not ArticlePage.objects.filter(live=True).exists(), "without --publish all are drafts"
    assert len([line for line in out.splitlines() if " words " in line]) == 5
    assert "empty.txt" in err


def test_the_section_option_and_the_export_label(home, section, exports):
    from tests.factories import make_section

    notices = make_section(home, title_vi="Thông báo", title_en="Notices")
    run(exports / "newsite_vi.txt")  # labelled "Tin tức - Sự kiện" in the export
    assert ArticlePage.objects.get().get_parent().pk == section.pk
    run(exports / "web_vi.txt")
    assert not ArticlePage.objects.filter(slug_vi__startswith="khu-cong-nghiep-yen-phong").exists()
    run(exports / "web_vi.txt", "--section", notices.slug_vi)
    imported = ArticlePage.objects.get(slug_vi__startswith="khu-cong-nghiep-yen-phong")
    assert imported.get_parent().pk == notices.pk


def test_imported_pages_get_a_translation_state(section, exports):
    run(exports / "web_vi.txt", exports / "web_en.txt", "--publish")
    states = dict(
        TranslationStatus.objects.filter(page__depth__gt=3).values_list("page__title", "state")
    )
    assert "missing" in states.values()


def test_a_translation_written_after_import_survives_a_reimport(client, editor, section, exports):
    from django.urls import reverse

    from tests.newsroom.conftest import article_form_data

    run(exports / "web_en.txt")
    article = ArticlePage.objects.get()
    assert PageFlag.objects.filter(page=article, kind=PageFlag.NEEDS_TRANSLATION).exists()

    sign_in(client, editor)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        article_form_data(
            article,
            title_vi="Khu công nghiệp Yên Phong II đón nhà đầu tư điện tử mới",
            body_vi=["Bốn dự án điện tử nhận giấy chứng nhận đầu tư."],
        ),
    )
    assert not PageFlag.objects.filter(page=article, kind=PageFlag.NEEDS_TRANSLATION).exists()

    source = exports / "web_en.txt"
    source.write_text(
        source.read_text(encoding="utf-8").replace("3,500", "3,600"), encoding="utf-8"
    )
    out, err, failure = run(source, "--publish")
    assert failure is None, err
    article = ArticlePage.objects.get()
    assert article.title_vi == "Khu công nghiệp Yên Phong II đón nhà đầu tư điện tử mới"
    assert "3,600" in str(article.body_en)
    assert not PageFlag.objects.filter(page=article, kind=PageFlag.NEEDS_TRANSLATION).exists()
    assert article.live


def test_moderators_see_and_resolve_flags_in_the_admin(client, moderator, editor, section, exports):
    from django.urls import reverse

    run(exports / "ocr_vi.txt", "--date", "2021-12-31")
    flag = PageFlag.objects.get()
    sign_in(client, moderator)
    listing = client.get(reverse("newsroom_flags:index"))
    assert listing.status_code == 200 and "OCR" in listing.content.decode()
    client.post(reverse("newsroom_flags:delete", args=[flag.pk]))
    assert not PageFlag.objects.exists()

    sign_in(client, editor)
    assert client.get(reverse("newsroom_flags:index")).status_code in (302, 403)


def test_a_file_changed_only_in_layout_adds_no_revision(section, exports):
    run(exports / "web_vi.txt", "--publish")
    revisions = Revision.objects.count()
    source = exports / "web_vi.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    out, err, failure = run(source, "--publish")
    assert failure is None, err
    assert Revision.objects.count() == revisions
    assert out.startswith("unchanged")
    assert LegacySource.objects.get().checksum == file_checksum(source.read_bytes())


def test_a_reimport_keeps_an_editors_unpublished_draft_of_other_fields(section, exports):
    run(exports / "web_vi.txt", "--publish")
    article = ArticlePage.objects.get()
    article.standfirst_vi = "Sapo do biên tập viên viết."
    article.save_revision()
    source = exports / "web_vi.txt"
    source.write_text(
        source.read_text(encoding="utf-8").replace("hơn 300", "hơn 320"), encoding="utf-8"
    )
    run(source, "--publish")
    latest = ArticlePage.objects.get().get_latest_revision_as_object()
    assert latest.standfirst_vi == "Sapo do biên tập viên viết."
    assert "hơn 320" in str(latest.body_vi)
