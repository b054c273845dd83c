"""What only the Elasticsearch backend does: alias rebuilds and falling back when down."""

import io
import logging
import socket

from django.core.management import call_command

import pytest

from search import backends
from tests.factories import make_article


@pytest.fixture
def osmem_backend(settings, osmem_base):
    clone = osmem_base.clone()
    backends._elasticsearch.clear()
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = clone.url
    settings.ELASTICSEARCH_INDEX_PREFIX = "test-rebuild"
    yield backends.elasticsearch_backend()
    backends._elasticsearch.clear()
    clone.close()


def _indices_behind_alias(backend):
    return sorted(backend.client.indices.get_alias(name=backend.alias).keys())


def test_a_rebuild_fills_a_new_index_and_switches_the_alias(client, section, osmem_backend):
    make_article(section, title_vi="Doanh nghiệp FDI tại Yên Phong")
    before = _indices_behind_alias(osmem_backend)
    output = io.StringIO()
    call_command("search_index", "--rebuild", stdout=output)
    assert "alias test-rebuild-entries switched" in output.getvalue()
    after = _indices_behind_alias(osmem_backend)
    assert len(after) == 1 and after != before
    assert not osmem_backend.client.indices.exists(index=before[0]), "the old index is dropped"
    data = client.get("/api/search/", {"q": "yen phong"}).json()
    assert data["backend"] == "elasticsearch"
    assert [hit["title"] for hit in data["results"]] == ["Doanh nghiệp FDI tại Yên Phong"]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_with_the_cluster_down_search_answers_from_the_database(client, section, settings, caplog):
    backends._elasticsearch.clear()
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{_free_port()}"
    with caplog.at_level(logging.WARNING):
        make_article(section, title_vi="Cụm thi đua số 3 tổng kết")
        response = client.get("/api/search/", {"q": "cum thi dua"})
        page = client.get("/vi/search/", {"q": "cum thi dua"})
        suggest = client.get("/api/search/suggest/", {"q": "cum thi"})
    backends._elasticsearch.clear()
    assert response.status_code == 200 and page.status_code == 200
    assert response.json()["backend"] == "database"
    assert [hit["title"] for hit in response.json()["results"]] == ["Cụm thi đua số 3 tổng kết"]
    assert suggest.json()["suggestions"][0]["title"] == "Cụm thi đua số 3 tổng kết"
    assert any("unavailable" in record.getMessage() for record in caplog.records)
