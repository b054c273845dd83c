from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.pages.utils import type_to_delete_confirmation
from wagtail.models import Page, ReferenceIndex

from recyclebin import views
from recyclebin.bin import in_recycle_bin, is_site_root, recycle_page


@hooks.register("before_delete_page")
def move_page_to_recycle_bin(request, page):
    """Intercept the admin's delete: the page goes to the recycle bin instead.

    Pages already in the bin, and site roots, are deleted for real by Wagtail as before.
    """
    if request.method != "POST" or in_recycle_bin(page) or is_site_root(page):
        return None
    if ReferenceIndex.get_references_to(page).group_by_source_object().is_protected:
        return None
    if not type_to_delete_confirmation(request):
        return None
    parent_id = page.get_parent().pk
    recycle_page(page, user=request.user)
    messages.success(
        request,
        _("Page '%(title)s' moved to the recycle bin. An administrator can restore it from there.")
        % {"title": page.get_admin_display_title()},
    )
    return redirect("wagtailadmin_explore", parent_id)


@hooks.register("before_bulk_action")
def move_pages_to_recycle_bin_in_bulk(request, action_type, objects, action_class_instance):
    if action_type != "delete" or not objects or not isinstance(objects[0], Page):
        return None
    if any(in_recycle_bin(page) or is_site_root(page) for page in objects):
        return None
    for page in objects:
        recycle_page(page, user=request.user)
    messages.success(
        request,
        _("%(count)s pages moved to the recycle bin.") % {"count": len(objects)},
    )
    return redirect(action_class_instance.next_url or reverse("wagtailadmin_explore_root"))


@hooks.register("register_admin_urls")
def recycle_bin_urls():
    urls = [
        path("", views.index, name="index"),
        path("pages/<int:entry_id>/restore/", views.restore_page_view, name="restore_page"),
        path(
            "documents/<int:entry_id>/restore/",
            views.restore_document_view,
            name="restore_document",
        ),
    ]
    return [path("recycle-bin/", include((urls, "recyclebin"), namespace="recyclebin"))]


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.is_administrator(request.user)


@hooks.register("register_settings_menu_item")
def recycle_bin_menu_item():
    return AdministratorsMenuItem(
        gettext_lazy("Recycle bin"), reverse("recyclebin:index"), icon_name="bin", order=900
    )


@hooks.register("construct_explorer_page_queryset")
def hide_recycle_bin_from_explorer(parent_page, pages, request):
    if views.is_administrator(request.user):
        return pages
    return pages.not_type(_recycle_bin_model())


def _recycle_bin_model():
    from recyclebin.models import RecycleBinPage

    return RecycleBinPage
