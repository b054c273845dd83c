"""Editors keep the registry in the admin as a snippet with filters and a number search."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from documents.models import LegalDocument
from portal.text import fold_document_number


class LegalDocumentIndexView(IndexView):
    """A query that starts a document number ("34-CT", "47 qd bql") lists the documents
    whose number starts so; any other query goes to Wagtail's search over the texts as
    written and folded, so it needs no diacritics."""

    def search_queryset(self, queryset):
        if self.is_searching and self.search_query.strip()[:1].isdigit():
            key = fold_document_number(self.search_query)
            by_number = queryset.filter(number_key__startswith=key)
            if key and by_number.exists():
                return by_number
        return super().search_queryset(queryset)


class LegalDocumentViewSet(SnippetViewSet):
    """https://docs.wagtail.org/en/stable/topics/snippets/customising.html"""

    model = LegalDocument
    index_view_class = LegalDocumentIndexView
    icon = "doc-full-inverse"
    menu_label = _("Documents registry")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["number", "subject", "document_type", "date_issued", "status"]
    list_filter = ["document_type", "status"]
    ordering = ["-date_issued"]


register_snippet(LegalDocumentViewSet)
