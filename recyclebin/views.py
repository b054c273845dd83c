from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin import messages

from recyclebin.bin import restore_document, restore_page
from recyclebin.models import RecycledDocument, RecycledPage

ADMINISTRATORS = "Administrators"


def is_administrator(user):
    return user.is_active and (
        user.is_superuser or user.groups.filter(name=ADMINISTRATORS).exists()
    )


def _require_administrator(request):
    if not is_administrator(request.user):
        raise PermissionDenied


def index(request):
    _require_administrator(request)
    return TemplateResponse(
        request,
        "recyclebin/index.html",
        {
            "pages": RecycledPage.objects.select_related("page", "original_parent", "deleted_by"),
            "documents": RecycledDocument.objects.select_related("deleted_by"),
            "retention_days": settings.RECYCLEBIN_RETENTION_DAYS,
            "header_icon": "bin",
            "page_title": _("Recycle bin"),
        },
    )


@require_POST
def restore_page_view(request, entry_id):
    _require_administrator(request)
    page = restore_page(get_object_or_404(RecycledPage, pk=entry_id), user=request.user)
    messages.success(
        request, _("Page '%(title)s' restored.") % {"title": page.get_admin_display_title()}
    )
    return redirect("recyclebin:index")


@require_POST
def restore_document_view(request, entry_id):
    _require_administrator(request)
    document = restore_document(get_object_or_404(RecycledDocument, pk=entry_id))
    messages.success(request, _("Document '%(title)s' restored.") % {"title": document.title})
    return redirect("recyclebin:index")
