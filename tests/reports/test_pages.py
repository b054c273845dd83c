"""Conference reports: listed by year, with figures, participants, resolutions, attachments."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest

from documents.models import DocumentCitation
from portal.languages import page_url_in
from reports.models import (
    ConferenceAttachment,
    ConferenceParticipant,
    ConferenceReportPage,
    ConferenceResolution,
    KeyFigure,
)
from tests.factories import (
    make_legal_document,
    make_registry,
    make_report,
    make_report_index,
    vi_url,
)


@pytest.fixture
def index(home):
    return make_report_index(home)


def _pdf(title):
    document = get_document_model()(title=title)
    document.file.save(f"{title}.pdf", ContentFile(b"%PDF-1.4 report"))
    document.save()
    return document


@pytest.fixture
def reports(home, index):
    make_registry(home)
    make_legal_document("34-CT/TW", issued=(2014, 4, 7), document_type="directive")
    twenty_years = make_report(
        index,
        start=(2018, 8, 28),
        title_vi="Hội nghị tổng kết 20 năm các KCN Bắc Ninh",
        title_en="Twenty years of Bac Ninh's industrial zones",
        place_vi="Bắc Ninh",
        place_en="Bac Ninh",
    )
    review = make_report(
        index,
        start=(2020, 1, 3),
        end=(2020, 1, 4),
        title_vi="Tổng kết thi đua năm 2019 vùng Đồng bằng sông Hồng",
        title_en="2019 emulation review of the Red River Delta authorities",
        full_report=_pdf("toan-van"),
    )
    review.participants = [
        ConferenceParticipant(name="Trần Văn An", title_vi="Trưởng ban", title_en="Head"),
    ]
    review.key_figures = [
        KeyFigure(
            label_vi="Dự án mới",
            label_en="New projects",
            value=Decimal("532"),
            unit_vi="dự án",
            unit_en="projects",
            period_vi="năm 2019",
            period_en="2019",
        ),
        KeyFigure(
            label_vi="Doanh thu",
            label_en="Revenue",
            value=Decimal("101.128"),
            unit_vi="tỷ USD",
            unit_en="billion USD",
            period_vi="năm 2019",
            period_en="2019",
        ),
    ]
    review.resolutions = [
        ConferenceResolution(
            text_vi="Đổi mới khen thưởng theo Chỉ thị 34-CT/TW.",
            text_en="Renew commendation under Directive 34-CT/TW.",
        )
    ]
    review.attachments = [
        ConferenceAttachment(file=_pdf("phu-luc"), label_vi="Phụ lục", label_en="Appendix")
    ]
    review.save_revision().publish()
    vietnamese_only = make_report(index, start=(2020, 6, 1), title_vi="Sơ kết 6 tháng năm 2020")
    return {"twenty": twenty_years, "review": review, "vi_only": vietnamese_only}


def grouped(response):
    return [
        (year, [report.title for report in rows])
        for year, rows in response.context["reports_by_year"]
    ]


def test_index_groups_reports_by_year_newest_first_in_vietnamese(client, reports):
    response = client.get("/vi/bao-cao-hoi-nghi/")
    assert response.status_code == 200
    assert grouped(response) == [
        (2020, ["Sơ kết 6 tháng năm 2020", "Tổng kết thi đua năm 2019 vùng Đồng bằng sông Hồng"]),
        (2018, ["Hội nghị tổng kết 20 năm các KCN Bắc Ninh"]),
    ]
    assert 'datetime="2020-01-03"' in response.content.decode()


def test_index_in_english_lists_only_translated_reports(client, reports):
    response = client.get("/en/conference-reports/")
    assert response.status_code == 200
    assert grouped(response) == [
        (2020, ["2019 emulation review of the Red River Delta authorities"]),
        (2018, ["Twenty years of Bac Ninh's industrial zones"]),
    ]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/vi/bao-cao-hoi-nghi/2018/", [(2018, ["Hội nghị tổng kết 20 năm các KCN Bắc Ninh"])]),
        (
            "/en/conference-reports/2020/",
            [(2020, ["2019 emulation review of the Red River Delta authorities"])],
        ),
        ("/en/conference-reports/2019/", []),
    ],
)
def test_year_pages_list_that_years_reports(client, reports, url, expected):
    response = client.get(url)
    assert response.status_code == 200
    assert grouped(response) == expected


def test_year_out_of_range_is_not_found(client, reports):
    assert client.get("/vi/bao-cao-hoi-nghi/1066/").status_code == 404


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        (
            "vi",
            [
                "Trần Văn An",
                "Trưởng ban",
                "Dự án mới",
                "532",
                "101,128",
                "tỷ USD",
                "năm 2019",
                "Phụ lục",
                "Toàn văn báo cáo",
                "Số liệu chính",
                "Nghị quyết và nhiệm vụ",
            ],
        ),
        (
            "en",
            [
                "Trần Văn An",
                "Head",
                "New projects",
                "532",
                "101.128",
                "billion USD",
                "2019",
                "Appendix",
                "Full report",
                "Key figures",
                "Resolutions and tasks",
            ],
        ),
    ],
)
def test_report_page_shows_participants_figures_resolutions_and_attachments(
    client, reports, language, texts
):
    response = client.get(page_url_in(reports["review"], language))
    assert response.status_code == 200
    content = response.content.decode()
    for text in texts:
        assert text in content, text
    assert 'datetime="2020-01-03"' in content and 'datetime="2020-01-04"' in content


def test_resolutions_link_document_numbers_and_count_as_citations(client, reports):
    content = client.get(vi_url(reports["review"])).content.decode()
    assert '<a class="document-ref" href="/vi/van-ban-chinh-sach/34-ct-tw/"' in content
    assert DocumentCitation.objects.filter(
        page=reports["review"], document__number="34-CT/TW", language="en"
    ).exists()
    registry = client.get("/en/documents/34-ct-tw/").content.decode()
    assert "2019 emulation review of the Red River Delta authorities" in registry


def test_a_single_day_conference_shows_one_date(client, reports):
    content = client.get(page_url_in(reports["twenty"], "en")).content.decode()
    assert content.count('datetime="2018-08-28"') == 1
    assert "–<time" not in content


def test_last_day_cannot_come_before_the_first(index):
    report = ConferenceReportPage(
        title_vi="Sai ngày",
        start_date="2020-01-04",
        end_date="2020-01-03",
        place_vi="Hải Dương",
        organiser_vi="Khối thi đua",
        summary_vi="Tóm tắt.",
    )
    with pytest.raises(ValidationError) as error:
        report.clean()
    assert "end_date" in error.value.message_dict


@pytest.mark.parametrize(
    "url",
    [
        "/vi/bao-cao-hoi-nghi/",
        "/en/conference-reports/",
        "/vi/bao-cao-hoi-nghi/2021/",
        "/en/conference-reports/2021/",
    ],
)
def test_list_query_counts_do_not_grow_with_reports(index, count_queries, url):
    counts = []
    for size in (2, 10):
        while ConferenceReportPage.objects.count() < size:
            number = ConferenceReportPage.objects.count()
            make_report(
                index,
                start=(2021, 1 + number % 12, 1 + number),
                title_vi=f"Hội nghị {number}",
                title_en=f"Conference {number}",
            )
        queries, html = count_queries(url)
        counts.append(queries)
    assert ("Hội nghị 9" if url.startswith("/vi/") else "Conference 9") in html
    assert counts[1] <= counts[0], counts


def add_report_details(report, how_many):
    """`how_many` more participants, key figures, resolutions citing a directive and
    attachments; what the page should show, as (Vietnamese, English) pairs."""
    report = ConferenceReportPage.objects.get(pk=report.pk)
    shown = []
    for _number in range(how_many):
        number = report.participants.count()
        report.participants.add(
            ConferenceParticipant(
                name=f"Đại biểu {number}", title_vi="Đại biểu", title_en="Delegate"
            )
        )
        report.key_figures.add(
            KeyFigure(label_vi=f"Chỉ tiêu {number}", label_en=f"Figure {number}", value=number)
        )
        report.resolutions.add(
            ConferenceResolution(
                text_vi=f"Nhiệm vụ {number} theo Chỉ thị 34-CT/TW.",
                text_en=f"Task {number} under Directive 34-CT/TW.",
            )
        )
        report.attachments.add(
            ConferenceAttachment(
                file=_pdf(f"phu-luc-{number}"),
                label_vi=f"Phụ lục {number}",
                label_en=f"Annex {number}",
            )
        )
        shown += [
            (f"Đại biểu {number}", f"Đại biểu {number}"),
            (f"Chỉ tiêu {number}", f"Figure {number}"),
            (f"Nhiệm vụ {number}", f"Task {number}"),
            (f"Phụ lục {number}", f"Annex {number}"),
        ]
    report.save_revision().publish()
    return shown


@pytest.mark.parametrize("language", ["vi", "en"])
def test_report_page_query_count_does_not_grow_with_its_details(reports, count_queries, language):
    """Participants, figures, resolutions that cite documents and attachments: one of each
    costs as many queries as nine."""
    report = reports["review"]
    url = page_url_in(report, language)
    shown = add_report_details(report, 1)
    small, html = count_queries(url)
    shown += add_report_details(report, 8)
    large, html = count_queries(url)
    texts = [vietnamese if language == "vi" else english for vietnamese, english in shown]
    assert [text for text in texts if text not in html] == []
    directive = (
        "/vi/van-ban-chinh-sach/34-ct-tw/" if language == "vi" else "/en/documents/34-ct-tw/"
    )
    assert html.count(f'href="{directive}"') >= 9, "each resolution links the directive"
    assert large <= small


@pytest.mark.parametrize("prefix", ["/vi/bao-cao-hoi-nghi/", "/en/conference-reports/"])
def test_broken_report_addresses_are_404s_not_errors(client, reports, hostile_input, prefix):
    hostile_input.assert_no_server_error(client, prefix, ["page", "year"])
    for path in ("99999/", "99999999999999999999999/", "%ff/", "%3Cscript%3E/", "0/"):
        assert client.get(prefix + path).status_code == 404
    hostile_input.assert_inert(client.get(prefix, {"year": hostile_input.text}))
