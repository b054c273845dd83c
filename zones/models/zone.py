"""An industrial zone's page, with the land and factories it leases and its photos."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey

from portal.languages import ENGLISH
from portal.pages import BilingualPage
from zones.zone_sections import zone_sections


class ZoneStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    UNDER_CONSTRUCTION = "construction", _("Under construction")
    OPERATING = "operating", _("Operating")


def live_pages(queryset, language=None):
    """Live public pages a reader of `language` may see listed."""
    queryset = queryset.live().public()
    if (language or translation.get_language()) == ENGLISH:
        queryset = queryset.filter(english_ready=True)
    return queryset


class IndustrialZonePage(BilingualPage):
    """One industrial zone: the facts an investor compares, its enterprises and its news."""

    intro = models.TextField(_("introduction"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ZoneStatus.choices, default=ZoneStatus.OPERATING
    )
    district = models.CharField(_("district or town"), max_length=120, blank=True)
    planned_area_ha = models.DecimalField(
        _("planned area (ha)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    built_area_ha = models.DecimalField(
        _("built area (ha)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    leasable_area_ha = models.DecimalField(
        _("industrial land for lease (ha)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    occupancy_rate = models.DecimalField(
        _("occupancy rate (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Share of the land for lease already leased."),
    )
    infrastructure_investor = models.CharField(
        _("infrastructure investor"), max_length=255, blank=True
    )
    established_on = models.DateField(_("date established"), null=True, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        help_text=_("Decimal degrees; places the zone on the province map."),
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    has_clean_water_plant = models.BooleanField(_("clean water plant"), default=False)
    has_wastewater_plant = models.BooleanField(
        _("central wastewater treatment plant"), default=False
    )
    wastewater_capacity_m3_day = models.PositiveIntegerField(
        _("wastewater treatment capacity (m³/day)"), null=True, blank=True
    )
    has_monitoring_station = models.BooleanField(
        _("automatic wastewater monitoring station"), default=False
    )

    content_panels = [
        *BilingualPage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("district"),
                FieldPanel("infrastructure_investor"),
                FieldPanel("established_on"),
            ],
            heading=_("Zone"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("planned_area_ha"),
                FieldPanel("built_area_ha"),
                FieldPanel("leasable_area_ha"),
                FieldPanel("occupancy_rate"),
            ],
            heading=_("Land"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("has_clean_water_plant"),
                FieldPanel("has_wastewater_plant"),
                FieldPanel("wastewater_capacity_m3_day"),
                FieldPanel("has_monitoring_station"),
            ],
            heading=_("Utilities"),
        ),
        MultiFieldPanel(
            [FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Place on the map")
        ),
        InlinePanel("lease_offers", label=_("Land and factories for lease")),
        InlinePanel("photos", label=_("Photos")),
    ]

    parent_page_types = ["zones.ZonesIndexPage"]
    subpage_types = []
    is_creatable = True

    class Meta:
        verbose_name = _("industrial zone")
        verbose_name_plural = _("industrial zones")

    # Discovery (see README, "Adding a page type"): JSON-LD Place, sharing picture, zone feed.
    def structured_data(self, request):
        from discovery.structured_data import place

        return place(
            self.title,
            request.build_absolute_uri(self.get_url(request)),
            description=self.intro,
            locality=self.district,
            region="Bắc Ninh",
            latitude=self.latitude,
            longitude=self.longitude,
            containedInPlace={"@type": "AdministrativeArea", "name": "Bắc Ninh"},
        )

    def sharing_image(self):
        photo = self.photos.select_related("image").first()
        return photo.image if photo is not None else None

    def meta_description(self):
        return self.intro

    def feed_links(self, request):
        from discovery.metadata import feed_links

        title = _("News of %(zone)s") % {"zone": self.title}
        return [feed_links(request, "zone", self.slug, title)]

    def get_context(self, request, *args, **kwargs):
        from indicators.charts import zone_charts
        from news.models import article_cards

        context = super().get_context(request, *args, **kwargs)
        context.update(
            {
                "zone_sections": zone_sections(self),
                "articles": list(article_cards().filter(zones=self)[:6]),
                "clusters": list(live_pages(self.clusters.all()).order_by("number")),
                "lease_offers": list(self.lease_offers.all()),
                "photos": list(
                    self.photos.select_related("image").prefetch_related("image__renditions")
                ),
                "charts": zone_charts(self),
            }
        )
        return context


class LeaseKind(models.TextChoices):
    LAND = "land", _("Industrial land")
    FACTORY = "factory", _("Ready-built factory")


class ZoneLeaseOffer(Orderable):
    """Land or a ready-built factory an investor can lease in the zone now."""

    page = ParentalKey(IndustrialZonePage, on_delete=models.CASCADE, related_name="lease_offers")
    kind = models.CharField(_("kind"), max_length=10, choices=LeaseKind.choices)
    area_m2 = models.PositiveIntegerField(_("area (m²)"))
    price_from_usd = models.DecimalField(
        _("price from (USD/m²)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    price_to_usd = models.DecimalField(
        _("price to (USD/m²)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    price_basis_vi = models.CharField(
        _("price basis (Vietnamese)"),
        max_length=120,
        blank=True,
        help_text=_("For example: per m² for the remaining lease term."),
    )
    price_basis_en = models.CharField(_("price basis (English)"), max_length=120, blank=True)
    contact = models.CharField(_("contact"), max_length=255)

    panels = [
        FieldPanel("kind"),
        FieldPanel("area_m2"),
        FieldPanel("price_from_usd"),
        FieldPanel("price_to_usd"),
        FieldPanel("price_basis_vi"),
        FieldPanel("price_basis_en"),
        FieldPanel("contact"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("lease offer")

    @property
    def price_basis(self):
        if translation.get_language() == ENGLISH:
            return self.price_basis_en or self.price_basis_vi
        return self.price_basis_vi


class ZonePhoto(Orderable):
    page = ParentalKey(IndustrialZonePage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "images.PortalImage", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption_vi = models.CharField(_("caption (Vietnamese)"), max_length=255, blank=True)
    caption_en = models.CharField(_("caption (English)"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption_vi"), FieldPanel("caption_en")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")

    @property
    def caption(self):
        if translation.get_language() == ENGLISH:
            return self.caption_en
        return self.caption_vi
