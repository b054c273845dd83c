"""Demo exemplary models: the three cluster leaders, the authority, and two illustrative
profiles (clearly marked as such) that give the honour roll something to show."""

from django.utils.html import escape

from documents.models import LegalDocument
from exemplars.models import (
    AwardLevel,
    AwardType,
    ExemplarIndexPage,
    ExemplarKind,
    ExemplarProfilePage,
)
from news.demo import home_page
from portal.demo_images import demo_image
from portal.demo_pages import upsert_child_page, upsert_child_page_with_children
from portal.text import vietnamese_slugify


def _story(paragraphs):
    return [("paragraph", f"<p>{escape(text)}</p>") for text in paragraphs]


PROFILES = [
    {
        "key": "vsip",
        "kind": ExemplarKind.ENTERPRISE,
        "name": "VSIP Bac Ninh",
        "title_vi": "Công ty TNHH VSIP Bắc Ninh: cụm trưởng Cụm thi đua số 1",
        "title_en": "VSIP Bac Ninh Co., Ltd.: leader of Emulation Cluster No. 1",
        "organisation_vi": "Công ty TNHH VSIP Bắc Ninh",
        "organisation_en": "VSIP Bac Ninh Co., Ltd.",
        "zone_vi": "KCN VSIP Bắc Ninh",
        "zone_en": "VSIP Bac Ninh Industrial Park",
        "summary_vi": "Đơn vị dẫn dắt các nhà đầu tư hạ tầng KCN Tiên Sơn, Đại Đồng - Hoàn Sơn, "
        "VSIP Bắc Ninh và Hanaka trong phong trào thi đua.",
        "summary_en": "The company that leads the infrastructure investors of Tien Son, Dai Dong - "
        "Hoan Son, VSIP Bac Ninh and Hanaka in the emulation movement.",
        "story_vi": [
            "Theo Quyết định số 47/QĐ-BQL ngày 17/6/2022, VSIP Bắc Ninh được giao làm cụm trưởng "
            "Cụm thi đua số 1, gồm bốn khu công nghiệp phía nam tỉnh.",
            "Cụm sinh hoạt theo quy chế ban hành kèm Quyết định số 48/QĐ-BQL: đầu năm ký giao ước, "
            "cuối năm chấm điểm và suy tôn đơn vị dẫn đầu.",
        ],
        "story_en": [
            "Under Decision No. 47/QD-BQL of 17 June 2022, VSIP Bac Ninh leads Emulation Cluster "
            "No. 1, which brings together four zones in the south of the province.",
            "The cluster works to the regulations of Decision No. 48/QD-BQL: pledges signed at the "
            "start of the year, scores and a leader chosen at its end.",
        ],
        "motif": "factory",
        "awards": [],
    },
    {
        "key": "viglacera",
        "kind": ExemplarKind.ENTERPRISE,
        "name": "Viglacera",
        "title_vi": "Tổng Công ty Viglacera - CTCP: cụm trưởng Cụm thi đua số 2",
        "title_en": "Viglacera Corporation - JSC: leader of Emulation Cluster No. 2",
        "organisation_vi": "Tổng Công ty Viglacera - CTCP",
        "organisation_en": "Viglacera Corporation - JSC",
        "zone_vi": "KCN Yên Phong",
        "zone_en": "Yen Phong Industrial Zone",
        "summary_vi": "Cụm trưởng của các KCN Yên Phong, Yên Phong II, Gia Bình và Gia Bình II.",
        "summary_en": "Leader of the cluster of Yen Phong, Yen Phong II, Gia Binh and Gia Binh II.",
        "story_vi": [
            "Cụm thi đua số 2 được lập theo Quyết định số 47/QĐ-BQL, quy tụ các nhà đầu tư "
            "hạ tầng "
            "ở phía bắc và phía đông tỉnh, với Viglacera làm cụm trưởng.",
        ],
        "story_en": [
            "Emulation Cluster No. 2, set up by Decision No. 47/QD-BQL, gathers the infrastructure "
            "investors of the north and east of the province, with Viglacera as its leader.",
        ],
        "motif": "construction",
        "awards": [],
    },
    {
        "key": "kinh-bac",
        "kind": ExemplarKind.ENTERPRISE,
        "name": "Kinh Bac",
        "title_vi": "Tổng Công ty Phát triển đô thị Kinh Bắc: cụm trưởng Cụm thi đua số 3",
        "title_en": "Kinh Bac Urban Development Corporation: leader of Emulation Cluster No. 3",
        "organisation_vi": "Tổng Công ty Phát triển đô thị Kinh Bắc - CTCP",
        "organisation_en": "Kinh Bac Urban Development Corporation - JSC",
        "zone_vi": "KCN Quế Võ",
        "zone_en": "Que Vo Industrial Zone",
        "summary_vi": "Dẫn dắt cụm đông thành viên nhất: các KCN Thuận Thành và Quế Võ.",
        "summary_en": "Leads the largest cluster: the Thuan Thanh and Que Vo zones.",
        "story_vi": [
            "Với chín khu công nghiệp và phân khu, Cụm thi đua số 3 theo Quyết định "
            "số 47/QĐ-BQL là "
            "cụm lớn nhất; Kinh Bắc giữ vai trò cụm trưởng.",
        ],
        "story_en": [
            "With nine zones and subdivisions, Emulation Cluster No. 3 under Decision "
            "No. 47/QD-BQL "
            "is the largest; Kinh Bac is its leader.",
        ],
        "motif": "road",
        "awards": [],
    },
    {
        "key": "authority",
        "kind": ExemplarKind.COLLECTIVE,
        "name": "Ban Quản lý các KCN Bắc Ninh",
        "title_vi": "Ban Quản lý các khu công nghiệp Bắc Ninh: hai mươi năm được ghi nhận",
        "title_en": "The Bac Ninh Industrial Zones Authority: twenty years of recognition",
        "organisation_vi": "Ban Quản lý các khu công nghiệp Bắc Ninh",
        "organisation_en": "Bac Ninh Industrial Zones Authority",
        "zone_vi": "",
        "zone_en": "",
        "summary_vi": "Tập thể được tặng Huân chương Lao động cả ba hạng và hai lần Bằng khen của "
        "Thủ tướng Chính phủ.",
        "summary_en": "A collective awarded the Labour Order in all three classes and the Prime "
        "Minister's Certificate of Merit twice.",
        "story_vi": [
            "Thành lập theo Quyết định số 152/1998/QĐ-TTg, Ban Quản lý đã đi từ vài khu công "
            "nghiệp đầu tiên tới mạng lưới hơn mười khu đang hoạt động.",
            "Tập thể cán bộ được Chủ tịch nước tặng Huân chương Lao động hạng Nhất, Nhì, Ba; "
            "hai lần "
            "nhận Bằng khen của Thủ tướng; cùng cờ thi đua và bằng khen của Bộ trưởng Bộ Kế hoạch "
            "và Đầu tư và Chủ tịch UBND tỉnh.",
        ],
        "story_en": [
            "Founded by Decision No. 152/1998/QD-TTg, the authority has grown from its first few "
            "zones to more than ten in operation.",
            "Its staff have received the Labour Order in the first, second and third classes from "
            "the State President, the Prime Minister's Certificate of Merit twice, and emulation "
            "flags and certificates of merit from the Minister of Planning and Investment and the "
            "chairman of the provincial People's Committee.",
        ],
        "motif": "office",
        "awards": [],
    },
    {
        "key": "illustrative-worker",
        "kind": ExemplarKind.INDIVIDUAL,
        "name": "Nguyễn Thị Hoa",
        "title_vi": "Nguyễn Thị Hoa (nhân vật minh hoạ): chiến sĩ thi đua trên dây chuyền",
        "title_en": "Nguyen Thi Hoa (illustrative profile): an emulation fighter on the line",
        "organisation_vi": "Một doanh nghiệp điện tử (minh hoạ)",
        "organisation_en": "An electronics company (illustrative)",
        "zone_vi": "KCN Yên Phong",
        "zone_en": "Yen Phong Industrial Zone",
        "summary_vi": "Hồ sơ minh hoạ cho trang dữ liệu mẫu: một tổ trưởng sản xuất với nhiều sáng "
        "kiến giảm lỗi.",
        "summary_en": "An illustrative profile for the demo site: a team leader whose ideas cut "
        "defects on her line.",
        "story_vi": [
            "Đây là nhân vật minh hoạ. Chị Hoa đề xuất ba cải tiến thao tác giúp tổ giảm hàng lỗi, "
            "hưởng ứng tinh thần Chỉ thị 34-CT/TW về đổi mới thi đua.",
        ],
        "story_en": [
            "This is an illustrative profile. Ms Hoa proposed three changes to the way her team "
            "works that reduced defects, in the spirit of Directive No. 34-CT/TW on renewing "
            "emulation.",
        ],
        "motif": "people",
        "awards": [
            {"award": AwardType.EMULATION_FIGHTER, "level": AwardLevel.AUTHORITY, "year": 2022},
            {"award": AwardType.PROVINCIAL_CERTIFICATE, "level": AwardLevel.PROVINCE, "year": 2023},
        ],
    },
    {
        "key": "illustrative-union",
        "kind": ExemplarKind.TRADE_UNION,
        "name": "Công đoàn cơ sở (minh hoạ)",
        "title_vi": "Một công đoàn cơ sở (minh hoạ) chăm lo nhà ở cho công nhân",
        "title_en": "A workplace trade union (illustrative) that looks after workers' housing",
        "organisation_vi": "Công đoàn cơ sở của một doanh nghiệp (minh hoạ)",
        "organisation_en": "The trade union of one company (illustrative)",
        "zone_vi": "KCN Quế Võ",
        "zone_en": "Que Vo Industrial Zone",
        "summary_vi": "Hồ sơ minh hoạ: công đoàn kết nối nhà trọ đạt chuẩn cho công nhân mới.",
        "summary_en": "Illustrative profile: a union that finds decent lodgings for new workers.",
        "story_vi": [
            "Đây là hồ sơ minh hoạ cho trang dữ liệu mẫu, không phải một đơn vị có thật.",
        ],
        "story_en": [
            "This profile illustrates the demo site; it is not a real organisation.",
        ],
        "motif": "people",
        "awards": [
            {"award": AwardType.EMULATION_FLAG, "level": AwardLevel.PROVINCE, "year": 2022},
            {"award": AwardType.EMULATION_FIGHTER, "level": AwardLevel.AUTHORITY, "year": 2023},
        ],
    },
]


def load(command, **options):
    home = home_page()
    index, _changed = upsert_child_page(
        home,
        ExemplarIndexPage,
        slug_vi="dien-hinh-tien-tien",
        slug_en="exemplary-models",
        title_vi="Điển hình tiên tiến",
        title_en="Exemplary models",
        intro_vi="Doanh nghiệp, tập thể, người lao động và công đoàn tiêu biểu trong các KCN.",
        intro_en="Outstanding enterprises, collectives, workers and trade unions in the zones.",
        show_in_menus=True,
    )
    known = {document.number: document for document in LegalDocument.objects.all()}
    written = 0
    for profile in PROFILES:
        photo = demo_image(
            f"exemplar-{profile['key']}",
            profile["motif"],
            profile["organisation_vi"],
            profile["organisation_en"],
            "Ảnh minh hoạ",
        )
        awards = [
            {**award, "decision": known.get(award.get("decision", ""))}
            for award in profile["awards"]
        ]
        _page, changed = upsert_child_page_with_children(
            index,
            ExemplarProfilePage,
            slug_vi=vietnamese_slugify(profile["title_vi"]),
            children={"awards": awards},
            title_vi=profile["title_vi"],
            title_en=profile["title_en"],
            slug_en=vietnamese_slugify(profile["title_en"]),
            kind=profile["kind"],
            name=profile["name"],
            organisation_vi=profile["organisation_vi"],
            organisation_en=profile["organisation_en"],
            zone_vi=profile["zone_vi"],
            zone_en=profile["zone_en"],
            photo=photo,
            summary_vi=profile["summary_vi"],
            summary_en=profile["summary_en"],
            story_vi=_story(profile["story_vi"]),
            story_en=_story(profile["story_en"]),
        )
        written += int(changed)
    command.stdout.write(f"Exemplary models: {len(PROFILES)} profiles ({written} written).")
