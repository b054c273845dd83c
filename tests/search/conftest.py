"""The backends the contract tests run against, and a small archive to search."""

import socket
import uuid
from datetime import datetime

import pytest

from portal.settings import environment
from search import backends, registry
from tests.factories import make_article, paragraph

BACKENDS = ["database", "osmem", "elasticsearch-cluster"]


def _free_local_port(candidates=range(8121, 8130)):
    """The first free port of the range this project may use, else any free one."""
    for port in candidates:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    return 0


@pytest.fixture(scope="session")
def osmem_base():
    """osmem-server for the session (exits with the test process); each test clones it."""
    from osmem_server import OsmemServer

    server = OsmemServer.start(japanese=False, addr=f"127.0.0.1:{_free_local_port()}")
    yield server
    server.close()


@pytest.fixture(params=BACKENDS)
def search_backend(request, settings):
    """Point the site at one backend; the tests then only talk HTTP and the registry."""
    backends._elasticsearch.clear()
    if request.param == "database":
        settings.SEARCH_BACKEND = "database"
        settings.ELASTICSEARCH_URL = ""
        yield request.param
        return
    if request.param == "osmem":
        clone = request.getfixturevalue("osmem_base").clone()
        url = clone.url
    else:
        if not environment.ELASTICSEARCH_URL:
            pytest.skip("ELASTICSEARCH_URL is not set: no real cluster to test against")
        clone, url = None, environment.ELASTICSEARCH_URL
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:8]}"
    yield request.param
    backend = backends.elasticsearch_backend()
    if backend is not None:
        # By name: Elasticsearch 8 refuses wildcard deletes (destructive_requires_name).
        for name in backend.client.indices.get(index=f"{backend.alias}-*"):
            backend.client.indices.delete(index=name)
    backends._elasticsearch.clear()
    if clone is not None:
        clone.close()


@pytest.fixture
def archive(search_backend, section):
    """Articles chosen so each ranking and folding rule has a case that can fail."""
    return {
        "que_vo": make_article(
            section,
            title_vi="Khu công nghiệp Quế Võ mở rộng",
            title_en="Que Vo industrial zone expands",
            body_vi=paragraph("Nhà đầu tư mới đến Quế Võ, thi đua sản xuất."),
            body_en=paragraph("New investors arrive in Que Vo."),
            published=(2021, 3, 1),
        ),
        "quyet_dinh": make_article(
            section,
            title_vi="Quyết định thành lập cụm thi đua",
            body_vi=paragraph("Ban Quản lý ban hành quyết định mới."),
            published=(2022, 6, 17),
        ),
        "ocr": make_article(
            section,
            title_vi="Bản tin lưu trữ năm 2009",
            body_vi=paragraph("Phong trào thi dua dat hiéu qua tot trong cac doanh nghiep."),
            published=(2023, 1, 5),
        ),
        "exact_body": make_article(
            section,
            title_vi="Tổng kết công đoàn",
            body_vi=paragraph("Phong trào thi đua đạt hiệu quả tốt trong doanh nghiệp."),
            published=(2020, 1, 5),
        ),
        "title_word": make_article(
            section,
            title_vi="Logistics cho các khu công nghiệp",
            title_en="Logistics for industrial zones",
            body_vi=paragraph("Kho bãi và vận tải."),
            body_en=paragraph("Warehouses and transport."),
            published=(2019, 5, 5),
        ),
        "body_word": make_article(
            section,
            title_vi="Hạ tầng giao thông",
            title_en="Transport infrastructure",
            body_vi=paragraph("Dịch vụ logistics phát triển nhanh."),
            body_en=paragraph("Logistics services grow fast."),
            published=(2024, 5, 5),
        ),
    }


@pytest.fixture
def document_kind(search_backend, db):
    """Legal documents as a search kind, standing in for the documents app's own indexer."""
    from wagtail.documents.models import Document

    def document_entries(document):
        number, _, subject = document.title.partition(" ")
        yield {
            "language": "vi",
            "title": subject,
            "body": f"Văn bản số {number}",
            "url": f"/documents/{document.pk}/",
            "date": document.created_at,
            "document_number": number,
        }

    registry.register("document", Document, document_entries)
    yield Document
    registry.unregister(Document)


@pytest.fixture
def portal_archive(search_backend, home, section):
    """One item of every public content type, with the spellings the contract looks up."""
    from documents.models import DocumentType
    from tests.factories import (
        make_cluster,
        make_directory,
        make_enterprise,
        make_exemplar_index,
        make_legal_document,
        make_profile,
        make_registry,
        make_report,
        make_report_index,
        make_zone,
        make_zones_index,
    )

    zones_index = make_zones_index(home)
    que_vo = make_zone(
        zones_index,
        "KCN Quế Võ",
        "Que Vo Industrial Zone",
        intro_vi="Khu công nghiệp ở thị xã Quế Võ.",
        intro_en="An industrial zone in Que Vo town.",
        established_on=datetime(2002, 11, 12).date(),
    )
    yen_phong = make_zone(
        zones_index,
        "KCN Yên Phong",
        "Yen Phong Industrial Zone",
        established_on=datetime(2008, 3, 1).date(),
    )
    directory = make_directory(home)
    enterprise = make_enterprise(
        name_vi="Công ty TNHH Điện tử Đại Đồng",
        name_en="Dai Dong Electronics Co., Ltd.",
        zone=que_vo,
        main_products_vi="Linh kiện điện tử",
        main_products_en="Electronic components",
        certificate_date=datetime(2019, 4, 2).date(),
    )
    terminated = make_enterprise(
        name_vi="Công ty TNHH Đã Giải Thể Hùng Vương", zone=que_vo, status="terminated"
    )
    registry_page = make_registry(home)
    directive = make_legal_document(
        "34-CT/TW",
        issued=(2009, 5, 7),
        document_type=DocumentType.DIRECTIVE,
        issuer_vi="Ban Bí thư",
        issuer_en="Party Secretariat",
        subject_vi="Về tăng cường công tác thi đua khen thưởng",
        subject_en="On strengthening emulation and commendation work",
    )
    decision = make_legal_document(
        "47/QĐ-BQL",
        issued=(2018, 5, 28),
        subject_vi="Thành lập các Cụm thi đua trong các khu công nghiệp",
        subject_en="Establishing the emulation clusters of the industrial zones",
    )
    cluster = make_cluster(
        zones_index,
        3,
        member_zones=[que_vo, yen_phong],
        intro_vi="Cụm thi đua của các nhà đầu tư hạ tầng.",
        intro_en="The emulation cluster of the infrastructure investors.",
        decision=decision,
    )
    make_legal_document(
        "48/QĐ-BQL",
        issued=(2018, 6, 1),
        subject_vi="Quy chế hoạt động của Cụm thi đua",
        subject_en="Rules of the emulation clusters",
    )
    article = make_article(
        section,
        title_vi="Triển khai Quyết định 47/QĐ-BQL về cụm thi đua",
        title_en="Carrying out Decision 47/QD-BQL on the clusters",
        body_vi=paragraph("Các doanh nghiệp KCN Quế Võ thi đua theo Quyết định 47/QĐ-BQL."),
        body_en=paragraph("Enterprises of Que Vo compete under Decision 47/QD-BQL."),
        zones=[que_vo, yen_phong],
        published=(2024, 2, 20),
    )
    exemplars_index = make_exemplar_index(home)
    profile = make_profile(
        exemplars_index,
        title_vi="Chị Nguyễn Thị Hường: người thợ giỏi",
        title_en="Nguyen Thi Huong: a skilled worker",
        kind="individual",
        name="Nguyễn Thị Hường",
        zone_vi="KCN Quế Võ",
        zone_en="Que Vo Industrial Zone",
        summary_vi="Chiến sĩ thi đua cơ sở nhiều năm liền.",
        summary_en="Grassroots emulation fighter for years.",
        awards=[("emulation-fighter", "province", 2018, decision)],
    )
    reports_index = make_report_index(home)
    report = make_report(
        reports_index,
        start=(2021, 1, 15),
        title_vi="Hội nghị tổng kết phong trào thi đua năm 2020",
        title_en="Review conference of the 2020 emulation movement",
        summary_vi="Khối thi đua tổng kết năm và ký giao ước thi đua.",
        summary_en="The bloc reviewed the year and signed the emulation pledge.",
    )
    return {
        "que_vo": que_vo,
        "yen_phong": yen_phong,
        "cluster": cluster,
        "directory": directory,
        "enterprise": enterprise,
        "terminated": terminated,
        "registry": registry_page,
        "directive": directive,
        "decision": decision,
        "article": article,
        "profile": profile,
        "report": report,
    }
