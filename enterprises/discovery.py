"""How the directory's enterprise pages present themselves, and their place in the sitemap."""

from django.db.models import Max
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from discovery.metadata import PageDiscovery, register_adapter
from discovery.sitemaps import RoutedViewSitemap, register_sitemap
from enterprises.models import Enterprise, EnterpriseDirectoryPage


@register_adapter(EnterpriseDirectoryPage)
class EnterpriseDirectoryDiscovery(PageDiscovery):
    def enterprise(self):
        return self.context.get("enterprise")

    def title(self):
        enterprise = self.enterprise()
        return enterprise.name if enterprise is not None else None

    def description(self):
        enterprise = self.enterprise()
        if enterprise is None:
            return super().description()
        if enterprise.zone is not None:
            return _("%(name)s: %(sector)s, investor from %(country)s, in %(zone)s.") % {
                "name": enterprise.name,
                "sector": enterprise.sector_name,
                "country": enterprise.country_name,
                "zone": enterprise.zone.title,
            }
        return _("%(name)s: %(sector)s, investor from %(country)s.") % {
            "name": enterprise.name,
            "sector": enterprise.sector_name,
            "country": enterprise.country_name,
        }

    def structured_data(self):
        enterprise = self.enterprise()
        if enterprise is None:
            return None
        data = {
            "@type": "Organization",
            "name": enterprise.name,
            "url": self.request.build_absolute_uri(self.request.path),
        }
        other_name = enterprise.name_vi if enterprise.name != enterprise.name_vi else ""
        other_name = other_name or (
            enterprise.name_en if enterprise.name_en != enterprise.name else ""
        )
        if other_name:
            data["alternateName"] = other_name
        if enterprise.website:
            data["sameAs"] = enterprise.website
        if enterprise.zone is not None:
            data["location"] = {"@type": "Place", "name": enterprise.zone.title}
        return data


@register_sitemap("enterprises")
class EnterpriseSitemap(RoutedViewSitemap):
    """One entry per enterprise under the site's live, public directory (ids only: cheap)."""

    def __init__(self, site=None):
        super().__init__(site)
        self._base_paths = {}

    @cached_property
    def directory(self):
        if self.site is None:
            return None
        return (
            EnterpriseDirectoryPage.objects.live()
            .public()
            .descendant_of(self.site.root_page)
            .first()
        )

    def items(self):
        if self.directory is None:
            return Enterprise.objects.none()
        return Enterprise.objects.order_by("pk").values_list("pk", "updated_at")

    def load(self, rows):
        return [
            {"id": pk, "english": self.directory.english_ready, "lastmod": updated_at}
            for pk, updated_at in rows
        ]

    def get_latest_lastmod(self):
        if self.directory is None:
            return None
        return Enterprise.objects.aggregate(newest=Max("updated_at"))["newest"]

    def location(self, item):
        language = translation.get_language()
        if language not in self._base_paths:
            _site_id, _root_url, directory_path = self.directory.get_url_parts()
            self._base_paths[language] = directory_path
        return self._base_paths[language] + self.directory.reverse_subpage(
            "enterprise", args=[item["id"]]
        )
