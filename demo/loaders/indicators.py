"""Demo key indicators from facts/indicators.json (the province's zones only).

The Red River Delta bloc figures describe eleven provinces' zones together, not a scope
this portal records, so they are left out.
"""

from decimal import Decimal

from demo.data import read_facts
from indicators.models import IndicatorValue, Metric, Scope, Unit

SOURCE = "Ban Quản lý các KCN Bắc Ninh (số liệu đã công bố)"

# facts key: (metric, unit)
SERIES_KEYS = {
    "industrial_production_bn_vnd": (Metric.INDUSTRIAL_PRODUCTION, Unit.BN_VND),
    "industrial_production_pct_yoy": (Metric.INDUSTRIAL_PRODUCTION, Unit.PCT_YOY),
    "revenue_bn_vnd": (Metric.REVENUE, Unit.BN_VND),
    "revenue_pct_yoy": (Metric.REVENUE, Unit.PCT_YOY),
    "export_bn_usd": (Metric.EXPORT, Unit.BN_USD),
    "export_pct_yoy": (Metric.EXPORT, Unit.PCT_YOY),
    "import_bn_usd": (Metric.IMPORT, Unit.BN_USD),
    "import_pct_yoy": (Metric.IMPORT, Unit.PCT_YOY),
    "budget_contribution_bn_vnd": (Metric.BUDGET_CONTRIBUTION, Unit.BN_VND),
    "budget_contribution_pct_yoy": (Metric.BUDGET_CONTRIBUTION, Unit.PCT_YOY),
    "operating_enterprises": (Metric.OPERATING_ENTERPRISES, Unit.COUNT),
    "jobs": (Metric.JOBS, Unit.PERSONS),
    "average_monthly_income_million_vnd": (Metric.AVERAGE_MONTHLY_INCOME, Unit.MILLION_VND),
}


def figures(facts):
    """(period, metric, unit, value) for every province-wide figure in the facts file."""
    for entry in facts["series"]:
        if entry["scope"] != "bac-ninh-iz":
            continue
        for key, (metric, unit) in SERIES_KEYS.items():
            if key in entry:
                yield entry["period"], metric, unit, Decimal(str(entry[key]))
    investment = facts["investment_2018"]
    yield "2018-H1", Metric.PROJECTS, Unit.COUNT, Decimal(investment["projects"])
    yield (
        "2018-H1",
        Metric.REGISTERED_CAPITAL,
        Unit.BN_USD,
        Decimal(str(investment["registered_capital_bn_usd"])),
    )
    yield "2018-H1", Metric.JOBS, Unit.PERSONS, Decimal(facts["labour_2018"]["workers"])


def load(command, **options):
    facts = read_facts("indicators.json")
    written = total = 0
    for period, metric, unit, value in figures(facts):
        total += 1
        _value, created = IndicatorValue.objects.get_or_create(
            scope=Scope.ALL_ZONES,
            period=period,
            metric=metric,
            unit=unit,
            defaults={"value": value, "source": SOURCE},
        )
        if not created and _value.value != value:
            _value.value = value
            _value.save()
        written += int(created)
    command.stdout.write(f"Indicators: {total} figures ({written} new).")
