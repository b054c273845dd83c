"""Wagtail admin views for indicator values (registered in zones/wagtail_hooks.py's group)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.model import ModelViewSet

from .models import IndicatorValue


class IndicatorValueViewSet(ModelViewSet):
    model = IndicatorValue
    name = "indicator_value"
    icon = "table"
    menu_label = _("Key indicators")
    list_display = ["metric", "period", "value", "unit", "scope", "zone", "cluster"]
    list_filter = ["scope", "metric", "period_kind", "year"]
    search_fields = ["period", "source"]
    search_backend_name = None
    ordering = ["metric", "-period"]
