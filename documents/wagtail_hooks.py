"""Editors keep the registry in the admin as a snippet with filters and a number search."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from documents.models import LegalDocument


class LegalDocumentViewSet(SnippetViewSet):
    """https://docs.wagtail.org/en/stable/topics/snippets/customising.html"""

    model = LegalDocument
    icon = "doc-full-inverse"
    menu_label = _("Documents registry")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["number", "subject", "document_type", "date_issued", "status"]
    list_filter = ["document_type", "status"]
    search_backend_name = None
    search_fields = ["number", "subject_vi", "subject_en"]
    ordering = ["-date_issued"]


register_snippet(LegalDocumentViewSet)
