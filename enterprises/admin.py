"""Wagtail admin views for the directory (registered in zones/wagtail_hooks.py's group)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.model import ModelViewSet

from .models import Enterprise


class EnterpriseViewSet(ModelViewSet):
    """Enterprises are rows, not pages: a plain listing with filters, search and export."""

    model = Enterprise
    name = "enterprise"
    icon = "group"
    menu_label = _("Enterprises")
    list_display = ["name_vi", "zone", "country", "sector", "status", "certificate_number"]
    list_filter = ["status", "country", "sector", "zone"]
    list_export = ["certificate_number", "name_vi", "name_en", "country", "sector", "status"]
    search_fields = ["name_folded", "name_vi", "name_en", "certificate_number"]
    search_backend_name = None
    ordering = ["name_folded"]
    list_per_page = 50
    inspect_view_enabled = True
