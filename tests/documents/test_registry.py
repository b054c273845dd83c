"""The public registry: lists, filters, forgiving number look-up and one page per document."""

import pytest

from documents.models import LegalDocument, LegalDocumentAttachment
from tests.factories import make_legal_document, make_registry


@pytest.fixture
def registry(home):
    return make_registry(home)


@pytest.fixture
def documents(registry):
    decision = make_legal_document()
    directive = make_legal_document(
        "34-CT/TW",
        issued=(2014, 4, 7),
        document_type="directive",
        issuer_vi="Bộ Chính trị",
        issuer_en="Politburo",
        subject_vi="Về tiếp tục đổi mới công tác thi đua, khen thưởng",
        subject_en="On continuing to innovate emulation and commendation work",
    )
    new_decree = make_legal_document(
        "82/2018/NĐ-CP",
        issued=(2018, 5, 22),
        document_type="decree",
        issuer_vi="Chính phủ",
        issuer_en="Government",
    )
    old_decree = make_legal_document(
        "29/2008/NĐ-CP",
        issued=(2008, 3, 14),
        document_type="decree",
        issuer_vi="Chính phủ",
        issuer_en="Government",
        status="replaced",
        replaced_by=new_decree,
    )
    return {"decision": decision, "directive": directive, "new": new_decree, "old": old_decree}


def numbers_in(response):
    return [
        document.number
        for document in response.context["documents"]
        if isinstance(document, LegalDocument)
    ]


@pytest.mark.parametrize(
    ("url", "subject"),
    [
        ("/vi/van-ban-chinh-sach/", "Về tiếp tục đổi mới công tác thi đua, khen thưởng"),
        ("/en/documents/", "On continuing to innovate emulation and commendation work"),
    ],
)
def test_registry_lists_every_document_in_the_readers_language(client, documents, url, subject):
    response = client.get(url)
    assert response.status_code == 200
    assert subject in response.content.decode()
    assert set(numbers_in(response)) == {"47/QĐ-BQL", "34-CT/TW", "82/2018/NĐ-CP", "29/2008/NĐ-CP"}


@pytest.mark.parametrize("prefix", ["/vi/van-ban-chinh-sach/", "/en/documents/"])
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=decree", {"82/2018/NĐ-CP", "29/2008/NĐ-CP"}),
        ("type=directive", {"34-CT/TW"}),
        ("issuer=chinh-phu", {"82/2018/NĐ-CP", "29/2008/NĐ-CP"}),
        ("issuer=ban-quan-ly-cac-kcn-bac-ninh", {"47/QĐ-BQL"}),
        ("year=2018", {"82/2018/NĐ-CP"}),
        ("status=replaced", {"29/2008/NĐ-CP"}),
        ("status=in-force&type=decree", {"82/2018/NĐ-CP"}),
        ("type=decree&year=2014", set()),
    ],
)
def test_registry_filters_by_type_issuer_year_and_status(
    client, documents, prefix, query, expected
):
    response = client.get(f"{prefix}?{query}")
    assert response.status_code == 200
    assert set(numbers_in(response)) == expected


def test_unknown_filter_values_are_ignored_rather_than_failing(client, documents):
    response = client.get("/vi/van-ban-chinh-sach/?type=poem&year=abc&status=lost&issuer=nobody")
    assert response.status_code == 200
    assert len(numbers_in(response)) == 4


def test_issuer_filter_offers_issuer_names_in_english_to_english_readers(client, documents):
    content = client.get("/en/documents/").content.decode()
    assert '<option value="chinh-phu">Government</option>' in content
    content = client.get("/vi/van-ban-chinh-sach/").content.decode()
    assert '<option value="chinh-phu">Chính phủ</option>' in content


@pytest.mark.parametrize(
    "spelling", ["47/QĐ-BQL", "47/QD-BQL", "47/qđ-bql", "47 QĐ BQL", " 47-qd-bql "]
)
@pytest.mark.parametrize(
    ("prefix", "detail"),
    [
        ("/vi/van-ban-chinh-sach/", "/vi/van-ban-chinh-sach/47-qd-bql/"),
        ("/en/documents/", "/en/documents/47-qd-bql/"),
    ],
)
def test_number_look_up_forgives_accents_case_and_separators(
    client, documents, spelling, prefix, detail
):
    response = client.get(prefix, {"number": spelling})
    assert response.status_code == 302
    assert response["Location"] == detail
    assert client.get(detail).status_code == 200


@pytest.mark.parametrize("spelling", ["82/2018/ND-CP", "82 2018 nđ cp", "34/CT-TW"])
def test_look_up_works_for_numbers_with_years_and_party_numbers(client, documents, spelling):
    response = client.get("/vi/van-ban-chinh-sach/", {"number": spelling}, follow=True)
    assert response.status_code == 200
    assert response.context["document"].number in {"82/2018/NĐ-CP", "34-CT/TW"}


def test_look_up_of_an_unknown_number_says_nothing_matches(client, documents):
    response = client.get("/en/documents/", {"number": "999/QD-XYZ"})
    assert response.status_code == 200
    assert numbers_in(response) == []
    assert "No document in the registry matches." in response.content.decode()


def test_look_up_of_a_number_reused_in_two_years_lists_both(client, registry):
    make_legal_document("5/QĐ-BQL", issued=(2021, 1, 5))
    make_legal_document("5/QĐ-BQL", issued=(2023, 1, 9))
    response = client.get("/vi/van-ban-chinh-sach/", {"number": "5/QD-BQL"})
    assert response.status_code == 200
    assert numbers_in(response) == ["5/QĐ-BQL", "5/QĐ-BQL"]
    slugs = {document.slug for document in LegalDocument.objects.all()}
    assert slugs == {"5-qd-bql", "5-qd-bql-2023"}


@pytest.mark.parametrize(
    ("url", "texts"),
    [
        (
            "/vi/van-ban-chinh-sach/29-2008-nd-cp/",
            ["Đã được thay thế", "/vi/van-ban-chinh-sach/82-2018-nd-cp/", "Chính phủ"],
        ),
        (
            "/en/documents/29-2008-nd-cp/",
            ["Replaced", "/en/documents/82-2018-nd-cp/", "Government"],
        ),
    ],
)
def test_document_page_shows_status_and_links_to_its_replacement(client, documents, url, texts):
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    for text in texts:
        assert text in content


def test_replacement_page_lists_what_it_replaced(client, documents):
    content = client.get("/en/documents/82-2018-nd-cp/").content.decode()
    assert "This document replaces" in content
    assert 'href="/en/documents/29-2008-nd-cp/"' in content


def test_document_page_lists_attachments_and_related_documents(client, documents):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    file = get_document_model()(title="Bản quét")
    file.file.save("scan.pdf", ContentFile(b"%PDF-1.4 test"))
    file.save()
    LegalDocumentAttachment.objects.create(
        legal_document=documents["decision"], file=file, label_vi="Bản quét", label_en="Scan"
    )
    documents["decision"].related_documents.add(documents["directive"])
    english = client.get("/en/documents/47-qd-bql/").content.decode()
    assert "Scan" in english and "(PDF)" in english and file.url in english
    assert 'href="/en/documents/34-ct-tw/"' in english
    vietnamese = client.get("/vi/van-ban-chinh-sach/34-ct-tw/").content.decode()
    assert 'href="/vi/van-ban-chinh-sach/47-qd-bql/"' in vietnamese, "related works both ways"


def test_unknown_document_slug_is_not_found(client, documents):
    assert client.get("/vi/van-ban-chinh-sach/khong-co/").status_code == 404
    assert client.get("/en/documents/no-such-document/").status_code == 404


def test_registry_paginates_long_lists(client, registry):
    for number in range(1, 26):
        make_legal_document(f"{number}/QĐ-BQL", issued=(2020, 1, 1 + number % 28))
    first = client.get("/vi/van-ban-chinh-sach/")
    assert len(numbers_in(first)) == 20
    second = client.get("/vi/van-ban-chinh-sach/?page=2")
    assert len(numbers_in(second)) == 5
    assert client.get("/vi/van-ban-chinh-sach/?page=9").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/vi/van-ban-chinh-sach/",
        "/en/documents/",
        "/vi/van-ban-chinh-sach/?type=decision&status=replaced",
        "/en/documents/?type=decision",
    ],
)
def test_registry_list_query_count_does_not_grow_with_documents(registry, count_queries, url):
    replacement = make_legal_document("1/QĐ-UBND", issued=(2024, 1, 2))
    counts = []
    for size in (3, 18):
        while LegalDocument.objects.count() < size:
            number = LegalDocument.objects.count() + 100
            make_legal_document(
                f"{number}/QĐ-BQL", issued=(2022, 1, 3), status="replaced", replaced_by=replacement
            )
        queries, html = count_queries(url)
        counts.append(queries)
    assert "117/QĐ-BQL" in html, "the last document added is listed"
    assert counts[1] <= counts[0]
    assert counts[1] <= 12, "routing, menu and privacy checks (8) plus four for the registry"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_document_page_query_count_does_not_grow_with_citations(
    documents, section, count_queries, language
):
    from tests.factories import make_article, paragraph

    url = f"/{language}/{'van-ban-chinh-sach' if language == 'vi' else 'documents'}/47-qd-bql/"
    citing = []
    counts = []
    for size in (1, 6):
        while len(citing) < size:
            citing.append(
                make_article(
                    section,
                    title_en=f"Article citing the decision {len(citing)}",
                    body_vi=paragraph("Theo Quyết định số 47/QĐ-BQL."),
                    body_en=paragraph("Under Decision No. 47/QD-BQL."),
                )
            )
        queries, html = count_queries(url)
        counts.append(queries)
    assert all(getattr(article, f"title_{language}") in html for article in citing)
    assert counts[1] <= counts[0]


def test_document_page_offers_the_same_entry_in_the_other_language(client, documents):
    content = client.get("/vi/van-ban-chinh-sach/47-qd-bql/").content.decode()
    assert 'hreflang="en" href="http://testserver/en/documents/47-qd-bql/"' in content
    assert 'href="/en/documents/47-qd-bql/" hreflang="en"' in content


def test_sitemap_lists_every_registry_entry(registry, documents):
    locations = [entry["location"] for entry in registry.get_sitemap_urls()]
    assert locations[0].endswith("/vi/van-ban-chinh-sach/")
    assert sorted(location.rsplit("/", 2)[1] for location in locations[1:]) == [
        "29-2008-nd-cp",
        "34-ct-tw",
        "47-qd-bql",
        "82-2018-nd-cp",
    ]


def test_registry_is_a_single_page_under_the_home_page(home, section):
    from documents.models import DocumentRegistryPage

    assert DocumentRegistryPage.can_create_at(home)
    assert not DocumentRegistryPage.can_create_at(section)
    make_registry(home)
    assert not DocumentRegistryPage.can_create_at(home), "max_count = 1"


REGISTRY = {"vi": "/vi/van-ban-chinh-sach/", "en": "/en/documents/"}
FILTERS = ["type", "issuer", "year", "status", "number", "page"]


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("parameter", FILTERS)
def test_markup_typed_into_a_registry_filter_is_inert(
    client, documents, hostile_input, language, parameter
):
    response = client.get(REGISTRY[language], {parameter: hostile_input.text})
    if parameter == "number":
        hostile_input.assert_echoed_escaped(response)
    else:
        hostile_input.assert_inert(response)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_broken_registry_query_strings_never_cause_a_server_error(
    client, documents, hostile_input, language
):
    others = [parameter for parameter in FILTERS if parameter != "number"]
    hostile_input.assert_no_server_error(client, REGISTRY[language], others)
    without_nul = [value for value in hostile_input.broken_values if value != "%00"]
    hostile_input.assert_no_server_error(client, REGISTRY[language], ["number"], without_nul)
    hostile_input.assert_no_server_error(client, f"{REGISTRY[language]}47-qd-bql/", ["page"])
    for path in ("%ff/", "%3Cscript%3E/", "x" * 300 + "/"):
        assert client.get(REGISTRY[language] + path).status_code == 404


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_nul_in_the_number_look_up_is_no_server_error(client, documents, language):
    client.raise_request_exception = False
    response = client.get(f"{REGISTRY[language]}?number=47%00")
    assert response.status_code < 500
