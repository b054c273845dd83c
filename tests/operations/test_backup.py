"""Nothing lost: `manage.py backup` and `manage.py restore` bring content and media back."""

import json
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management import CommandError, call_command

from wagtail.models import Page

import pytest

from news.models import ArticlePage, Topic
from tests.factories import make_article, make_image


@pytest.fixture
def backup_dir(tmp_path):
    return tmp_path / "backups"


def test_backup_and_restore_round_trip(client, section, backup_dir):
    image = make_image("Ảnh trước sao lưu")
    topic = Topic.objects.create(name_vi="Môi trường", name_en="Environment", slug="moi-truong")
    article = make_article(
        section,
        title_vi="Bài trước sao lưu",
        title_en="Story before the backup",
        lead_image=image,
        topics=[topic],
    )
    image_file = Path(settings.MEDIA_ROOT) / image.file.name
    assert image_file.exists()

    call_command("backup", output_dir=str(backup_dir), verbosity=0)
    archives = list(backup_dir.glob("iza-backup-*.tar.gz"))
    assert len(archives) == 1
    with tarfile.open(archives[0]) as archive:
        names = archive.getnames()
        manifest = json.load(archive.extractfile("manifest.json"))
    assert "database.json" in names
    assert f"media/{image.file.name}" in names
    assert manifest["objects"] > 10

    article.title_vi = "Bài bị sửa hỏng"
    article.save_revision().publish()
    make_article(section, title_vi="Bài viết sau sao lưu")
    topic.delete()
    image_file.unlink()

    call_command("restore", str(archives[0]), yes=True, verbosity=0)

    restored = ArticlePage.objects.get(pk=article.pk)
    assert restored.title_vi == "Bài trước sao lưu"
    assert restored.title_en == "Story before the backup"
    assert not ArticlePage.objects.filter(title_vi="Bài viết sau sao lưu").exists()
    assert list(restored.topics.values_list("slug", flat=True)) == ["moi-truong"]
    assert image_file.exists()
    assert Page.find_problems() == ([], [], [], [], [])
    page = client.get(f"/vi/{section.slug_vi}/{article.slug_vi}/")
    assert page.status_code == 200
    assert "Bài trước sao lưu" in page.content.decode()
    english = client.get(f"/en/{section.slug_en}/{restored.slug_en}/")
    assert "Story before the backup" in english.content.decode()
    found = client.get("/vi/search/", {"q": "Bài trước sao lưu"}).content.decode()
    assert "Bài trước sao lưu" in found


def test_restore_refuses_without_yes(section, backup_dir):
    make_article(section, title_vi="Bài giữ nguyên")
    call_command("backup", output_dir=str(backup_dir), verbosity=0)
    archive = next(backup_dir.glob("*.tar.gz"))
    make_article(section, title_vi="Bài mới hơn")
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(archive), verbosity=0)
    assert ArticlePage.objects.filter(title_vi="Bài mới hơn").exists()


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, db):
    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as archive:
        archive.add(__file__, arcname="manifest.json")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("restore", str(bogus), yes=True, verbosity=0)


def test_the_round_trip_brings_back_zones_directory_registry_figures_and_documents(
    client, home, backup_dir
):
    """Not only news: the other content a restore must not lose, rows and files alike."""
    from decimal import Decimal

    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    from documents.models import LegalDocument
    from enterprises.models import Enterprise
    from indicators.models import IndicatorValue, Metric, Unit
    from portal.languages import page_url_in
    from tests.factories import (
        make_directory,
        make_enterprise,
        make_legal_document,
        make_registry,
        make_zone,
        make_zones_index,
    )

    zone = make_zone(make_zones_index(home), "KCN Quế Võ", "Que Vo Industrial Zone")
    directory = make_directory(home)
    enterprise = make_enterprise(name_vi="Công ty TNHH Sao Lưu", zone=zone)
    registry = make_registry(home)
    make_legal_document("47/QĐ-BQL", subject_vi="Thành lập các Cụm thi đua")
    IndicatorValue.objects.create(
        period="2022", metric=Metric.EXPORT, value=Decimal("31.7"), unit=Unit.BN_USD
    )
    document = get_document_model()(title="Báo cáo năm")
    document.file.save("bao-cao-nam.pdf", ContentFile(b"%PDF-1.4 annual"), save=False)
    document.save()
    document_file = Path(settings.MEDIA_ROOT) / document.file.name

    call_command("backup", output_dir=str(backup_dir), verbosity=0)
    archive = next(backup_dir.glob("iza-backup-*.tar.gz"))
    zone_urls = [page_url_in(zone, language) for language in ("vi", "en")]
    zone_id, document_id = zone.pk, document.pk
    zone.delete()
    Enterprise.objects.all().delete()
    LegalDocument.objects.all().delete()
    IndicatorValue.objects.all().delete()
    document.delete()
    document_file.unlink(missing_ok=True)
    assert client.get(zone_urls[0]).status_code == 404

    call_command("restore", str(archive), yes=True, verbosity=0)

    assert Enterprise.objects.get(pk=enterprise.pk).zone_id == zone_id
    assert IndicatorValue.objects.get().value == Decimal("31.7")
    with get_document_model().objects.get(pk=document_id).file.open("rb") as handle:
        assert handle.read() == b"%PDF-1.4 annual"
    for language, zone_url in zip(("vi", "en"), zone_urls, strict=True):
        zone_page = client.get(zone_url)
        assert zone_page.status_code == 200
        assert getattr(enterprise, f"name_{language}") in zone_page.content.decode()
        detail = client.get(f"{page_url_in(directory, language)}{enterprise.pk}/")
        assert detail.status_code == 200
        entry = client.get(f"{page_url_in(registry, language)}47-qd-bql/")
        assert entry.status_code == 200 and "47/QĐ-BQL" in entry.content.decode()
    assert "31,7" in client.get("/vi/").content.decode()
