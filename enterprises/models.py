"""The enterprise directory: thousands of rows, so a plain model, not pages."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path

from portal.languages import ENGLISH
from portal.pages import BilingualPage, RoutableBilingualPage
from portal.text import fold_vietnamese, normalize_nfc

from .choices import COUNTRIES, SECTORS, EnterpriseStatus, coded_choices, country_name, sector_name


def folded_name(name_vi, name_en):
    """The stored search key: both names, lower-cased and without diacritics."""
    return fold_vietnamese(f"{name_vi} | {name_en}".strip(" |"))


class Enterprise(models.Model):
    """An enterprise with a project in one of the zones, keyed by its investment certificate."""

    name_vi = models.CharField(_("name in Vietnamese"), max_length=255)
    name_en = models.CharField(_("name in English"), max_length=255, blank=True)
    name_folded = models.CharField(
        _("name for searching"), max_length=520, editable=False, db_index=True
    )
    zone = models.ForeignKey(
        "zones.IndustrialZonePage",
        verbose_name=_("industrial zone"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enterprises",
    )
    country = models.CharField(
        _("investor's country or territory"), max_length=2, choices=coded_choices(COUNTRIES)
    )
    sector = models.CharField(_("sector"), max_length=40, choices=coded_choices(SECTORS))
    main_products_vi = models.TextField(_("main products (Vietnamese)"), blank=True)
    main_products_en = models.TextField(_("main products (English)"), blank=True)
    registered_capital_usd = models.DecimalField(
        _("registered capital (USD)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    certificate_number = models.CharField(
        _("investment certificate number"), max_length=60, unique=True
    )
    certificate_date = models.DateField(_("investment certificate date"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EnterpriseStatus.choices,
        default=EnterpriseStatus.OPERATING,
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name_vi"), FieldPanel("name_en"), FieldPanel("status")],
            heading=_("Name"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("zone"),
                FieldPanel("country"),
                FieldPanel("sector"),
                FieldPanel("main_products_vi"),
                FieldPanel("main_products_en"),
            ],
            heading=_("Activity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("certificate_number"),
                FieldPanel("certificate_date"),
                FieldPanel("registered_capital_usd"),
                FieldPanel("employees"),
            ],
            heading=_("Investment"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("address"),
            ],
            heading=_("Contact"),
        ),
    ]

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["name_folded", "pk"]
        indexes = [
            models.Index(fields=["zone", "status"]),
            models.Index(fields=["country"]),
            models.Index(fields=["sector"]),
            models.Index(fields=["registered_capital_usd"]),
            models.Index(fields=["certificate_date"]),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.prepare()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "name_folded"}
        super().save(*args, **kwargs)

    def prepare(self):
        """NFC text and the folded search key; bulk writers call this since they skip save()."""
        for field in ("name_vi", "name_en", "main_products_vi", "main_products_en", "address"):
            setattr(self, field, normalize_nfc(getattr(self, field) or ""))
        self.name_folded = folded_name(self.name_vi, self.name_en)

    @property
    def name(self):
        if translation.get_language() == ENGLISH and self.name_en:
            return self.name_en
        return self.name_vi

    @property
    def main_products(self):
        if translation.get_language() == ENGLISH and self.main_products_en:
            return self.main_products_en
        return self.main_products_vi

    @property
    def country_name(self):
        return country_name(self.country)

    @property
    def sector_name(self):
        return sector_name(self.sector)


class EnterpriseDirectoryPage(RoutableBilingualPage):
    """The public directory: one page in the tree (and the menu) whose routes serve the
    filtered list, one detail view per enterprise and the CSV and XLSX exports."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BilingualPage.content_panels, FieldPanel("intro")]

    parent_page_types = ["news.HomePage"]
    subpage_types = []
    max_count = 1
    is_creatable = True

    class Meta:
        verbose_name = _("enterprise directory")

    @path("")
    def directory(self, request):
        from .views import directory

        return directory(self, request)

    @path("<int:enterprise_id>/", name="enterprise")
    def enterprise(self, request, enterprise_id):
        from .views import enterprise_detail

        return enterprise_detail(self, request, enterprise_id)

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        from .views import export_csv

        return export_csv(self, request)

    @path("export/xlsx/", name="export_xlsx")
    def export_xlsx(self, request):
        from .views import export_xlsx

        return export_xlsx(self, request)

    def enterprise_url(self, enterprise):
        return self.url + self.reverse_subpage("enterprise", args=[enterprise.pk])
