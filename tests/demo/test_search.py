"""`load_demo` ends with the search step, so the demo archive answers across every kind."""

import pytest

from search.models import KINDS, SearchEntry


@pytest.fixture
def demo_site(demo_database, db, settings):
    """The demo, loaded once for this module (tests/conftest.py), searched in the database."""
    settings.SEARCH_BACKEND = "database"
    settings.ELASTICSEARCH_URL = ""


def test_the_demo_indexes_every_kind_and_thi_dua_finds_several(client, demo_site):
    assert set(SearchEntry.objects.values_list("kind", flat=True)) == set(KINDS)
    data = client.get("/api/search/", {"q": "thi dua"}).json()
    kinds = {item["value"] for item in data["facets"]["type"]}
    assert {"article", "zone", "cluster", "document", "profile", "report"} <= kinds
    assert len(data["facets"]["zone"]) > 5


def test_the_demo_finds_a_zone_an_enterprise_and_a_document_number(client, demo_site):
    def hits(query):
        return client.get("/api/search/", {"q": query}).json()["results"]

    top = hits("Que Vo")[0]
    assert (top["type"], top["title"]) == ("zone", "KCN Quế Võ"), "named, so before Quế Võ II"
    assert "enterprise" in {hit["type"] for hit in hits("samsung electronics")}
    top = hits("34 ct tw")[0]
    assert (top["type"], top["document_number"]) == ("document", "34-CT/TW")
    english = client.get("/api/search/", {"q": "emulation", "lang": "en"}).json()
    assert {hit["language"] for hit in english["results"]} == {"en"}
    assert {"cluster", "document", "profile", "report"} <= {
        item["value"] for item in english["facets"]["type"]
    }
