"""What only the Elasticsearch backend does: alias rebuilds and falling back when down."""

import io
import logging
import re
import socket
from datetime import date

from django.core.management import call_command

import pytest
from elasticsearch import helpers
from elasticsearch_dsl import Index

from search import backends
from search.backends.elastic import EntryDocument, document_id, entry_source
from search.models import SearchEntry
from tests.factories import make_article, make_zone


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


def _swap_in_an_index_without_title_keys(backend):
    """An index as built before `title_key` existed: its mapping and documents lack it."""
    name = f"{backend.alias}-before-title-keys"
    index = Index(name, using=backend.client)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.document(EntryDocument)
    body = index.to_dict()
    del body["mappings"]["properties"]["title_key"]
    backend.client.indices.create(index=name, **body)
    helpers.bulk(
        backend.client,
        (
            {
                "_index": name,
                "_id": document_id(entry.content_type_id, entry.object_id, entry.language),
                "_source": {
                    field: value
                    for field, value in entry_source(entry).items()
                    if field != "title_key"
                },
            }
            for entry in SearchEntry.objects.all()
        ),
        refresh=True,
    )
    current = _indices_behind_alias(backend)
    backend.client.indices.update_aliases(
        actions=[
            *({"remove": {"index": old, "alias": backend.alias}} for old in current),
            {"add": {"index": name, "alias": backend.alias}},
        ]
    )
    for old in current:
        backend.client.indices.delete(index=old)


def test_a_rebuild_brings_an_index_from_before_title_keys_onto_the_name_rule(
    client, section, zones_index, osmem_backend
):
    """Deploying the name rule on a cluster: the old index keeps answering (and taking
    new writes) with the old ranking until `search_index --rebuild --elasticsearch-only`."""
    make_zone(zones_index, "KCN Quế Võ", established_on=date(2002, 11, 12))
    make_article(section, title_vi="KCN Quế Võ đón thêm nhà đầu tư", published=(2025, 3, 2))
    _swap_in_an_index_without_title_keys(osmem_backend)
    make_article(section, title_vi="Quế Võ mùa xuân", published=(2025, 4, 1))

    def titles():
        data = client.get("/api/search/", {"q": "que vo"}).json()
        assert data["backend"] == "elasticsearch"
        return [hit["title"] for hit in data["results"]]

    assert titles() == ["Quế Võ mùa xuân", "KCN Quế Võ đón thêm nhà đầu tư", "KCN Quế Võ"]
    call_command("search_index", "--rebuild", "--elasticsearch-only", stdout=io.StringIO())
    assert titles() == ["KCN Quế Võ", "Quế Võ mùa xuân", "KCN Quế Võ đón thêm nhà đầu tư"]


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
