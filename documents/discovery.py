"""How registry entries present themselves: JSON-LD Legislation, sharing text, the sitemap.

An entry is a route of `DocumentRegistryPage`, not a page of its own, so it is described by an
adapter that reads the document from the view's context (see discovery/metadata.py).
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from discovery import structured_data as schema
from discovery.metadata import PageDiscovery, register_adapter
from discovery.sitemaps import RoutedViewSitemap, register_sitemap
from documents.models import DocumentRegistryPage, DocumentStatus, LegalDocument


@register_adapter(DocumentRegistryPage)
class DocumentRegistryDiscovery(PageDiscovery):
    def document(self):
        return self.context.get("document")

    def title(self):
        document = self.document()
        if document is None:
            return None
        return _("%(type)s %(number)s: %(subject)s") % {
            "type": document.get_document_type_display(),
            "number": document.number,
            "subject": document.subject,
        }

    def description(self):
        document = self.document()
        if document is None:
            return super().description()
        return document.summary or self.title()

    def structured_data(self):
        document = self.document()
        if document is None:
            return None
        return schema.legislation(
            f"{document.get_document_type_display()} {document.number}: {document.subject}",
            self.request.build_absolute_uri(self.request.path),
            identifier=document.number,
            date_issued=document.date_issued,
            effective_date=document.effective_date,
            issuer=document.issuer,
            legislation_type=document.get_document_type_display(),
            in_force=document.status == DocumentStatus.IN_FORCE,
            description=document.summary,
        )


@register_sitemap("documents")
class LegalDocumentSitemap(RoutedViewSitemap):
    """One entry per registered document, under the site's live, public registry."""

    @cached_property
    def registry(self):
        if self.site is None:
            return None
        return (
            DocumentRegistryPage.objects.live().public().descendant_of(self.site.root_page).first()
        )

    def items(self):
        if self.registry is None:
            return LegalDocument.objects.none()
        return LegalDocument.objects.order_by("slug").values_list("slug", flat=True)

    def load(self, slugs):
        return [
            {"slug": slug, "english": self.registry.english_ready, "lastmod": None}
            for slug in slugs
        ]

    def location(self, item):
        _site_id, _root_url, registry_path = self.registry.get_url_parts()
        return registry_path + self.registry.reverse_subpage("document", args=[item["slug"]])
