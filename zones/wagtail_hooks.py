"""One admin menu group for the zones domain: enterprises, their import and key indicators.

Zone and cluster pages themselves are edited in the page tree under the zones index.
See https://docs.wagtail.org/en/stable/reference/viewsets.html#viewsetgroup
"""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from enterprises.viewsets import EnterpriseImportViewSet, EnterpriseViewSet
from indicators.viewsets import IndicatorValueViewSet


class ZonesAdminGroup(ViewSetGroup):
    menu_label = _("Industrial zones")
    menu_icon = "site"
    menu_order = 250
    items = (EnterpriseViewSet, EnterpriseImportViewSet, IndicatorValueViewSet)


@hooks.register("register_admin_viewset")
def register_zones_group():
    return ZonesAdminGroup()
