"""Demo registry: the documents of ../shared/facts/documents.json, with our own summaries."""

import io
from datetime import date

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from PIL import Image, ImageDraw

from documents.models import (
    DocumentRegistryPage,
    DocumentStatus,
    LegalDocument,
    LegalDocumentAttachment,
)
from news.demo import home_page
from portal.demo_facts import read_facts
from portal.demo_pages import upsert_child_page

# Our own one-line summaries, keyed by number: what each document means for the zones.
SUMMARIES = {
    "34-CT/TW": (
        "Chỉ thị yêu cầu đổi mới nội dung, hình thức thi đua và khen thưởng đúng người, đúng "
        "việc; là căn cứ cho phong trào thi đua trong doanh nghiệp các KCN.",
        "The directive asks for emulation to be renewed in content and form and for rewards "
        "to go to the right people for the right work; the zones' emulation movement rests on it.",
    ),
    "109/QĐ-UBND": (
        "Tỉnh sắp xếp các cụm, khối thi đua cho năm 2022, trong đó có khối các ban quản lý.",
        "The province arranges its emulation clusters and blocks for 2022, the authority's "
        "included.",
    ),
    "26/QĐ-BQL": (
        "Ban Quản lý lập Hội đồng thi đua, khen thưởng để xét và đề nghị khen thưởng trong ngành.",
        "The authority sets up the council that assesses and proposes commendations in the branch.",
    ),
    "47/QĐ-BQL": (
        "Chia doanh nghiệp hạ tầng các KCN thành ba cụm thi đua, mỗi cụm có một đơn vị cụm trưởng.",
        "Groups the zones' infrastructure investors into three emulation clusters, each with a "
        "leading company.",
    ),
    "48/QĐ-BQL": (
        "Quy chế nêu cách các cụm thi đua đăng ký giao ước, chấm điểm và suy tôn đơn vị dẫn đầu.",
        "The regulations say how clusters sign pledges, score their members and choose who leads.",
    ),
    "152/1998/QĐ-TTg": (
        "Quyết định khai sinh Ban Quản lý các KCN Bắc Ninh.",
        "The decision that brought the Bac Ninh Industrial Zones Authority into being.",
    ),
    "36/1997/NĐ-CP": (
        "Quy chế đầu tiên về KCN, KCX và khu công nghệ cao mà Ban Quản lý ra đời theo đó.",
        "The first regulations on industrial, export-processing and high-tech zones, under which "
        "the authority was founded.",
    ),
    "29/2008/NĐ-CP": (
        "Nghị định thay thế quy chế năm 1997 và mở rộng sang khu kinh tế.",
        "The decree that replaced the 1997 regulations and extended them to economic zones.",
    ),
    "60/2008/QĐ-UBND": (
        "Tỉnh quy định chức năng, nhiệm vụ và quyền hạn của Ban Quản lý.",
        "The province sets out what the authority does and the powers it holds.",
    ),
    "82/2018/NĐ-CP": (
        "Nghị định hiện hành về quản lý KCN và khu kinh tế, thay thế Nghị định năm 2008.",
        "The decree in force on managing industrial and economic zones, replacing the 2008 decree.",
    ),
    "1511/TTg-KTN": (
        "Thủ tướng đồng ý điều chỉnh quy hoạch phát triển các KCN của tỉnh.",
        "The Prime Minister agrees to adjust the development plan of the province's zones.",
    ),
}

REPLACEMENTS = {"36/1997/NĐ-CP": "29/2008/NĐ-CP", "29/2008/NĐ-CP": "82/2018/NĐ-CP"}
RELATED = [
    ("47/QĐ-BQL", "48/QĐ-BQL"),
    ("47/QĐ-BQL", "34-CT/TW"),
    ("26/QĐ-BQL", "109/QĐ-UBND"),
    ("152/1998/QĐ-TTg", "60/2008/QĐ-UBND"),
]
EFFECTIVE_ON_SIGNATURE = {"26/QĐ-BQL", "47/QĐ-BQL", "48/QĐ-BQL", "109/QĐ-UBND"}


def demo_pdf(title, lines):
    """A one-page PDF drawn with Pillow, stored once as a Wagtail document."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = Image.new("RGB", (595, 842), "white")
    pen = ImageDraw.Draw(picture)
    for row, line in enumerate([title, "", *lines, "", "Demo file / Tệp minh hoạ"]):
        pen.text((60, 80 + row * 24), line, fill=(20, 20, 20))
    buffer = io.BytesIO()
    picture.save(buffer, format="PDF")
    document = Document(title=title)
    document.file.save(f"{title[:40].replace('/', '-')}.pdf", ContentFile(buffer.getvalue()))
    document.save()
    return document


def registry_page(home):
    page, _changed = upsert_child_page(
        home,
        DocumentRegistryPage,
        slug_vi="van-ban-chinh-sach",
        slug_en="documents",
        title_vi="Văn bản, chính sách",
        title_en="Documents and policies",
        intro_vi=(
            "Các chỉ thị, quyết định, nghị định và văn bản mà tin bài của Ban Quản lý dẫn "
            "chiếu, kèm tình trạng hiệu lực và các trang có nhắc tới."
        ),
        intro_en=(
            "The directives, decisions, decrees and letters the authority's news refers to, "
            "with their status and the pages that mention them."
        ),
        show_in_menus=True,
    )
    return page


def load(command, **options):
    facts = read_facts("documents.json")
    home = home_page()
    registry_page(home)
    documents = {}
    for item in facts["documents"]:
        summary_vi, summary_en = SUMMARIES.get(item["number"], ("", ""))
        issued = date.fromisoformat(item["date"])
        document = LegalDocument.objects.filter(number=item["number"]).first() or LegalDocument(
            number=item["number"]
        )
        document.document_type = item["type"]
        document.issuer_vi = item["issuer_vi"]
        document.issuer_en = item["issuer_en"]
        document.date_issued = issued
        document.effective_date = issued if item["number"] in EFFECTIVE_ON_SIGNATURE else None
        document.subject_vi = item["subject_vi"]
        document.subject_en = item["subject_en"]
        document.summary_vi = summary_vi
        document.summary_en = summary_en
        document.save()
        documents[item["number"]] = document
    for old, new in REPLACEMENTS.items():
        document = documents[old]
        document.status = DocumentStatus.REPLACED
        document.replaced_by = documents[new]
        document.save()
    for first, second in RELATED:
        documents[first].related_documents.add(documents[second])
    decision = documents["47/QĐ-BQL"]
    if not LegalDocumentAttachment.objects.filter(legal_document=decision).exists():
        LegalDocumentAttachment.objects.create(
            legal_document=decision,
            file=demo_pdf("47/QĐ-BQL", ["Thanh lap cac Cum thi dua trong cac KCN", "17/06/2022"]),
            label_vi="Bản quét quyết định (PDF)",
            label_en="Scan of the decision (PDF)",
        )
    command.stdout.write(f"Documents registry: {len(documents)} documents.")
