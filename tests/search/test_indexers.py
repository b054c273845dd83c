"""The new kinds' entries follow what editors do: publishing, renaming, privacy, status,
imports and deletions (database backend; the contract suite covers the other backends)."""

import io
from datetime import date

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from enterprises.models import Enterprise
from enterprises.transfer import import_file
from search import registry
from search.models import SearchEntry, split_zones
from tests.factories import (
    make_article,
    make_cluster,
    make_directory,
    make_enterprise,
    make_enterprises,
    make_exemplar_index,
    make_legal_document,
    make_profile,
    make_registry,
    make_report,
    make_report_index,
    make_zone,
    make_zones_index,
    paragraph,
)


@pytest.fixture(autouse=True)
def database_backend(settings):
    settings.SEARCH_BACKEND = "database"
    settings.ELASTICSEARCH_URL = ""


def entries(kind, language="vi"):
    return SearchEntry.objects.filter(kind=kind, language=language)


def zones_of(kind, language="vi"):
    return {entry.title: split_zones(entry.zone) for entry in entries(kind, language)}


@pytest.fixture
def que_vo(home):
    return make_zone(make_zones_index(home), "KCN Quế Võ", "Que Vo Industrial Zone")


def test_renaming_a_zone_renames_the_facet_of_everything_in_it(home, section, que_vo):
    make_directory(home)
    enterprise = make_enterprise(name_vi="Công ty Cổ phần Kinh Bắc", zone=que_vo)
    make_article(section, title_vi="Tin Quế Võ", zones=[que_vo])
    make_cluster(que_vo.get_parent(), 3, member_zones=[que_vo])
    make_profile(make_exemplar_index(home), title_vi="Người thợ", zone_vi="KCN Quế Võ")
    que_vo.title_vi = "KCN Quế Võ I"
    que_vo.save_revision().publish()
    for kind in ("zone", "enterprise", "article", "cluster", "profile"):
        assert set(sum(zones_of(kind).values(), [])) == {"KCN Quế Võ I"}, kind
    que_vo.unpublish()
    assert not entries("zone").exists()
    assert zones_of("enterprise") == {enterprise.name_vi: []}
    assert zones_of("article") == {"Tin Quế Võ": []}


def test_deleting_a_zone_clears_its_name_from_the_enterprises_in_it(home, que_vo):
    make_directory(home)
    make_enterprise(name_vi="Công ty TNHH Bắc Ninh", zone=que_vo)
    assert zones_of("enterprise") == {"Công ty TNHH Bắc Ninh": ["KCN Quế Võ"]}
    que_vo.delete()
    assert zones_of("enterprise") == {"Công ty TNHH Bắc Ninh": []}


def test_an_enterprise_follows_its_status_edits_and_deletion(home):
    make_directory(home)
    enterprise = make_enterprise(name_vi="Công ty TNHH Sao Mai", status="construction")

    def languages():
        return sorted(
            SearchEntry.objects.filter(kind="enterprise").values_list("language", flat=True)
        )

    assert languages() == ["en", "vi"], "the directory is in English too"
    enterprise.status = "terminated"
    enterprise.save()
    assert languages() == []
    enterprise.status = "operating"
    enterprise.save()
    assert languages() == ["en", "vi"]
    enterprise.delete()
    assert not SearchEntry.objects.exists()


def test_enterprises_wait_for_a_public_directory_and_follow_its_privacy(home):
    enterprise = make_enterprise(name_vi="Công ty TNHH Trước Danh Bạ")
    assert not SearchEntry.objects.exists(), "no directory page: nowhere to link to"
    directory = make_directory(home)
    assert entries("enterprise").get().url == f"{directory.url}{enterprise.pk}/"
    restriction = PageViewRestriction.objects.create(
        page=directory, restriction_type=PageViewRestriction.LOGIN
    )
    assert not SearchEntry.objects.filter(kind="enterprise").exists()
    restriction.delete()
    assert entries("enterprise").count() == 1
    directory.unpublish()
    assert not SearchEntry.objects.filter(kind="enterprise").exists()


def test_an_import_indexes_the_enterprises_it_writes(home, que_vo):
    make_directory(home)
    rows = (
        "certificate_number,name_vi,name_en,zone,country,sector,status\n"
        f"IMP-0001,Công ty TNHH Nhập Khẩu Một,Import One Ltd,{que_vo.slug_vi},KR,electronics,"
        "operating\n"
        "IMP-0002,Công ty TNHH Nhập Khẩu Hai,,,JP,mechanical,terminated\n"
    )
    import_file("enterprises.csv", rows.encode())
    assert zones_of("enterprise") == {"Công ty TNHH Nhập Khẩu Một": ["KCN Quế Võ"]}
    assert zones_of("enterprise", "en") == {"Import One Ltd": ["Que Vo Industrial Zone"]}


def test_indexing_many_enterprises_reads_the_same_queries_at_any_size(home, que_vo):
    """Reads do not grow with the number of enterprises; inserts go in bulk batches."""
    make_directory(home)
    reads = []
    for count in (5, 300):
        Enterprise.objects.all().delete()
        ids = [enterprise.pk for enterprise in make_enterprises(count, zone=que_vo)]
        with CaptureQueriesContext(connection) as queries:
            registry.index_objects(Enterprise, ids)
        reads.append(
            sum(1 for query in queries if not query["sql"].lstrip().upper().startswith("INSERT"))
        )
        assert SearchEntry.objects.filter(kind="enterprise").count() == 2 * count
    assert reads[0] == reads[1] <= 12


def test_documents_follow_renumbering_deletion_and_the_registry_page(home):
    registry_page = make_registry(home)
    document = make_legal_document("12/QĐ-BQL", subject_vi="Quy chế phối hợp")
    assert entries("document").get().document_number_key == document.number_key
    document.number = "13/QĐ-BQL"
    document.save()
    assert entries("document").get().document_number == "13/QĐ-BQL"
    registry_page.unpublish()
    assert not entries("document").exists()
    registry_page.save_revision().publish()
    assert entries("document").count() == 1
    document.delete()
    assert not SearchEntry.objects.filter(kind="document").exists()


def test_documents_without_an_english_subject_have_no_english_entry(home):
    make_registry(home)
    make_legal_document("5/KH-BQL", subject_vi="Kế hoạch thi đua", subject_en="")
    assert entries("document").count() == 1
    assert not entries("document", "en").exists()


def test_drafts_of_profiles_and_reports_stay_out_until_published(home):
    profile = make_profile(make_exemplar_index(home), title_vi="Điển hình đã đăng")
    report = make_report(make_report_index(home), title_vi="Hội nghị đã đăng")
    profile.title_vi = "Điển hình bản nháp"
    profile.save_revision()
    report.title_vi = "Hội nghị bản nháp"
    report.save_revision()
    titles = set(SearchEntry.objects.values_list("title", flat=True))
    assert titles == {"Điển hình đã đăng", "Hội nghị đã đăng"}
    report.get_latest_revision().publish()
    assert entries("report").get().title == "Hội nghị bản nháp"


def test_a_profile_whose_zone_matches_no_zone_page_has_no_zone_facet(home, que_vo):
    index = make_exemplar_index(home)
    make_profile(index, title_vi="Ở Quế Võ", zone_vi="Quế Võ")
    make_profile(index, title_vi="Ở nơi khác", zone_vi="KCN Không Có Thật")
    assert zones_of("profile") == {"Ở Quế Võ": ["KCN Quế Võ"], "Ở nơi khác": []}


def test_a_rebuild_indexes_every_kind_public_only(home, section, que_vo):
    make_directory(home)
    make_registry(home)
    make_enterprise(name_vi="Công ty A")
    make_enterprise(name_vi="Công ty B", status="terminated")
    make_legal_document("1/QĐ-BQL")
    make_article(section, title_vi="Bài", body_vi=paragraph("Nội dung."), zones=[que_vo])
    make_profile(make_exemplar_index(home), title_vi="Điển hình")
    reports = make_report_index(home)
    make_report(reports, title_vi="Hội nghị", start=(2019, 12, 30))
    make_report(reports, title_vi="Hội nghị riêng").unpublish()
    make_cluster(que_vo.get_parent(), 1, member_zones=[que_vo])
    before = set(SearchEntry.objects.values_list("kind", "language", "title", "zone", "url"))
    SearchEntry.objects.all().delete()
    output = io.StringIO()
    call_command("search_index", "--rebuild", stdout=output)
    after = set(SearchEntry.objects.values_list("kind", "language", "title", "zone", "url"))
    assert after == before, "a rebuild writes what publishing wrote"
    kinds = set(SearchEntry.objects.filter(language="vi").values_list("kind", flat=True))
    assert kinds == {"article", "cluster", "document", "enterprise", "profile", "report", "zone"}
    assert "enterprise: Enterprise, 2 entries" in output.getvalue()
    report_entry = entries("report").get()
    assert report_entry.year == 2019
    assert timezone.localdate(report_entry.date) == date(2019, 12, 30)
