"""Editors' side: attachments only in allowed formats, and registry entries through the admin."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model

import pytest

from documents.models import LegalDocument
from tests.factories import make_legal_document


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("bientap", "bientap@example.org", "mat-khau")
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bao-cao.txt", b"plain text"),
        ("bao-cao.exe", b"MZ\x90\x00"),
        ("quyet-dinh.doc", b"\xd0\xcf\x11\xe0 old word"),
        ("anh.jpg", b"\xff\xd8\xff not a document"),
    ],
)
def test_admin_upload_of_another_file_type_is_refused_with_a_clear_message(
    client, editor, name, content
):
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Báo cáo", "file": SimpleUploadedFile(name, content), "collection": 1},
    )
    assert response.status_code == 200, "the form comes back instead of saving"
    extension = name.rsplit(".", 1)[1]
    message = (
        f"File extension “{extension}” is not allowed. "
        "Allowed extensions are: pdf, docx, xlsx, odt."
    )
    assert response.context["form"].errors["file"] == [message]
    assert message in response.content.decode(), "the editor sees the message on the form"
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize("name", ["quyet-dinh.pdf", "bao-cao.docx", "so-lieu.xlsx", "ke-hoach.odt"])
def test_admin_upload_of_an_allowed_type_is_saved(client, editor, name):
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Tệp", "file": SimpleUploadedFile(name, b"%PDF-1.4 demo"), "collection": 1},
    )
    assert response.status_code == 302
    assert get_document_model().objects.get().file_extension == name.rsplit(".", 1)[1]


def test_multiple_upload_refuses_another_type_too(client, editor):
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("ghi-chu.txt", b"plain"), "collection": 1},
    )
    assert response.status_code == 200
    payload = response.json()
    assert payload["success"] is False
    assert "pdf, docx, xlsx, odt" in payload["error_message"]
    assert not get_document_model().objects.exists()


def _document_form(**overrides):
    data = {
        "number": "47/QD-BQL",
        "document_type": "decision",
        "issuer_vi": "Ban Quản lý các KCN Bắc Ninh",
        "issuer_en": "Bac Ninh Industrial Zones Authority",
        "date_issued": "2022-06-17",
        "effective_date": "",
        "status": "in-force",
        "replaced_by": "",
        "subject_vi": "Thành lập các Cụm thi đua",
        "subject_en": "Establishing emulation clusters",
        "summary_vi": "",
        "summary_en": "",
        "slug": "",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_editor_creates_a_registry_entry_in_the_admin(client, editor):
    url = reverse("wagtailsnippets_documents_legaldocument:add")
    assert client.get(url).status_code == 200
    response = client.post(url, _document_form())
    assert response.status_code == 302, response.context and response.context["form"].errors
    document = LegalDocument.objects.get()
    assert document.number_key == "47qdbql"
    assert document.slug == "47-qd-bql"
    assert document.subject_en == "Establishing emulation clusters"


def test_admin_requires_the_replacement_of_a_replaced_document(client, editor):
    url = reverse("wagtailsnippets_documents_legaldocument:add")
    response = client.post(url, _document_form(status="replaced"))
    assert response.status_code == 200
    assert "replaced_by" in response.context["form"].errors
    assert not LegalDocument.objects.exists()


def test_admin_list_finds_entries_by_number(client, editor):
    make_legal_document("47/QĐ-BQL")
    make_legal_document("34-CT/TW", issued=(2014, 4, 7), document_type="directive")
    response = client.get(reverse("wagtailsnippets_documents_legaldocument:list"), {"q": "34-CT"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "34-CT/TW" in content and "47/QĐ-BQL" not in content
