"""Deleted pages and documents wait in the recycle bin; an administrator brings them back."""

from datetime import timedelta

from django.contrib.auth.models import Group, Permission, User
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Page

import pytest

from news.models import ArticlePage
from recyclebin.models import RecycleBinPage, RecycledDocument, RecycledPage
from tests.discovery.test_sitemap import sitemap_files
from tests.factories import make_article


@pytest.fixture
def administrator(db):
    return User.objects.create_superuser("admin", "admin@example.org", "a-long-passphrase")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_deleting_a_page_in_the_admin_moves_it_to_the_bin(client, section, administrator, language):
    article = make_article(section, title_vi="Bài sẽ xoá", title_en="Story to delete")
    url = f"/{language}/{section.slug_vi if language == 'vi' else section.slug_en}/" + (
        f"{article.slug_vi}/" if language == "vi" else f"{article.slug_en}/"
    )
    assert client.get(url).status_code == 200
    client.force_login(administrator)
    assert client.get(f"/admin/pages/{article.pk}/delete/").status_code == 200
    response = client.post(f"/admin/pages/{article.pk}/delete/")
    assert response.status_code == 302
    assert response.url == f"/admin/pages/{section.pk}/"

    kept = Page.objects.get(pk=article.pk)
    assert not kept.live
    assert kept.get_parent().specific_class is RecycleBinPage
    entry = RecycledPage.objects.get(page=kept)
    assert entry.original_parent_id == section.pk
    assert entry.deleted_by == administrator
    client.logout()
    assert client.get(url).status_code == 404
    assert "Bài sẽ xoá" not in client.get(section.url).content.decode()
    assert "Bài sẽ xoá" not in client.get("/vi/search/", {"q": "xoá"}).content.decode()
    sitemap = [location for location, _tree in sitemap_files(client)]
    for channel in (*sitemap, f"/{language}/feeds/rss.xml", "/api/v2/pages/"):
        text = client.get(channel).content.decode()
        assert article.slug_vi not in text and "Story to delete" not in text, channel


def test_an_administrator_restores_a_page_where_it_was(client, section, administrator):
    article = make_article(section, title_vi="Bài được cứu", title_en="Rescued story")
    client.force_login(administrator)
    client.post(f"/admin/pages/{article.pk}/delete/")
    listing = client.get("/admin/recycle-bin/")
    assert listing.status_code == 200
    assert "Bài được cứu" in listing.content.decode()
    entry = RecycledPage.objects.get(page_id=article.pk)
    response = client.post(f"/admin/recycle-bin/pages/{entry.pk}/restore/")
    assert response.status_code == 302
    restored = ArticlePage.objects.get(pk=article.pk)
    assert restored.live
    assert restored.get_parent().pk == section.pk
    assert not RecycledPage.objects.exists()
    client.logout()
    page = client.get(f"/vi/{section.slug_vi}/{article.slug_vi}/")
    assert page.status_code == 200
    assert "Bài được cứu" in page.content.decode()
    english = client.get(f"/en/{section.slug_en}/{article.slug_en}/")
    assert "Rescued story" in english.content.decode()


def test_a_deleted_section_keeps_its_articles_and_brings_them_back(client, section, administrator):
    articles = [make_article(section) for _number in range(3)]
    client.force_login(administrator)
    client.post(f"/admin/pages/{section.pk}/delete/")
    assert not ArticlePage.objects.live().exists()
    assert ArticlePage.objects.count() == 3
    entry = RecycledPage.objects.get()
    client.post(f"/admin/recycle-bin/pages/{entry.pk}/restore/")
    assert set(ArticlePage.objects.live().values_list("pk", flat=True)) == {
        article.pk for article in articles
    }


def test_editors_who_are_not_administrators_cannot_open_or_restore(client, section):
    article = make_article(section)
    editors = Group.objects.get_or_create(name="Editors")[0]
    editor = User.objects.create_user("editor", "e@example.org", "a-long-passphrase")
    editor.groups.add(editors)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    from recyclebin.bin import recycle_page

    entry = recycle_page(article)
    client.force_login(editor)
    assert client.get("/admin/recycle-bin/").status_code in {302, 403}
    client.post(f"/admin/recycle-bin/pages/{entry.pk}/restore/")
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_anonymous_visitors_cannot_reach_the_bin(client, section):
    response = client.get("/admin/recycle-bin/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_deleting_inside_the_bin_deletes_for_good(client, section, administrator):
    article = make_article(section)
    client.force_login(administrator)
    client.post(f"/admin/pages/{article.pk}/delete/")
    client.post(f"/admin/pages/{article.pk}/delete/")
    assert not Page.objects.filter(pk=article.pk).exists()
    assert not RecycledPage.objects.exists()


def _download(client, document_id, filename):
    response = client.get(f"/documents/{document_id}/{filename}")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body


def test_deleted_documents_are_kept_and_restored_with_their_id(client, administrator, home):
    """While in the bin a document cannot be downloaded; restored, the same link works."""
    Document = get_document_model()
    document = Document(title="Quyết định số 12")
    document.file.save("quyet-dinh-12.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    original_id = document.pk
    assert _download(client, original_id, "quyet-dinh-12.pdf") == (200, b"%PDF-1.4 test")
    client.force_login(administrator)
    response = client.post(f"/admin/documents/delete/{original_id}/")
    assert response.status_code == 302
    assert not Document.objects.filter(pk=original_id).exists()
    entry = RecycledDocument.objects.get()
    assert entry.title == "Quyết định số 12"
    assert "Quyết định số 12" in client.get("/admin/recycle-bin/").content.decode()
    client.logout()
    assert _download(client, original_id, "quyet-dinh-12.pdf")[0] == 404
    client.force_login(administrator)
    client.post(f"/admin/recycle-bin/documents/{entry.pk}/restore/")
    restored = Document.objects.get(pk=original_id)
    assert restored.title == "Quyết định số 12"
    with restored.file.open("rb") as handle:
        assert handle.read() == b"%PDF-1.4 test"
    client.logout()
    filename = restored.filename
    assert _download(client, original_id, filename) == (200, b"%PDF-1.4 test")


def test_purge_removes_only_what_waited_long_enough(section):
    from recyclebin.bin import recycle_page

    old = recycle_page(make_article(section, title_vi="Bài cũ trong thùng rác"))
    recent = recycle_page(make_article(section, title_vi="Bài mới trong thùng rác"))
    RecycledPage.objects.filter(pk=old.pk).update(deleted_at=timezone.now() - timedelta(days=31))
    call_command("purge_recyclebin", days=30, verbosity=0)
    assert not Page.objects.filter(pk=old.page_id).exists()
    assert Page.objects.filter(pk=recent.page_id).exists()
    assert list(RecycledPage.objects.values_list("pk", flat=True)) == [recent.pk]


def test_the_bin_is_listed_in_the_explorer_for_administrators_only(client, section, administrator):
    from recyclebin.bin import recycle_page

    recycle_page(make_article(section))
    bin_link = f'href="/admin/pages/{RecycleBinPage.objects.get().pk}/"'
    root = Page.get_first_root_node()
    client.force_login(administrator)
    listing = client.get(f"/admin/pages/{root.pk}/")
    assert listing.status_code == 200
    assert bin_link in listing.content.decode()
    moderators = Group.objects.get_or_create(name="Site editors")[0]
    editor = User.objects.create_user("siteeditor", "s@example.org", "a-long-passphrase")
    editor.groups.add(moderators)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    from wagtail.models import GroupPagePermission

    GroupPagePermission.objects.create(group=moderators, page=root, permission_type="change")
    client.force_login(editor)
    listing = client.get(f"/admin/pages/{root.pk}/")
    assert listing.status_code == 200
    assert f'href="/admin/pages/{section.pk}/"' in listing.content.decode() or (
        f"/admin/pages/{section.get_parent().pk}/" in listing.content.decode()
    )
    assert bin_link not in listing.content.decode()
