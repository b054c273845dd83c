"""The zones index: every zone on a province map and in a table a reader can sort."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from portal.pages import BilingualPage
from portal.text import fold_vietnamese
from zones.maps import province_map
from zones.models.cluster import EmulationClusterPage
from zones.models.zone import IndustrialZonePage, ZoneStatus, live_pages


class ZonesIndexPage(BilingualPage):
    """The one page that lists every industrial zone: a province map and a comparison table.

    The table sorts on the server through plain links (`?sort=area&order=desc`), so it works
    without JavaScript; see `ZONE_SORTS` for the columns a reader may sort by.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BilingualPage.content_panels, FieldPanel("intro")]

    parent_page_types = ["news.HomePage"]
    subpage_types = ["zones.IndustrialZonePage", "zones.EmulationClusterPage"]
    max_count = 1
    is_creatable = True

    class Meta:
        verbose_name = _("industrial zones index")

    def zones(self):
        return live_pages(IndustrialZonePage.objects.child_of(self))

    def clusters(self):
        return live_pages(EmulationClusterPage.objects.child_of(self)).order_by("number")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sort, order = sort_parameters(request.GET)
        zones = list(self.zones().order_by("path"))
        context.update(
            {
                "zones": sort_zones(zones, sort, order),
                "clusters": list(self.clusters().prefetch_related("member_zones")),
                "sort": sort,
                "order": order,
                "sort_columns": sort_columns(sort, order),
                "province_map": province_map(zones),
            }
        )
        return context


ZONE_SORTS = {
    "name": lambda zone: fold_vietnamese(zone.title),
    "status": lambda zone: ZoneStatus.values.index(zone.status),
    "district": lambda zone: fold_vietnamese(zone.district or ""),
    "planned": lambda zone: zone.planned_area_ha,
    "built": lambda zone: zone.built_area_ha,
    "leasable": lambda zone: zone.leasable_area_ha,
    "occupancy": lambda zone: zone.occupancy_rate,
    "established": lambda zone: zone.established_on,
}
SORT_LABELS = {
    "name": _("Zone"),
    "status": _("Status"),
    "district": _("District"),
    "planned": _("Planned area (ha)"),
    "built": _("Built area (ha)"),
    "leasable": _("Land for lease (ha)"),
    "occupancy": _("Occupancy rate (%)"),
    "established": _("Established"),
}


def sort_parameters(query):
    sort = query.get("sort", "name")
    if sort not in ZONE_SORTS:
        sort = "name"
    order = "desc" if query.get("order") == "desc" else "asc"
    return sort, order


def sort_zones(zones, sort, order):
    """Sort in Python (a province has tens of zones): Vietnamese names by their folded
    form, so Đại Đồng sits among the Ds, and empty values last in either direction."""
    key = ZONE_SORTS[sort]
    known = [zone for zone in zones if key(zone) is not None]
    unknown = [zone for zone in zones if key(zone) is None]
    name = ZONE_SORTS["name"]
    known.sort(key=name)
    known.sort(key=key, reverse=order == "desc")
    return known + sorted(unknown, key=name)


def sort_columns(sort, order):
    """One header per sortable column, with the link that sorts by it and its aria-sort."""
    columns = []
    for key, label in SORT_LABELS.items():
        current = key == sort
        next_order = "desc" if current and order == "asc" else "asc"
        columns.append(
            {
                "key": key,
                "label": label,
                "query": f"?sort={key}&order={next_order}",
                "aria_sort": ("descending" if order == "desc" else "ascending")
                if current
                else "none",
                "numeric": key in {"planned", "built", "leasable", "occupancy"},
            }
        )
    return columns
