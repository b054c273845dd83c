"""Exemplary models (điển hình tiên tiến): who was honoured, for what, and by which decision."""

from itertools import groupby

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

from news.models import paginate
from portal.blocks import StoryBodyBlock
from portal.languages import ENGLISH
from portal.pages import BilingualPage, RoutableBilingualPage
from portal.text import vietnamese_slugify

PROFILES_PER_PAGE = 24


class ExemplarKind(models.TextChoices):
    ENTERPRISE = "enterprise", _("Enterprise")
    COLLECTIVE = "collective", _("Collective")
    INDIVIDUAL = "individual", _("Individual worker")
    TRADE_UNION = "trade-union", _("Trade union")


class AwardType(models.TextChoices):
    LABOUR_ORDER_FIRST = "labour-order-1", _("Labour Order, first class")
    LABOUR_ORDER_SECOND = "labour-order-2", _("Labour Order, second class")
    LABOUR_ORDER_THIRD = "labour-order-3", _("Labour Order, third class")
    PRIME_MINISTER_CERTIFICATE = "pm-certificate", _("Prime Minister's Certificate of Merit")
    EMULATION_FLAG = "emulation-flag", _("Emulation flag")
    PROVINCIAL_CERTIFICATE = "provincial-certificate", _("Provincial certificate of merit")
    EMULATION_FIGHTER = "emulation-fighter", _("Emulation fighter")


class AwardLevel(models.TextChoices):
    STATE = "state", _("State")
    GOVERNMENT = "government", _("Government")
    MINISTRY = "ministry", _("Ministry")
    PROVINCE = "province", _("Province")
    AUTHORITY = "authority", _("Industrial Zones Authority")


class ExemplarIndexPage(RoutableBilingualPage):
    """All exemplary models, filtered by kind, award year, zone and award, with an honour
    roll for each year."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BilingualPage.content_panels, FieldPanel("intro")]

    parent_page_types = ["news.HomePage"]
    subpage_types = ["exemplars.ExemplarProfilePage"]
    max_count = 1
    is_creatable = True

    class Meta:
        verbose_name = _("exemplary models index")

    def profiles(self):
        profiles = (
            ExemplarProfilePage.objects.live()
            .public()
            .child_of(self)
            .select_related("photo")
            .prefetch_related("photo__renditions")
            .order_by("name", "pk")
        )
        if translation.get_language() == ENGLISH:
            profiles = profiles.filter(english_ready=True)
        return profiles

    def filter_choices(self, profiles):
        zones = {}
        for key, zone_vi, zone_en in (
            profiles.exclude(zone_key="")
            .order_by("zone_key")
            .values_list("zone_key", "zone_vi", "zone_en")
            .distinct()
        ):
            zones.setdefault(
                key, zone_en if translation.get_language() == ENGLISH and zone_en else zone_vi
            )
        years = sorted(
            set(
                AwardRecord.objects.filter(page__in=profiles.values("pk")).values_list(
                    "year", flat=True
                )
            ),
            reverse=True,
        )
        return zones, years

    @path("", name="index")
    def index_route(self, request):
        profiles = self.profiles()
        zones, years = self.filter_choices(profiles)
        active = {}
        kind = request.GET.get("kind", "")
        if kind in ExemplarKind.values:
            profiles = profiles.filter(kind=kind)
            active["kind"] = kind
        zone = request.GET.get("zone", "")
        if zone in zones:
            profiles = profiles.filter(zone_key=zone)
            active["zone"] = zone
        award = request.GET.get("award", "")
        year = request.GET.get("year", "")
        records = AwardRecord.objects.all()
        if award in AwardType.values:
            records = records.filter(award=award)
            active["award"] = award
        if year.isdigit() and int(year) in years:
            records = records.filter(year=int(year))
            active["year"] = int(year)
        if "award" in active or "year" in active:
            profiles = profiles.filter(pk__in=records.values("page_id"))
        query = request.GET.copy()
        query.pop("page", None)
        return self.render(
            request,
            context_overrides={
                "profiles": paginate(
                    request,
                    profiles.prefetch_related("awards"),
                    PROFILES_PER_PAGE,
                ),
                "active_filters": active,
                "kind_choices": ExemplarKind.choices,
                "award_choices": AwardType.choices,
                "zone_choices": list(zones.items()),
                "year_choices": years,
                "query_prefix": query.urlencode(),
            },
        )

    @path("honour-roll/", name="honour_roll_latest")
    def honour_roll_latest(self, request):
        return self.honour_roll(request, None)

    @path("honour-roll/<int:year>/", name="honour_roll")
    def honour_roll(self, request, year):
        """Everyone honoured in one year, grouped by award, highest distinction first."""
        profiles = self.profiles()
        years = sorted(
            set(
                AwardRecord.objects.filter(page__in=profiles.values("pk")).values_list(
                    "year", flat=True
                )
            ),
            reverse=True,
        )
        if year is None:
            if not years:
                raise Http404
            year = years[0]
        if year not in years:
            raise Http404
        records = (
            AwardRecord.objects.filter(page__in=profiles.values("pk"), year=year)
            .select_related("page", "decision")
            .order_by("award", "page__name", "pk")
        )
        award_order = {value: position for position, value in enumerate(AwardType.values)}
        records = sorted(records, key=lambda record: (award_order[record.award], record.page.name))
        groups = [
            (AwardType(award).label, list(rows))
            for award, rows in groupby(records, key=lambda record: record.award)
        ]
        return self.render(
            request,
            template="exemplars/honour_roll.html",
            context_overrides={"year": year, "years": years, "groups": groups},
        )


class ExemplarProfilePage(BilingualPage):
    """One exemplary enterprise, collective, worker or trade union and its story."""

    english_fields = ("title", "story")

    kind = models.CharField(_("kind"), max_length=20, choices=ExemplarKind.choices)
    name = models.CharField(
        _("name"), max_length=200, help_text=_("The person's or organisation's own name.")
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("Where a worker or collective belongs, for example the enterprise."),
    )
    zone = models.CharField(
        _("industrial zone"),
        max_length=200,
        blank=True,
        help_text=_("The zone's name, for example KCN Yên Phong."),
    )
    zone_key = models.SlugField(_("zone key"), max_length=200, blank=True, editable=False)
    photo = models.ForeignKey(
        "images.PortalImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("summary"), blank=True)
    story = StreamField(StoryBodyBlock(), verbose_name=_("story"), blank=True)

    content_panels = [
        *BilingualPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("name")]),
                FieldRowPanel([FieldPanel("organisation"), FieldPanel("zone")]),
                FieldPanel("photo"),
            ],
            heading=_("Who"),
        ),
        FieldPanel("summary"),
        FieldPanel("story"),
        InlinePanel("awards", label=_("Awards"), heading=_("Awards")),
    ]

    search_fields = [
        *BilingualPage.search_fields,
        index.SearchField("name"),
        index.SearchField("summary"),
        index.SearchField("story"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["exemplars.ExemplarIndexPage"]
    subpage_types = []
    is_creatable = True

    class Meta:
        verbose_name = _("exemplary model profile")
        verbose_name_plural = _("exemplary model profiles")

    def save(self, *args, **kwargs):
        self.zone_key = vietnamese_slugify(self.zone_vi or self.zone or "")
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "zone_key"}
        return super().save(*args, **kwargs)

    og_type = "article"

    def sharing_image(self):
        return self.photo

    def meta_description(self):
        return self.summary

    def referenced_document_ids(self):
        """The decisions behind the awards: the registry lists this profile as citing them."""
        return [award.decision_id for award in self.awards.all() if award.decision_id]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["awards"] = self.awards.select_related("decision").order_by("-year", "sort_order")
        context["index_page"] = self.get_parent().specific
        context["zone_page"] = self.zone_page()
        return context

    def zone_page(self):
        """The zone's own page when one is published under the profile's zone name."""
        from zones.models import IndustrialZonePage, live_pages

        if not self.zone_vi:
            return None
        return live_pages(IndustrialZonePage.objects.filter(title_vi=self.zone_vi)).first()


class AwardRecord(Orderable):
    """One distinction conferred on a profile, tied to the decision in the registry."""

    page = ParentalKey(ExemplarProfilePage, on_delete=models.CASCADE, related_name="awards")
    award = models.CharField(_("award"), max_length=30, choices=AwardType.choices)
    level = models.CharField(_("level"), max_length=20, choices=AwardLevel.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    decision = models.ForeignKey(
        "documents.LegalDocument",
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="awards",
        help_text=_("The decision in the documents registry that conferred the award."),
    )

    panels = [
        FieldRowPanel([FieldPanel("award"), FieldPanel("level"), FieldPanel("year")]),
        FieldPanel("decision"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        indexes = [models.Index(fields=["year", "award"])]

    def __str__(self):
        return f"{self.get_award_display()} ({self.year})"
