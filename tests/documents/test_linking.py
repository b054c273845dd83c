"""Document numbers link themselves, and the registry lists the pages that cite a document."""

from django.utils.safestring import SafeData, mark_safe

import pytest

from documents.linking import link_document_numbers, numbers_in_text
from documents.models import DocumentCitation
from portal.languages import page_url_in
from tests.factories import make_article, make_legal_document, make_registry, paragraph, vi_url


@pytest.fixture
def registry(home):
    registry = make_registry(home)
    make_legal_document("47/QĐ-BQL", subject_vi="Thành lập các Cụm thi đua")
    make_legal_document(
        "34-CT/TW", issued=(2014, 4, 7), document_type="directive", subject_en="On emulation"
    )
    make_legal_document("82/2018/NĐ-CP", issued=(2018, 5, 22), document_type="decree")
    return registry


def links_in(html):
    import re

    return re.findall(r'<a class="document-ref" href="([^"]+)"[^>]*>([^<]+)</a>', str(html))


@pytest.mark.parametrize(
    "number", ["47/QĐ-BQL", "34-CT/TW", "82/2018/NĐ-CP", "82/2018/ND-CP", "152/1998/QĐ-TTg"]
)
def test_numbers_are_found_in_vietnamese_and_ascii_spelling(number):
    assert len(numbers_in_text(f"Theo văn bản số {number}, các cụm được thành lập.")) == 1


@pytest.mark.parametrize(
    "text", ["năm 2018/2019", "tỷ lệ 10-15%", "mã 47/QĐ-BQL2", "x47/QĐ-BQL", "ngày 17/6/2022"]
)
def test_things_that_only_look_like_numbers_are_not_numbers(text):
    assert numbers_in_text(text) == set()


def test_a_known_number_becomes_a_link_to_its_entry(registry):
    html = link_document_numbers(mark_safe("<p>Quyết định số 47/QĐ-BQL ngày 17/6/2022.</p>"), "vi")
    assert links_in(html) == [("/vi/van-ban-chinh-sach/47-qd-bql/", "47/QĐ-BQL")]
    assert 'title="Thành lập các Cụm thi đua"' in html
    assert isinstance(html, SafeData)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Decision No. 47/QD-BQL", ("/en/documents/47-qd-bql/", "47/QD-BQL")),
        ("Directive No. 34-CT/TW.", ("/en/documents/34-ct-tw/", "34-CT/TW")),
        ("Decree 82/2018/ND-CP,", ("/en/documents/82-2018-nd-cp/", "82/2018/ND-CP")),
        ("Decree 82/2018/NĐ-CP", ("/en/documents/82-2018-nd-cp/", "82/2018/NĐ-CP")),
    ],
)
def test_ascii_and_vietnamese_spellings_link_in_english(registry, text, expected):
    assert links_in(link_document_numbers(mark_safe(f"<p>{text}</p>"), "en")) == [expected]


def test_an_unknown_number_stays_plain_text(registry):
    source = mark_safe("<p>Công văn số 999/UBND-KTN chưa có trong danh mục.</p>")
    assert link_document_numbers(source, "vi") == source


def test_a_number_inside_an_existing_link_is_left_alone(registry):
    source = mark_safe(
        '<p>Xem <a href="https://example.org/47/QĐ-BQL">Quyết định <b>47/QĐ-BQL</b></a> '
        "và Chỉ thị 34-CT/TW.</p>"
    )
    html = link_document_numbers(source, "vi")
    assert '<a href="https://example.org/47/QĐ-BQL">Quyết định <b>47/QĐ-BQL</b></a>' in html
    assert links_in(html) == [("/vi/van-ban-chinh-sach/34-ct-tw/", "34-CT/TW")]


def test_attributes_and_code_are_never_rewritten(registry):
    source = mark_safe('<p title="47/QĐ-BQL"><code>47/QĐ-BQL</code></p>')
    assert link_document_numbers(source, "vi") == source


def test_plain_text_is_escaped_before_linking(registry):
    html = link_document_numbers("<script>x</script> 47/QĐ-BQL", "vi")
    assert "&lt;script&gt;" in html
    assert links_in(html) == [("/vi/van-ban-chinh-sach/47-qd-bql/", "47/QĐ-BQL")]


def test_a_number_issued_twice_links_to_the_look_up(registry):
    make_legal_document("47/QĐ-BQL", issued=(2023, 3, 1))
    html = link_document_numbers(mark_safe("<p>47/QĐ-BQL</p>"), "vi")
    assert links_in(html) == [("/vi/van-ban-chinh-sach/?number=47%2FQ%C4%90-BQL", "47/QĐ-BQL")]


def test_without_a_registry_page_nothing_is_linked(home):
    make_legal_document("47/QĐ-BQL")
    source = mark_safe("<p>47/QĐ-BQL</p>")
    assert link_document_numbers(source, "vi") == source


def test_a_document_added_later_is_linked_at_once(registry):
    source = mark_safe("<p>Quyết định 26/QĐ-BQL</p>")
    assert link_document_numbers(source, "vi") == source
    make_legal_document("26/QĐ-BQL", issued=(2022, 4, 1))
    assert links_in(link_document_numbers(source, "vi")) == [
        ("/vi/van-ban-chinh-sach/26-qd-bql/", "26/QĐ-BQL")
    ]


@pytest.fixture
def citing_article(registry, section):
    return make_article(
        section,
        title_vi="Ra mắt các Cụm thi đua",
        title_en="Emulation clusters launched",
        standfirst_vi="Triển khai Chỉ thị 34-CT/TW.",
        body_vi=paragraph(
            "Theo Quyết định số 47/QĐ-BQL, và công văn 999/UBND-KTN. "
            'Xem <a href="https://example.org/">văn bản 82/2018/NĐ-CP</a>.'
        ),
        body_en=paragraph("Under Decision No. 47/QD-BQL, and letter 999/UBND-KTN."),
    )


def test_published_article_links_known_numbers_in_vietnamese(client, citing_article):
    response = client.get(vi_url(citing_article))
    assert response.status_code == 200
    content = response.content.decode()
    assert links_in(content) == [
        ("/vi/van-ban-chinh-sach/34-ct-tw/", "34-CT/TW"),
        ("/vi/van-ban-chinh-sach/47-qd-bql/", "47/QĐ-BQL"),
    ]
    assert "công văn 999/UBND-KTN." in content
    assert '<a href="https://example.org/">văn bản 82/2018/NĐ-CP</a>' in content


def test_published_article_links_ascii_numbers_in_english(client, citing_article):
    response = client.get(page_url_in(citing_article, "en"))
    assert response.status_code == 200
    content = response.content.decode()
    assert links_in(content) == [
        ("/en/documents/34-ct-tw/", "34-CT/TW"),
        ("/en/documents/47-qd-bql/", "47/QD-BQL"),
    ], "the standfirst falls back to Vietnamese and is linked too"
    assert "letter 999/UBND-KTN." in content


def test_publishing_records_citations_per_language(citing_article):
    cited = {
        (citation.document.number, citation.language)
        for citation in DocumentCitation.objects.filter(page=citing_article, document__isnull=False)
    }
    assert cited == {
        ("47/QĐ-BQL", "vi"),
        ("34-CT/TW", "vi"),
        ("82/2018/NĐ-CP", "vi"),
        ("47/QĐ-BQL", "en"),
        ("34-CT/TW", "en"),
    }


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/vi/van-ban-chinh-sach/47-qd-bql/", "Ra mắt các Cụm thi đua"),
        ("/en/documents/47-qd-bql/", "Emulation clusters launched"),
    ],
)
def test_registry_entry_lists_the_pages_that_cite_it(client, citing_article, url, title):
    content = client.get(url).content.decode()
    assert title in content
    language = "en" if url.startswith("/en/") else "vi"
    assert f'href="{page_url_in(citing_article, language)}"' in content


def test_english_readers_only_see_pages_citing_in_english(client, citing_article):
    content = client.get("/en/documents/82-2018-nd-cp/").content.decode()
    assert "Emulation clusters launched" not in content
    assert "No published page cites this document yet." in content


def test_editing_out_a_mention_removes_the_citation(client, citing_article):
    citing_article.body_vi = paragraph("Không còn nhắc tới văn bản nào.")
    citing_article.standfirst_vi = ""
    citing_article.save_revision().publish()
    numbers = set(
        DocumentCitation.objects.filter(page=citing_article, language="vi").values_list(
            "document__number", flat=True
        )
    )
    assert numbers == set()
    content = client.get("/vi/van-ban-chinh-sach/47-qd-bql/").content.decode()
    assert "Ra mắt các Cụm thi đua" not in content


def test_unpublishing_a_page_drops_it_from_the_registry(client, citing_article):
    citing_article.unpublish()
    assert not DocumentCitation.objects.filter(page=citing_article).exists()
    content = client.get("/vi/van-ban-chinh-sach/47-qd-bql/").content.decode()
    assert "Ra mắt các Cụm thi đua" not in content


def test_unknown_numbers_are_remembered_without_a_document(citing_article):
    unresolved = DocumentCitation.objects.filter(page=citing_article, document=None)
    assert set(unresolved.values_list("number_key", "language")) == {
        ("999ubndktn", "vi"),
        ("999ubndktn", "en"),
    }


def test_a_document_registered_after_the_page_lists_it_at_once(client, citing_article):
    make_legal_document(
        "999/UBND-KTN",
        issued=(2021, 5, 5),
        document_type="official-letter",
        issuer_vi="UBND tỉnh Bắc Ninh",
        issuer_en="Bac Ninh Provincial People's Committee",
    )
    registry = client.get("/vi/van-ban-chinh-sach/999-ubnd-ktn/").content.decode()
    assert "Ra mắt các Cụm thi đua" in registry
    english = client.get("/en/documents/999-ubnd-ktn/").content.decode()
    assert "Emulation clusters launched" in english
    article = client.get(vi_url(citing_article)).content.decode()
    assert ("/vi/van-ban-chinh-sach/999-ubnd-ktn/", "999/UBND-KTN") in links_in(article)
    assert not DocumentCitation.objects.filter(number_key="999ubndktn", document=None).exists()


def test_correcting_a_documents_number_moves_its_citations(client, citing_article):
    from documents.models import LegalDocument

    document = make_legal_document("999/UBND-KNT", issued=(2021, 5, 5))
    assert not document.citations.exists()
    document = LegalDocument.objects.get(pk=document.pk)
    document.number = "999/UBND-KTN"
    document.save()
    assert set(document.citations.values_list("page_id", flat=True)) == {citing_article.pk}
    wrong = make_legal_document("47/QĐ-BQL-X", issued=(2020, 1, 1))
    existing = LegalDocument.objects.get(number="47/QĐ-BQL")
    existing.number = "47/QĐ-BQL-CU"
    existing.save()
    assert not existing.citations.exists()
    assert DocumentCitation.objects.filter(number_key="47qdbql", document=None).count() == 2
    assert not wrong.citations.exists()


def test_record_citations_command_rebuilds_every_live_page(citing_article):
    import io

    from django.core.management import call_command

    DocumentCitation.objects.all().delete()
    output = io.StringIO()
    call_command("record_citations", stdout=output)
    assert DocumentCitation.objects.filter(page=citing_article, document__isnull=False).count() == 5
    assert "citations of registered documents" in output.getvalue()
