"""The newsroom in the Wagtail admin: translation report and dashboard panel, and the
guard that keeps translators to the page types open to them."""

import copy

from django.db.models import Count
from django.http import HttpResponseForbidden
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.utils.version import get_main_version

from newsroom.models import PageFlag, TranslationState, TranslationStatus
from newsroom.permissions import is_translator_only
from newsroom.views import TranslationReportView


@hooks.register("register_admin_urls")
def register_newsroom_urls():
    return [
        path(
            "reports/translations/",
            TranslationReportView.as_view(),
            name="newsroom_translation_report",
        ),
        path(
            "reports/translations/results/",
            TranslationReportView.as_view(results_only=True),
            name="newsroom_translation_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("newsroom_translation_report"),
        icon_name="globe",
        order=900,
    )


class TranslationDashboardPanel(Component):
    """Counts of pages by translation state, and pages imported for review, on the dashboard."""

    name = "newsroom_translations"
    order = 150
    template_name = "newsroom/dashboard_panel.html"

    def get_context_data(self, parent_context):
        counts = dict(
            TranslationStatus.objects.filter(page__depth__gt=2)
            .values_list("state")
            .annotate(total=Count("pk"))
            .values_list("state", "total")
        )
        flags = dict(
            PageFlag.objects.values_list("kind")
            .annotate(total=Count("pk"))
            .values_list("kind", "total")
        )
        return {
            "states": [
                (value, label, counts.get(value, 0)) for value, label in TranslationState.choices
            ],
            "needs_review": flags.get(PageFlag.NEEDS_REVIEW, 0),
            "needs_translation": flags.get(PageFlag.NEEDS_TRANSLATION, 0),
            "report_url": reverse("newsroom_translation_report"),
        }


@hooks.register("construct_homepage_panels")
def add_translation_panel(request, panels):
    panels.append(TranslationDashboardPanel())


@hooks.register("before_edit_page")
def keep_translators_to_translatable_pages(request, page):
    """Translators save only page types open to them (BilingualPage.open_to_translators),
    whose editor the newsroom form locks but for the English side."""
    if request.method != "POST" or not is_translator_only(request.user):
        return None
    if getattr(page.specific_class, "open_to_translators", False):
        return None
    return HttpResponseForbidden(
        _("Translators can change only pages that have an English side to translate.")
    )


@hooks.register("construct_help_menu")
def translate_whats_new_label(request, menu_items):
    """Wagtail formats this label once, in whatever language the first request used."""
    version = get_main_version(include_patch=False)
    for index, item in enumerate(menu_items):
        if item.name == f"whats-new-in-wagtail-{version}":
            item = copy.copy(item)
            item.label = gettext("What's new in Wagtail %(version)s") % {"version": version}
            menu_items[index] = item


class PageFlagViewSet(ModelViewSet):
    """Imported pages waiting for a review or a Vietnamese translation; delete a flag once done."""

    model = PageFlag
    icon = "warning"
    menu_label = _("Flagged pages")
    add_to_admin_menu = False
    list_display = ["page", "kind", "reason", "created_at"]
    list_filter = ["kind"]
    form_fields = ["page", "kind", "reason"]
    ordering = ["-created_at"]


page_flag_viewset = PageFlagViewSet("newsroom_flags")


@hooks.register("register_admin_viewset")
def register_page_flag_viewset():
    return page_flag_viewset


@hooks.register("register_reports_menu_item")
def register_page_flag_menu_item():
    return MenuItem(
        _("Flagged pages"),
        reverse("newsroom_flags:index"),
        icon_name="warning",
        order=910,
    )
