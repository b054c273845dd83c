"""An emulation cluster: zones whose infrastructure investors compete and report together."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from portal.languages import ENGLISH
from portal.pages import BilingualPage
from zones.models.zone import IndustrialZonePage, ZonePhoto, live_pages


class EmulationClusterPage(BilingualPage):
    """A Cụm thi đua: the infrastructure investors of several zones who compete and report
    together under a leader, as set up by the authority's decision."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    intro = models.TextField(_("introduction"), blank=True)
    leader = models.CharField(_("leader"), max_length=255, blank=True)
    member_zones = ParentalManyToManyField(
        IndustrialZonePage, verbose_name=_("member zones"), blank=True, related_name="clusters"
    )
    decision = models.ForeignKey(
        "documents.LegalDocument",
        verbose_name=_("founding decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The decision in the documents registry that established the cluster."),
    )

    content_panels = [
        *BilingualPage.content_panels,
        FieldPanel("number"),
        FieldPanel("intro"),
        FieldPanel("leader"),
        FieldPanel("member_zones"),
        FieldPanel("decision"),
        InlinePanel("annual_results", label=_("Annual results")),
    ]

    parent_page_types = ["zones.ZonesIndexPage"]
    subpage_types = []
    is_creatable = True

    class Meta:
        verbose_name = _("emulation cluster")
        verbose_name_plural = _("emulation clusters")

    def meta_description(self):
        return self.intro

    def sharing_image(self):
        """The first member zone's photo: a cluster has no picture of its own."""
        photo = (
            ZonePhoto.objects.filter(page__in=live_pages(self.member_zones.all()))
            .select_related("image")
            .order_by("page__path", "sort_order")
            .first()
        )
        return photo.image if photo is not None else None

    def referenced_document_ids(self):
        """The founding decision: the registry entry lists this cluster among its citations."""
        return [self.decision_id] if self.decision_id else []

    def get_context(self, request, *args, **kwargs):
        from indicators.charts import cluster_charts
        from news.models import ArticlePage, article_cards

        context = super().get_context(request, *args, **kwargs)
        members = list(live_pages(self.member_zones.all()).order_by("path"))
        # A subquery, not a join: the join would need DISTINCT over every matching article.
        mentions = ArticlePage.zones.through.objects.filter(
            industrialzonepage_id__in=[zone.pk for zone in members]
        )
        context.update(
            {
                "members": members,
                "articles": list(
                    article_cards().filter(pk__in=mentions.values("articlepage_id"))[:6]
                ),
                "annual_results": list(self.annual_results.order_by("-year")),
                "charts": cluster_charts(self),
            }
        )
        return context


class ClusterAnnualResult(Orderable):
    """What the cluster achieved in one year's emulation review (ranking, awards)."""

    page = ParentalKey(
        EmulationClusterPage, on_delete=models.CASCADE, related_name="annual_results"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    result_vi = models.TextField(_("result (Vietnamese)"))
    result_en = models.TextField(_("result (English)"), blank=True)

    panels = [FieldPanel("year"), FieldPanel("result_vi"), FieldPanel("result_en")]

    class Meta(Orderable.Meta):
        verbose_name = _("annual result")

    @property
    def result(self):
        if translation.get_language() == ENGLISH:
            return self.result_en or self.result_vi
        return self.result_vi
