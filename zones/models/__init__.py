"""Industrial zones and the emulation clusters their infrastructure investors belong to.

One module per page type, as news/models/; what other apps use is imported here, so
`from zones.models import IndustrialZonePage` names the same class as before.
"""

from zones.models.cluster import ClusterAnnualResult, EmulationClusterPage
from zones.models.index import ZonesIndexPage
from zones.models.zone import (
    IndustrialZonePage,
    LeaseKind,
    ZoneLeaseOffer,
    ZonePhoto,
    ZoneStatus,
    live_pages,
)

__all__ = [
    "ClusterAnnualResult",
    "EmulationClusterPage",
    "IndustrialZonePage",
    "LeaseKind",
    "ZoneLeaseOffer",
    "ZonePhoto",
    "ZoneStatus",
    "ZonesIndexPage",
    "live_pages",
]
