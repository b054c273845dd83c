"""Demo conference reports: the 2018 twenty-years conference and the 2020 Hai Duong review."""

from datetime import date
from decimal import Decimal

from django.utils.html import escape

from documents.demo import demo_pdf
from news.demo import home_page
from portal.demo_pages import upsert_child_page, upsert_child_page_with_children
from reports.models import ConferenceReportIndexPage, ConferenceReportPage


def _paragraphs(texts):
    return [("paragraph", f"<p>{escape(text)}</p>") for text in texts]


def _figure(label_vi, label_en, value, unit_vi, unit_en, period_vi, period_en):
    return {
        "label_vi": label_vi,
        "label_en": label_en,
        "value": Decimal(value),
        "unit_vi": unit_vi,
        "unit_en": unit_en,
        "period_vi": period_vi,
        "period_en": period_en,
    }


def _participant(name, title_vi, title_en):
    return {"name": name, "title_vi": title_vi, "title_en": title_en}


def _resolution(text_vi, text_en):
    return {"text_vi": text_vi, "text_en": text_en}


REPORTS = [
    {
        "slug_vi": "hoi-nghi-tong-ket-20-nam-xay-dung-va-phat-trien-cac-kcn-bac-ninh",
        "slug_en": "conference-on-twenty-years-of-bac-ninh-industrial-zones",
        "title_vi": "Hội nghị tổng kết 20 năm xây dựng và phát triển các KCN Bắc Ninh",
        "title_en": "Conference on twenty years of building Bac Ninh's industrial zones",
        "start_date": date(2018, 8, 28),
        "end_date": None,
        "place_vi": "Bắc Ninh",
        "place_en": "Bac Ninh",
        "organiser_vi": "Ban Quản lý các khu công nghiệp Bắc Ninh",
        "organiser_en": "Bac Ninh Industrial Zones Authority",
        "summary_vi": "Nhìn lại hai mươi năm kể từ Quyết định số 152/1998/QĐ-TTg: từ vài khu "
        "công nghiệp đầu tiên tới 16 KCN trong quy hoạch, hơn một nghìn hai trăm dự án và một "
        "bộ máy 93 cán bộ.",
        "summary_en": "Twenty years on from Decision No. 152/1998/QD-TTg: from the first few "
        "zones to 16 planned zones, more than twelve hundred projects and a staff of 93.",
        "body_vi": [
            "Báo cáo nêu chặng đường từ quy chế KCN theo Nghị định 36/1997/NĐ-CP tới khuôn khổ "
            "hiện hành của Nghị định 82/2018/NĐ-CP.",
            "Các KCN đã thu hút vốn đầu tư nước ngoài từ hơn ba mươi quốc gia và vùng lãnh thổ, "
            "với điện tử là ngành dẫn dắt.",
        ],
        "body_en": [
            "The report traces the road from the zone regulations of Decree 36/1997/ND-CP to "
            "today's framework under Decree 82/2018/ND-CP.",
            "The zones have drawn foreign investors from more than thirty countries and "
            "territories, with electronics leading the way.",
        ],
        "participants": [
            _participant(
                "Lãnh đạo Ban Quản lý",
                "Ban Quản lý các KCN Bắc Ninh, đơn vị tổ chức",
                "Bac Ninh Industrial Zones Authority, organiser",
            ),
            _participant(
                "Đại diện UBND tỉnh Bắc Ninh",
                "Cơ quan chủ quản",
                "The provincial People's Committee, to which the authority answers",
            ),
            _participant(
                "Đại diện doanh nghiệp các KCN",
                "Nhà đầu tư hạ tầng và nhà đầu tư thứ cấp",
                "Infrastructure investors and tenant companies",
            ),
        ],
        "key_figures": [
            _figure(
                "KCN trong quy hoạch",
                "Planned industrial zones",
                "16",
                "khu",
                "zones",
                "tháng 7/2018",
                "July 2018",
            ),
            _figure(
                "Diện tích quy hoạch",
                "Planned area",
                "6397.68",
                "ha",
                "ha",
                "tháng 7/2018",
                "July 2018",
            ),
            _figure(
                "KCN đang hoạt động",
                "Zones in operation",
                "10",
                "khu",
                "zones",
                "tháng 7/2018",
                "July 2018",
            ),
            _figure(
                "Dự án còn hiệu lực",
                "Projects",
                "1278",
                "dự án",
                "projects",
                "tháng 7/2018",
                "July 2018",
            ),
            _figure(
                "Vốn đăng ký",
                "Registered capital",
                "17.43",
                "tỷ USD",
                "billion USD",
                "tháng 7/2018",
                "July 2018",
            ),
            _figure(
                "Cán bộ của Ban",
                "Staff of the authority",
                "93",
                "người",
                "people",
                "năm 2018",
                "2018",
            ),
        ],
        "resolutions": [
            _resolution(
                "Tiếp tục hoàn thiện hạ tầng KCN gắn với xử lý nước thải tập trung.",
                "Keep completing zone infrastructure together with central wastewater treatment.",
            ),
            _resolution(
                "Thu hút có chọn lọc các dự án công nghệ cao, thân thiện môi trường.",
                "Attract high-technology, environmentally friendly projects selectively.",
            ),
        ],
    },
    {
        "slug_vi": "hoi-nghi-tong-ket-thi-dua-2019-cac-ban-quan-ly-vung-dong-bang-song-hong",
        "slug_en": "2019-emulation-review-of-red-river-delta-zone-authorities",
        "title_vi": "Hội nghị tổng kết thi đua năm 2019 của các Ban Quản lý KCN vùng Đồng bằng "
        "sông Hồng",
        "title_en": "2019 emulation review of the Red River Delta zone authorities",
        "start_date": date(2020, 1, 3),
        "end_date": date(2020, 1, 4),
        "place_vi": "Hải Dương",
        "place_en": "Hai Duong",
        "organiser_vi": "Khối thi đua các Ban Quản lý KCN, KKT vùng Đồng bằng sông Hồng",
        "organiser_en": "The emulation bloc of the Red River Delta zone authorities",
        "summary_vi": "Mười một ban quản lý của các tỉnh Đồng bằng sông Hồng cùng nhìn lại năm "
        "2019 và ký giao ước thi đua năm 2020, theo tinh thần Chỉ thị 34-CT/TW.",
        "summary_en": "Eleven zone authorities of the Red River Delta provinces reviewed 2019 and "
        "signed their 2020 emulation pledge, in the spirit of Directive 34-CT/TW.",
        "body_vi": [
            "Năm 2019 các KCN trong khối thu hút 532 dự án mới, trong đó 379 dự án có vốn nước "
            "ngoài, và tạo thêm hơn một trăm nghìn việc làm.",
        ],
        "body_en": [
            "In 2019 the bloc's zones attracted 532 new projects, 379 of them foreign-invested, "
            "and created more than a hundred thousand new jobs.",
        ],
        "participants": [
            _participant(
                "Đại diện 11 Ban Quản lý",
                "Các tỉnh, thành phố vùng Đồng bằng sông Hồng",
                "The Red River Delta provinces and cities",
            ),
            _participant(
                "Đoàn Ban Quản lý các KCN Bắc Ninh",
                "Thành viên khối thi đua",
                "Member of the emulation bloc",
            ),
        ],
        "key_figures": [
            _figure(
                "Ban Quản lý trong khối",
                "Authorities in the bloc",
                "11",
                "ban",
                "authorities",
                "năm 2019",
                "2019",
            ),
            _figure("Dự án mới", "New projects", "532", "dự án", "projects", "năm 2019", "2019"),
            _figure(
                "Vốn FDI cấp mới và tăng thêm",
                "New and added foreign investment",
                "5.89",
                "tỷ USD",
                "billion USD",
                "năm 2019",
                "2019",
            ),
            _figure(
                "KCN đang hoạt động", "Zones in operation", "83", "khu", "zones", "năm 2019", "2019"
            ),
            _figure("Doanh thu", "Revenue", "101.128", "tỷ USD", "billion USD", "năm 2019", "2019"),
            _figure(
                "Lao động",
                "Workers employed",
                "1095829",
                "người",
                "people",
                "15/12/2019",
                "15 December 2019",
            ),
        ],
        "resolutions": [
            _resolution(
                "Ký giao ước thi đua năm 2020 giữa 11 ban quản lý trong khối.",
                "The eleven authorities of the bloc sign their 2020 emulation pledge.",
            ),
            _resolution(
                "Đổi mới hình thức khen thưởng theo Chỉ thị 34-CT/TW, ưu tiên người lao động "
                "trực tiếp.",
                "Renew the ways of rewarding under Directive 34-CT/TW, putting workers on the "
                "line first.",
            ),
        ],
    },
]


def load(command, **options):
    home = home_page()
    index, _changed = upsert_child_page(
        home,
        ConferenceReportIndexPage,
        slug_vi="bao-cao-hoi-nghi",
        slug_en="conference-reports",
        title_vi="Báo cáo hội nghị",
        title_en="Conference reports",
        intro_vi="Hội nghị, sơ kết và tổng kết của Ban Quản lý và các khối thi đua.",
        intro_en="Conferences and reviews held by the authority and its emulation blocs.",
        show_in_menus=True,
    )
    written = 0
    for report in REPORTS:
        full_report = demo_pdf(report["title_vi"][:60], [report["start_date"].isoformat()])
        _page, changed = upsert_child_page_with_children(
            index,
            ConferenceReportPage,
            slug_vi=report["slug_vi"],
            children={
                "participants": report["participants"],
                "key_figures": report["key_figures"],
                "resolutions": report["resolutions"],
            },
            slug_en=report["slug_en"],
            title_vi=report["title_vi"],
            title_en=report["title_en"],
            start_date=report["start_date"],
            end_date=report["end_date"],
            place_vi=report["place_vi"],
            place_en=report["place_en"],
            organiser_vi=report["organiser_vi"],
            organiser_en=report["organiser_en"],
            summary_vi=report["summary_vi"],
            summary_en=report["summary_en"],
            body_vi=_paragraphs(report["body_vi"]),
            body_en=_paragraphs(report["body_en"]),
            full_report=full_report,
        )
        written += int(changed)
    command.stdout.write(f"Conference reports: {len(REPORTS)} reports ({written} written).")
