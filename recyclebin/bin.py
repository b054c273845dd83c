"""Moving pages and documents into and out of the recycle bin."""

import os

from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, Revision, Site

from recyclebin.models import RecycleBinPage, RecycledDocument, RecycledPage


def recycle_bin():
    """The bin page, created beside the site roots on first use."""
    bin_page = RecycleBinPage.objects.first()
    if bin_page is None:
        root = Page.get_first_root_node()
        bin_page = RecycleBinPage(
            title="Thùng rác", title_vi="Thùng rác", title_en="Recycle bin", slug="recycle-bin"
        )
        bin_page.slug_vi = "thung-rac"
        bin_page.slug_en = "recycle-bin"
        bin_page.live = False
        root.add_child(instance=bin_page)
    return bin_page


def in_recycle_bin(page):
    bin_page = RecycleBinPage.objects.first()
    return bin_page is not None and (page.pk == bin_page.pk or page.is_descendant_of(bin_page))


def is_site_root(page):
    return Site.objects.filter(root_page=page).exists()


@transaction.atomic
def recycle_page(page, user=None):
    """Unpublish `page` and its descendants and move them under the recycle bin."""
    bin_page = recycle_bin()
    subtree = page.get_descendants(inclusive=True)
    live = {
        str(pk): revision for pk, revision in subtree.live().values_list("pk", "live_revision_id")
    }
    entry = RecycledPage.objects.create(
        page=page, original_parent=page.get_parent(), live_revisions=live, deleted_by=user
    )
    for live_page in subtree.live().specific().order_by("-depth"):
        live_page.unpublish(user=user)
    Page.objects.get(pk=page.pk).move(bin_page, pos="last-child")
    return entry


@transaction.atomic
def restore_page(entry, user=None):
    """Move the page back where it was (or under the first site root) and republish what was
    live when it was deleted."""
    page = Page.objects.get(pk=entry.page_id)
    parent = entry.original_parent
    if parent is None or in_recycle_bin(parent):
        parent = Site.objects.get(is_default_site=True).root_page
    page.move(parent, pos="last-child")
    for page_id, revision_id in entry.live_revisions.items():
        target = Page.objects.get(pk=int(page_id)).specific
        if revision_id and Revision.objects.filter(pk=revision_id).exists():
            Revision.objects.get(pk=revision_id).publish(user=user)
        else:
            target.save_revision(user=user).publish(user=user)
    entry.delete()
    return Page.objects.get(pk=page.pk).specific


def keep_document_copy(document):
    """Copy a document that is about to be deleted into the recycle bin."""
    name = os.path.basename(document.file.name)
    entry = RecycledDocument(
        original_id=document.pk,
        title=document.title,
        original_file_name=document.file.name,
        collection_id_at_deletion=document.collection_id,
        tags=[tag.name for tag in document.tags.all()],
    )
    with document.file.open("rb") as source:
        entry.file.save(name, source, save=False)
    entry.save()
    return entry


@transaction.atomic
def restore_document(entry):
    """Bring a document back with its old id, so links and blocks that chose it work again."""
    Document = get_document_model()
    collection = Collection.objects.filter(pk=entry.collection_id_at_deletion).first()
    document = Document(
        title=entry.title,
        collection=collection or Collection.get_first_root_node(),
    )
    if not Document.objects.filter(pk=entry.original_id).exists():
        document.pk = entry.original_id
    with entry.file.open("rb") as source:
        document.file.save(os.path.basename(entry.original_file_name), source, save=False)
    document.save()
    if entry.tags:
        document.tags.add(*entry.tags)
    entry.file.delete(save=False)
    entry.delete()
    return document


def purge(older_than_days, now=None):
    """Really delete what has waited in the bin longer than `older_than_days`."""
    cutoff = (now or timezone.now()) - timezone.timedelta(days=older_than_days)
    pages = documents = 0
    for entry in RecycledPage.objects.filter(deleted_at__lt=cutoff):
        page = Page.objects.filter(pk=entry.page_id).first()
        entry.delete()
        if page is not None:
            page.delete()
            pages += 1
    for entry in RecycledDocument.objects.filter(deleted_at__lt=cutoff):
        entry.file.delete(save=False)
        entry.delete()
        documents += 1
    return pages, documents
