"""What only the Elasticsearch backend does: alias rebuilds and falling back when down."""

import io
import logging
import re
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


@pytest.mark.parametrize("language", ["vi", "en"])
def test_with_the_cluster_down_search_answers_from_the_database(
    client, section, settings, caplog, language
):
    """The reader's search page, its API and the suggestions all answer from the database
    entries while Elasticsearch cannot be reached."""
    backends._elasticsearch.clear()
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{_free_port()}"
    title = "Cụm thi đua số 3 tổng kết" if language == "vi" else "Cluster 3 reviews its year"
    query = "cum thi dua" if language == "vi" else "cluster reviews"
    with caplog.at_level(logging.WARNING):
        make_article(
            section, title_vi="Cụm thi đua số 3 tổng kết", title_en="Cluster 3 reviews its year"
        )
        response = client.get("/api/search/", {"q": query, "lang": language})
        page = client.get(f"/{language}/search/", {"q": query})
        suggest = client.get("/api/search/suggest/", {"q": query[:9], "lang": language})
    backends._elasticsearch.clear()
    assert response.status_code == 200 and page.status_code == 200
    assert response.json()["backend"] == "database"
    assert [hit["title"] for hit in response.json()["results"]] == [title]
    html = page.content.decode()
    assert html.count('class="search-result"') == 1
    assert title in re.sub(r"<[^>]+>", "", html), "the result, highlighted"
    assert suggest.json()["suggestions"][0]["title"] == title
    assert any("unavailable" in record.getMessage() for record in caplog.records)
