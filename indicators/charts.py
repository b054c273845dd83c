"""Bar and line charts computed here and drawn by a template as plain SVG.

Each chart carries its own numbers as a table too (`chart.table_rows`), which the template
prints under the picture for screen readers and for anyone who wants the exact figures.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import IndicatorValue, Metric, Scope, Unit, parse_period

WIDTH, HEIGHT = 600, 300
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 72, 16, 20, 56


@dataclass(frozen=True)
class ChartSpec:
    key: str
    title: object
    metrics: tuple
    unit: str
    kind: str = "bar"


HOME_CHARTS = (
    ChartSpec(
        "trade", gettext_lazy("Exports and imports"), (Metric.EXPORT, Metric.IMPORT), Unit.BN_USD
    ),
    ChartSpec(
        "production",
        gettext_lazy("Industrial production value and revenue"),
        (Metric.INDUSTRIAL_PRODUCTION, Metric.REVENUE),
        Unit.BN_VND,
    ),
    ChartSpec(
        "budget",
        gettext_lazy("Contribution to the state budget"),
        (Metric.BUDGET_CONTRIBUTION,),
        Unit.BN_VND,
    ),
    ChartSpec("jobs", gettext_lazy("Workers employed"), (Metric.JOBS,), Unit.PERSONS, "line"),
    ChartSpec(
        "enterprises",
        gettext_lazy("Operating enterprises"),
        (Metric.OPERATING_ENTERPRISES,),
        Unit.COUNT,
        "line",
    ),
)


def period_label(period):
    year, kind, part = parse_period(period)
    if kind == "half":
        return _("H%(part)d %(year)d") % {"part": part, "year": year}
    if kind == "quarter":
        return _("Q%(part)d %(year)d") % {"part": part, "year": year}
    return str(year)


def format_number(value):
    value = Decimal(value)
    places = (
        0 if value == value.to_integral_value() else min(2, -value.normalize().as_tuple().exponent)
    )
    return formats.number_format(value, places, use_l10n=True, force_grouping=True)


def _nice_ceiling(value):
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


@dataclass
class Chart:
    key: str
    title: str
    unit_label: str
    kind: str
    categories: list
    series: list  # [(label, [value or None per category])]
    category_label: str = ""
    geometry: dict = field(default_factory=dict)

    def __post_init__(self):
        self.category_label = self.category_label or _("Period")
        self.geometry = self._layout()

    @property
    def description(self):
        parts = []
        for label, values in self.series:
            points = ", ".join(
                f"{category}: {format_number(value)}"
                for category, value in zip(self.categories, values, strict=True)
                if value is not None
            )
            parts.append(f"{label}: {points}")
        return "; ".join(parts)

    @property
    def table_rows(self):
        return [
            (
                category,
                [
                    "–" if values[index] is None else format_number(values[index])
                    for _label, values in self.series
                ],
            )
            for index, category in enumerate(self.categories)
        ]

    def _layout(self):
        plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
        plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
        values = [value for _label, row in self.series for value in row if value is not None]
        top = _nice_ceiling(float(max(values, default=0)))
        baseline = MARGIN_TOP + plot_height

        def y_of(value):
            return round(baseline - float(value) / top * plot_height, 1)

        ticks = [
            {"y": y_of(top * step / 4), "label": format_number(Decimal(str(top * step / 4)))}
            for step in range(5)
        ]
        slot = plot_width / max(len(self.categories), 1)
        centres = [
            round(MARGIN_LEFT + slot * (index + 0.5), 1) for index in range(len(self.categories))
        ]
        labels = [
            {"x": centre, "y": baseline + 20, "text": category}
            for centre, category in zip(centres, self.categories, strict=True)
        ]
        shapes = []
        bar_width = slot * 0.7 / max(len(self.series), 1)
        for series_index, (label, row) in enumerate(self.series):
            points = []
            for index, value in enumerate(row):
                if value is None:
                    continue
                text = (
                    f"{label}, {self.categories[index]}: {format_number(value)} {self.unit_label}"
                )
                if self.kind == "bar":
                    left = centres[index] - slot * 0.35 + bar_width * series_index
                    top_y = y_of(value)
                    shapes.append(
                        {
                            "series": series_index,
                            "x": round(left, 1),
                            "y": top_y,
                            "width": round(bar_width - 2, 1),
                            "height": round(baseline - top_y, 1),
                            "text": text,
                        }
                    )
                else:
                    points.append({"x": centres[index], "y": y_of(value), "text": text})
            if self.kind == "line":
                shapes.append(
                    {
                        "series": series_index,
                        "path": " ".join(f"{point['x']},{point['y']}" for point in points),
                        "points": points,
                    }
                )
        return {
            "width": WIDTH,
            "height": HEIGHT,
            "left": MARGIN_LEFT,
            "right": WIDTH - MARGIN_RIGHT,
            "top": MARGIN_TOP,
            "baseline": baseline,
            "ticks": ticks,
            "labels": labels,
            "shapes": shapes,
            "legend": [
                {"series": index, "label": label, "x": MARGIN_LEFT + index * 200, "y": HEIGHT - 12}
                for index, (label, _row) in enumerate(self.series)
            ],
        }


def charts_from_values(values, specs, prefix):
    """One Chart per spec that has data, from IndicatorValue rows already fetched."""
    charts = []
    for spec in specs:
        rows = [
            value for value in values if value.metric in spec.metrics and value.unit == spec.unit
        ]
        if not rows:
            continue
        periods = sorted({row.period for row in rows})
        by_key = {(row.metric, row.period): row.value for row in rows}
        metrics = [metric for metric in spec.metrics if any(row.metric == metric for row in rows)]
        charts.append(
            Chart(
                key=f"{prefix}-{spec.key}",
                title=str(spec.title),
                unit_label=str(Unit(spec.unit).label),
                kind=spec.kind,
                categories=[period_label(period) for period in periods],
                series=[
                    (
                        str(Metric(metric).label),
                        [by_key.get((metric, period)) for period in periods],
                    )
                    for metric in metrics
                ],
            )
        )
    return charts


def key_indicator_charts():
    values = list(IndicatorValue.objects.filter(scope=Scope.ALL_ZONES).order_by("period"))
    return charts_from_values(values, HOME_CHARTS, "all")


def zone_charts(zone):
    charts = []
    areas = [
        (_("Planned"), zone.planned_area_ha),
        (_("Built"), zone.built_area_ha),
        (_("For lease"), zone.leasable_area_ha),
    ]
    if any(value is not None for _label, value in areas):
        charts.append(
            Chart(
                key=f"zone-{zone.pk}-land",
                title=_("Land in the zone"),
                unit_label=_("ha"),
                kind="bar",
                categories=[str(label) for label, _value in areas],
                category_label=_("Land"),
                series=[(_("Area"), [value for _label, value in areas])],
            )
        )
    values = list(zone.indicator_values.filter(scope=Scope.ZONE).order_by("period"))
    return charts + charts_from_values(values, HOME_CHARTS, f"zone-{zone.pk}")


def cluster_charts(cluster):
    values = list(cluster.indicator_values.filter(scope=Scope.CLUSTER).order_by("period"))
    return charts_from_values(values, HOME_CHARTS, f"cluster-{cluster.pk}")
