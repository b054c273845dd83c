"""Keep citations and the cached map of known numbers in step with what is published."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from documents.linking import forget_link_map, numbers_in_text, page_text
from documents.models import DocumentCitation, DocumentRegistryPage, LegalDocument
from portal.languages import ENGLISH, LANGUAGE_CODES


def cited_document_ids(page, language):
    """Registry documents the page mentions in `language`, plus any it names by reference."""
    keys = set()
    for text in page_text(page, language):
        keys |= numbers_in_text(text)
    ids = set()
    if keys:
        ids |= set(LegalDocument.objects.filter(number_key__in=keys).values_list("pk", flat=True))
    referenced = getattr(page, "referenced_document_ids", None)
    if callable(referenced):
        ids |= set(referenced())
    return ids


def record_citations(page):
    """Replace the page's citations with what its published text cites now."""
    page = page.specific
    rows = []
    for language in LANGUAGE_CODES:
        if language == ENGLISH and not getattr(page, "english_ready", True):
            continue
        rows.extend(
            DocumentCitation(page_id=page.pk, document_id=document_id, language=language)
            for document_id in cited_document_ids(page, language)
        )
    DocumentCitation.objects.filter(page_id=page.pk).delete()
    DocumentCitation.objects.bulk_create(rows)
    return rows


@receiver(page_published)
def page_published_handler(sender, instance, **kwargs):
    record_citations(instance)
    if isinstance(instance, DocumentRegistryPage):
        forget_link_map()


@receiver(page_unpublished)
def page_unpublished_handler(sender, instance, **kwargs):
    DocumentCitation.objects.filter(page_id=instance.pk).delete()
    if isinstance(instance, DocumentRegistryPage):
        forget_link_map()


@receiver(post_save, sender=LegalDocument)
@receiver(post_delete, sender=LegalDocument)
@receiver(post_delete, sender=DocumentRegistryPage)
def registry_changed(sender, **kwargs):
    forget_link_map()
