"""One admin menu group for the zones domain: enterprises, their import and key indicators.

Zone and cluster pages themselves are edited in the page tree under the zones index, so
the group's items all come from the apps built on the zones; it is registered here, by
the directory, because the zones app depends on none of them.
See https://docs.wagtail.org/en/stable/reference/viewsets.html#viewsetgroup
"""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from indicators.viewsets import IndicatorValueViewSet

from .viewsets import EnterpriseImportViewSet, EnterpriseViewSet


class ZonesAdminGroup(ViewSetGroup):
    menu_label = _("Industrial zones")
    menu_icon = "site"
    menu_order = 250
    items = (EnterpriseViewSet, EnterpriseImportViewSet, IndicatorValueViewSet)


@hooks.register("register_admin_viewset")
def register_zones_group():
    return ZonesAdminGroup()
