"""The backends the contract tests run against, and a small archive to search."""

import socket
import uuid

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
