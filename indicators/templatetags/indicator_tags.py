from django import template

from indicators.charts import key_indicator_charts as build_key_indicator_charts

register = template.Library()


@register.simple_tag
def key_indicator_charts():
    """The province-wide charts, for the home page (which lives in the news app)."""
    return build_key_indicator_charts()
