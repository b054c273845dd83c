"""The translation report: every bilingual page and whether its English is current."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.reports import ReportView

import django_filters

from news.models import SectionPage
from newsroom.models import TranslationState, TranslationStatus


def _section_choices(request=None):
    return SectionPage.objects.order_by("path")


def _author_choices(request=None):
    return get_user_model().objects.filter(owned_pages__translation_status__isnull=False).distinct()


class TranslationReportFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("Translation state"), choices=TranslationState.choices
    )
    section = django_filters.ModelChoiceFilter(
        label=_("Section"), queryset=_section_choices, method="filter_section"
    )
    author = django_filters.ModelChoiceFilter(
        label=_("Author"), queryset=_author_choices, field_name="page__owner"
    )

    class Meta:
        model = TranslationStatus
        fields = ["state", "section", "author"]

    def filter_section(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(Q(page__path__startswith=value.path) & ~Q(page_id=value.pk))


class TranslationReportView(ReportView):
    """Which pages need their English written or brought up to date."""

    page_title = _("Translation status")
    header_icon = "globe"
    filterset_class = TranslationReportFilterSet
    index_url_name = "newsroom_translation_report"
    index_results_url_name = "newsroom_translation_report_results"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    default_ordering = "-vietnamese_changed_at"
    list_export = ["page.title", "state", "vietnamese_changed_at", "english_changed_at"]
    export_headings = {
        "page.title": _("Title"),
        "state": _("Translation state"),
        "vietnamese_changed_at": _("Vietnamese last changed"),
        "english_changed_at": _("English last changed"),
    }

    @property
    def columns(self):
        return [
            TitleColumn(
                "page",
                label=_("Title"),
                accessor="page.title",
                get_url=lambda status: reverse("wagtailadmin_pages:edit", args=[status.page_id]),
            ),
            Column("state", label=_("Translation state"), accessor="get_state_display"),
            DateColumn("vietnamese_changed_at", label=_("Vietnamese last changed")),
            DateColumn("english_changed_at", label=_("English last changed")),
            UserColumn("page.owner", label=_("Author"), accessor="page.owner"),
        ]

    def get_queryset(self):
        return (
            TranslationStatus.objects.select_related("page", "page__owner")
            .filter(page__depth__gt=2)
            .order_by("-vietnamese_changed_at", "-pk")
        )
