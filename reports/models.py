"""Conference reports (báo cáo hội nghị): who met, what they reported and what they resolved."""

from itertools import groupby

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey

from portal.blocks import StoryBodyBlock
from portal.languages import ENGLISH, translated
from portal.pages import BilingualPage, RoutableBilingualPage


class ConferenceReportIndexPage(RoutableBilingualPage):
    """Every conference report, newest first and grouped by year, with one page per year."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BilingualPage.content_panels, FieldPanel("intro")]

    parent_page_types = ["news.HomePage"]
    subpage_types = ["reports.ConferenceReportPage"]
    max_count = 1
    is_creatable = True

    class Meta:
        verbose_name = _("conference reports index")

    def reports(self):
        reports = (
            ConferenceReportPage.objects.live()
            .public()
            .child_of(self)
            .order_by("-start_date", "-pk")
        )
        if translation.get_language() == ENGLISH:
            reports = reports.filter(english_ready=True)
        return reports

    def years(self):
        return [stamp.year for stamp in self.reports().dates("start_date", "year", order="DESC")]

    def _render_list(self, request, reports, year=None):
        reports = list(reports)
        by_year = [
            (report_year, list(rows))
            for report_year, rows in groupby(reports, key=lambda report: report.start_date.year)
        ]
        return self.render(
            request,
            context_overrides={"reports_by_year": by_year, "years": self.years(), "year": year},
        )

    @path("", name="index")
    def index_route(self, request):
        return self._render_list(request, self.reports())

    @path("<int:year>/", name="year")
    def year_route(self, request, year):
        if not 1900 < year < 2200:
            raise Http404
        return self._render_list(request, self.reports().filter(start_date__year=year), year)


class ConferenceReportPage(BilingualPage):
    """One conference: when, where, who took part, the figures reported and the tasks set."""

    english_fields = ("title", "summary")

    start_date = models.DateField(_("date"))
    end_date = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("Only for conferences of several days.")
    )
    place = models.CharField(_("place"), max_length=200)
    organiser = models.CharField(_("organiser"), max_length=300)
    summary = models.TextField(_("summary"))
    body = StreamField(StoryBodyBlock(), verbose_name=_("report"), blank=True)
    full_report = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("full report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The full text of the report as a PDF, DOCX, XLSX or ODT file."),
    )

    content_panels = [
        *BilingualPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("place"),
                FieldPanel("organiser"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("summary"),
        InlinePanel("participants", label=_("Participants"), heading=_("Participants")),
        InlinePanel("key_figures", label=_("Key figures"), heading=_("Key figures")),
        FieldPanel("body"),
        InlinePanel("resolutions", label=_("Resolutions and tasks"), heading=_("Resolutions")),
        FieldPanel("full_report"),
        InlinePanel("attachments", label=_("Other attachments"), heading=_("Attachments")),
    ]

    search_fields = [
        *BilingualPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("start_date"),
    ]

    parent_page_types = ["reports.ConferenceReportIndexPage"]
    subpage_types = []
    is_creatable = True

    class Meta:
        verbose_name = _("conference report")
        verbose_name_plural = _("conference reports")
        indexes = [models.Index(fields=["start_date"])]

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot come before the first.")})

    og_type = "article"

    def meta_description(self):
        return self.summary

    def extra_citation_text(self, language):
        """Resolutions often name the directive they carry out: they count as citations."""
        for resolution in self.resolutions.all():
            yield translated(resolution, "text", language)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["participants"] = self.participants.all()
        context["key_figures"] = self.key_figures.all()
        context["resolutions"] = self.resolutions.all()
        context["attachments"] = self.attachments.select_related("file")
        context["index_page"] = self.get_parent().specific
        return context


class ConferenceParticipant(Orderable):
    page = ParentalKey(ConferenceReportPage, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title or role"), max_length=300, blank=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("title")])]

    class Meta(Orderable.Meta):
        verbose_name = _("participant")
        verbose_name_plural = _("participants")


class KeyFigure(Orderable):
    """A number the conference reported, kept structured so it can be shown as a panel."""

    page = ParentalKey(ConferenceReportPage, on_delete=models.CASCADE, related_name="key_figures")
    label = models.CharField(_("label"), max_length=200)
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=3)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    period = models.CharField(_("period"), max_length=100, blank=True)

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("value"), FieldPanel("unit"), FieldPanel("period")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")


class ConferenceResolution(Orderable):
    page = ParentalKey(ConferenceReportPage, on_delete=models.CASCADE, related_name="resolutions")
    text = models.TextField(_("resolution or task"))

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("resolution or task")
        verbose_name_plural = _("resolutions and tasks")


class ConferenceAttachment(Orderable):
    page = ParentalKey(ConferenceReportPage, on_delete=models.CASCADE, related_name="attachments")
    file = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(_("label"), max_length=200, blank=True)

    panels = [FieldPanel("file"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
