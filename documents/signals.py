"""Keep citations and the cached map of known numbers in step with what is published."""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from documents.linking import forget_link_map, numbers_in_text, page_text
from documents.models import DocumentCitation, DocumentRegistryPage, LegalDocument
from portal.languages import ENGLISH, LANGUAGE_CODES


def mentions(page, language):
    """(number key, document id or None) for every number the page cites in `language`.

    Numbers written in the text match every document with that key (or none yet); documents
    the page names by reference (an award's decision) match exactly that document.
    """
    keys = set()
    for text in page_text(page, language):
        keys |= numbers_in_text(text)
    referenced_ids = set()
    referenced = getattr(page, "referenced_document_ids", None)
    if callable(referenced):
        referenced_ids = set(referenced())
    found = set(
        LegalDocument.objects.filter(Q(number_key__in=keys) | Q(pk__in=referenced_ids)).values_list(
            "number_key", "pk"
        )
    )
    known_keys = {key for key, _document_id in found}
    return found | {(key, None) for key in keys - known_keys}


def record_citations(page):
    """Replace the page's citations with what its published text cites now."""
    page = page.specific
    rows = []
    for language in LANGUAGE_CODES:
        if language == ENGLISH and not getattr(page, "english_ready", True):
            continue
        rows.extend(
            DocumentCitation(
                page_id=page.pk, number_key=key, document_id=document_id, language=language
            )
            for key, document_id in sorted(mentions(page, language), key=str)
        )
    DocumentCitation.objects.filter(page_id=page.pk).delete()
    DocumentCitation.objects.bulk_create(rows)
    return [row for row in rows if row.document_id]


def attach_mentions(document):
    """Give a newly registered or renumbered document the pages that already mention it."""
    DocumentCitation.objects.filter(document=document).exclude(
        number_key=document.number_key
    ).update(document=None)
    mentioned = set(
        DocumentCitation.objects.filter(number_key=document.number_key).values_list(
            "page_id", "language"
        )
    )
    attached = set(
        DocumentCitation.objects.filter(document=document).values_list("page_id", "language")
    )
    DocumentCitation.objects.bulk_create(
        DocumentCitation(
            page_id=page_id, number_key=document.number_key, document=document, language=language
        )
        for page_id, language in sorted(mentioned - attached)
    )
    DocumentCitation.objects.filter(
        document=None, number_key__in=LegalDocument.objects.values("number_key")
    ).delete()


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
def document_saved(sender, instance, raw=False, **kwargs):
    forget_link_map()
    if not raw:
        attach_mentions(instance)


@receiver(post_delete, sender=LegalDocument)
@receiver(post_delete, sender=DocumentRegistryPage)
def registry_changed(sender, **kwargs):
    forget_link_map()
