"""Uploads through the admin's own views: size and pixel limits, document types, alt text."""

import io
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from wagtail.documents import get_document_model

import pytest
from PIL import Image

from images.models import PortalImage
from tests.factories import sign_in

pytestmark = pytest.mark.django_db


def png(width, height, mode="1"):
    """A PNG of one flat colour: a few kilobytes on disk however many pixels it declares."""
    buffer = io.BytesIO()
    Image.new(mode, (width, height)).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def image_form(content, name="anh.png", **fields):
    return {
        "title": "Ảnh nhà máy",
        "file": SimpleUploadedFile(name, content, content_type="image/png"),
        "alt_text_vi": "Nhà máy trong khu công nghiệp",
        "alt_text_en": "A factory in an industrial zone",
        "credit": "",
        "tags": "",
        **fields,
    }


def test_a_decompression_bomb_is_refused_with_a_message(client, editor):
    bomb = png(8000, 6000)  # 48 million pixels, over the 40 million limit
    assert len(bomb) < 100_000
    sign_in(client, editor)
    response = client.post(reverse("wagtailimages:add"), image_form(bomb))
    assert response.status_code == 200
    assert "quá nhiều điểm ảnh" in response.content.decode()
    assert not PortalImage.objects.exists()


def test_the_multiple_uploader_refuses_the_bomb_too(client, editor):
    sign_in(client, editor)
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("bom.png", png(8000, 6000), content_type="image/png")},
    )
    payload = response.json()
    assert payload["success"] is False
    assert "quá nhiều điểm ảnh" in payload["error_message"]
    assert not PortalImage.objects.exists()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=2_000)
def test_an_image_over_the_size_limit_is_refused(client, editor):
    noisy = Image.frombytes("RGB", (200, 200), random.Random(6).randbytes(200 * 200 * 3))
    buffer = io.BytesIO()
    noisy.save(buffer, format="PNG")
    big = buffer.getvalue()
    assert len(big) > 2_000
    sign_in(client, editor)
    response = client.post(reverse("wagtailimages:add"), image_form(big))
    assert response.status_code == 200
    assert not PortalImage.objects.exists()


def test_alt_text_in_both_languages_is_required(client, editor):
    sign_in(client, editor)
    response = client.post(
        reverse("wagtailimages:add"), image_form(png(64, 48, "RGB"), alt_text_en="")
    )
    assert response.status_code == 200
    assert not PortalImage.objects.exists()
    response = client.post(reverse("wagtailimages:add"), image_form(png(64, 48, "RGB")))
    assert response.status_code == 302
    assert PortalImage.objects.get().alt_text_en == "A factory in an industrial zone"


def document_form(name, content):
    return {"title": "Báo cáo", "file": SimpleUploadedFile(name, content), "tags": ""}


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("chuong-trinh.exe", b"MZ\x90\x00 a program"),
        ("trang.html", b"<html><script>alert(1)</script></html>"),
        ("doi-ten.pdf", b"MZ\x90\x00 a program renamed to pdf"),
        ("bang-tinh.xlsx", b"  <svg onload='alert(1)'></svg>"),
        ("chuong-trinh.docx", b"\x7fELF a Linux program"),
        ("bao-cao.pdf", b"plain text called a PDF"),
    ],
)
def test_documents_of_other_types_are_refused(client, editor, name, content):
    sign_in(client, editor)
    response = client.post(reverse("wagtaildocs:add"), document_form(name, content))
    assert response.status_code == 200
    assert not get_document_model().objects.exists()


def test_a_real_pdf_is_accepted(client, editor):
    sign_in(client, editor)
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
    response = client.post(reverse("wagtaildocs:add"), document_form("bao-cao.pdf", pdf))
    assert response.status_code == 302
    assert get_document_model().objects.get().file.name.endswith(".pdf")
