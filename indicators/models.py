"""Key indicators the authority reports: one number per scope, period, metric and unit."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel


class Scope(models.TextChoices):
    ALL_ZONES = "all", _("All industrial zones")
    ZONE = "zone", _("One industrial zone")
    CLUSTER = "cluster", _("One emulation cluster")


class Metric(models.TextChoices):
    INDUSTRIAL_PRODUCTION = "industrial_production", _("Industrial production value")
    REVENUE = "revenue", _("Revenue")
    EXPORT = "export", _("Exports")
    IMPORT = "import", _("Imports")
    BUDGET_CONTRIBUTION = "budget_contribution", _("Contribution to the state budget")
    OPERATING_ENTERPRISES = "operating_enterprises", _("Operating enterprises")
    JOBS = "jobs", _("Workers employed")
    AVERAGE_MONTHLY_INCOME = "average_monthly_income", _("Average monthly income")
    PROJECTS = "projects", _("Valid investment projects")
    REGISTERED_CAPITAL = "registered_capital", _("Registered investment capital")


class Unit(models.TextChoices):
    BN_VND = "bn_vnd", _("billion VND")
    BN_USD = "bn_usd", _("billion USD")
    MILLION_VND = "million_vnd", _("million VND")
    PCT_YOY = "pct_yoy", _("percentage of the same period a year earlier")
    COUNT = "count", _("number")
    PERSONS = "persons", _("people")


PERIOD_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-(?P<kind>[HQ])(?P<part>\d))?$")


class PeriodKind(models.TextChoices):
    YEAR = "year", _("Year")
    HALF = "half", _("Half-year")
    QUARTER = "quarter", _("Quarter")


def parse_period(text):
    """(year, kind, part) for "2021", "2022-H1" or "2021-Q3"; ValidationError otherwise."""
    match = PERIOD_PATTERN.match((text or "").strip().upper())
    if match:
        year = int(match["year"])
        kind = {None: PeriodKind.YEAR, "H": PeriodKind.HALF, "Q": PeriodKind.QUARTER}[match["kind"]]
        part = int(match["part"]) if match["part"] else None
        limit = {PeriodKind.HALF: 2, PeriodKind.QUARTER: 4}.get(kind)
        if 1990 <= year <= 2100 and (limit is None or 1 <= part <= limit):
            return year, kind, part
    raise ValidationError(
        _("Write the period as a year (2021), a half-year (2022-H1) or a quarter (2021-Q3).")
    )


class IndicatorValue(models.Model):
    """One reported figure. `period` is stored as a key that sorts in time order within a
    year: "2021" (the year) < "2021-H1" < "2021-Q1", and every 2021 key < "2022"."""

    scope = models.CharField(
        _("scope"), max_length=10, choices=Scope.choices, default=Scope.ALL_ZONES
    )
    zone = models.ForeignKey(
        "zones.IndustrialZonePage",
        verbose_name=_("industrial zone"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indicator_values",
    )
    cluster = models.ForeignKey(
        "zones.EmulationClusterPage",
        verbose_name=_("emulation cluster"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indicator_values",
    )
    period = models.CharField(
        _("period"),
        max_length=7,
        db_index=True,
        help_text=_("A year (2021), a half-year (2022-H1) or a quarter (2021-Q3)."),
    )
    period_kind = models.CharField(
        _("kind of period"), max_length=10, choices=PeriodKind.choices, editable=False
    )
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    metric = models.CharField(_("metric"), max_length=40, choices=Metric.choices)
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=3)
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    source = models.CharField(_("source"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("scope"), FieldPanel("zone"), FieldPanel("cluster")]),
        FieldRowPanel([FieldPanel("period"), FieldPanel("metric")]),
        FieldRowPanel([FieldPanel("value"), FieldPanel("unit")]),
        FieldPanel("source"),
    ]

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["scope", "metric", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "metric", "unit"],
                condition=Q(scope="all"),
                name="indicator_value_unique_all_zones",
            ),
            models.UniqueConstraint(
                fields=["zone", "period", "metric", "unit"],
                condition=Q(scope="zone"),
                name="indicator_value_unique_zone",
            ),
            models.UniqueConstraint(
                fields=["cluster", "period", "metric", "unit"],
                condition=Q(scope="cluster"),
                name="indicator_value_unique_cluster",
            ),
            models.CheckConstraint(
                condition=(Q(scope="all") & Q(zone__isnull=True) & Q(cluster__isnull=True))
                | (Q(scope="zone") & Q(zone__isnull=False) & Q(cluster__isnull=True))
                | (Q(scope="cluster") & Q(zone__isnull=True) & Q(cluster__isnull=False)),
                name="indicator_value_scope_matches_target",
            ),
        ]
        indexes = [models.Index(fields=["scope", "metric", "period"])]

    def __str__(self):
        return f"{self.get_metric_display()} {self.period}: {self.value} {self.get_unit_display()}"

    def clean(self):
        super().clean()
        errors = {}
        try:
            year, kind, part = parse_period(self.period)
            self.period = f"{year}" if part is None else f"{year}-{kind[0].upper()}{part}"
        except ValidationError as error:
            errors["period"] = error.messages
        if self.scope == Scope.ZONE and not self.zone_id:
            errors["zone"] = [_("Choose the zone this figure is about.")]
        if self.scope == Scope.CLUSTER and not self.cluster_id:
            errors["cluster"] = [_("Choose the cluster this figure is about.")]
        if self.scope != Scope.ZONE and self.zone_id:
            errors["zone"] = [_("Only a figure about one zone names a zone.")]
        if self.scope != Scope.CLUSTER and self.cluster_id:
            errors["cluster"] = [_("Only a figure about one cluster names a cluster.")]
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.year, self.period_kind, _part = parse_period(self.period)
        self.period = self.period.strip().upper()
        super().save(*args, **kwargs)

    @property
    def part(self):
        return parse_period(self.period)[2]
