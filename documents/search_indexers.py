"""Registry entries in the archive search: a document number in any spelling finds them.

Entries carry the number as written and the stored `number_key` (the registry's own
folding), so `47/QD-BQL`, `47 qđ bql` or `34 ct tw` put the document first. They link to
the entry's page in the registry, so there is none while the registry page is not live
and public; English entries need the registry in English and an English subject.
"""

from django.utils import translation

from portal.languages import page_url_in, translated
from search import registry
from search.entries import page_languages, search_entry

from .models import DocumentRegistryPage, LegalDocument


def document_context():
    page = DocumentRegistryPage.objects.live().public().first()
    if page is None:
        return {"registry": None}
    languages = page_languages(page)
    return {
        "registry": page,
        "languages": languages,
        "urls": {language: page_url_in(page, language) for language in languages},
        "sections": {
            language: translated(page, "title", language) or page.title_vi for language in languages
        },
    }


def document_entries(document, context):
    registry_page = context["registry"]
    if registry_page is None:
        return
    route = registry_page.reverse_subpage("document", args=[document.slug])
    for language in context["languages"]:
        subject = translated(document, "subject", language)
        if not subject:
            continue
        with translation.override(language):
            kind, status = document.get_document_type_display(), document.get_status_display()
        yield search_entry(
            language,
            title=subject,
            url=context["urls"][language] + route,
            body=[
                f"{kind} {document.number}",
                translated(document, "issuer", language) or document.issuer_vi,
                translated(document, "summary", language),
                status,
            ],
            date=document.date_issued,
            section=context["sections"][language],
            document_number=document.number,
            document_number_key=document.number_key,
        )


registry.register(
    "document",
    LegalDocument,
    document_entries,
    context=document_context,
    depends_on={
        DocumentRegistryPage: lambda page: LegalDocument.objects.values_list("pk", flat=True)
    },
)
