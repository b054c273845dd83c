"""Every uploaded picture is described in both languages before it can be saved."""

import io

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from PIL import Image

from images.models import PortalImage


def jpeg_upload(name="nha-may.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 90, 160)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def test_image_upload_requires_alt_text_in_both_languages(client, db):
    client.force_login(get_user_model().objects.create_superuser("photo-editor", "", "x"))
    response = client.post(
        "/admin/images/add/",
        {"title": "Nhà máy", "file": jpeg_upload(), "alt_text_vi": "Nhà máy", "alt_text_en": ""},
    )
    assert response.status_code == 200
    assert not PortalImage.objects.exists()
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Nhà máy",
            "file": jpeg_upload(),
            "alt_text_vi": "Nhà máy trong khu công nghiệp",
            "alt_text_en": "A factory in an industrial zone",
        },
    )
    assert response.status_code == 302
    image = PortalImage.objects.get()
    assert image.alt_text_en == "A factory in an industrial zone"
