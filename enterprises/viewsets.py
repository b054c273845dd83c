"""The directory's Wagtail admin viewsets: the enterprise listing and the import form's menu
entry (both registered in zones/wagtail_hooks.py's group)."""

from functools import reduce
from operator import and_

from django.db.models import Q
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet

from portal.text import fold_vietnamese

from .admin_views import EnterpriseImportView
from .models import Enterprise


class EnterpriseIndexView(IndexView):
    """Each word of the query, folded, must appear in the stored folded names, so
    "dai dong", "ĐẠI ĐỒNG" and "Đồng đại" all find "Công ty TNHH Đại Đồng"; a
    certificate number matches as typed."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        words = fold_vietnamese(self.search_query).split()
        by_name = reduce(and_, (Q(name_folded__contains=word) for word in words), Q())
        return queryset.filter(by_name | Q(certificate_number__icontains=self.search_query))


class EnterpriseViewSet(ModelViewSet):
    """Enterprises are rows, not pages: a plain listing with filters, search and export."""

    model = Enterprise
    index_view_class = EnterpriseIndexView
    name = "enterprise"
    icon = "group"
    menu_label = _("Enterprises")
    list_display = ["name_vi", "zone", "country", "sector", "status", "certificate_number"]
    list_filter = ["status", "country", "sector", "zone"]
    list_export = ["certificate_number", "name_vi", "name_en", "country", "sector", "status"]
    search_fields = ["name_folded", "certificate_number"]
    search_backend_name = None
    ordering = ["name_folded"]
    list_per_page = 50
    inspect_view_enabled = True


class EnterpriseImportViewSet(ViewSet):
    """A menu entry and URL for the import form, so it sits in the zones group."""

    name = "enterprise_import"
    icon = "upload"
    menu_label = _("Import enterprises")

    def get_urlpatterns(self):
        view = EnterpriseImportView.as_view(index_url_name="enterprise:index")
        return [path("", view, name="index")]
