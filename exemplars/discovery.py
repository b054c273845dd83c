"""The honour roll's sharing title and its yearly pages in the sitemap."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from discovery.metadata import PageDiscovery, register_adapter
from discovery.sitemaps import RoutedViewSitemap, register_sitemap
from exemplars.models import AwardRecord, ExemplarIndexPage, ExemplarProfilePage


@register_adapter(ExemplarIndexPage)
class ExemplarIndexDiscovery(PageDiscovery):
    def title(self):
        if "groups" in self.context and self.context.get("year"):
            return _("Honour roll %(year)s") % {"year": self.context["year"]}
        return None


@register_sitemap("honour_rolls")
class HonourRollSitemap(RoutedViewSitemap):
    """`honour-roll/<year>/` for each year with an award to a live, public profile."""

    def items(self):
        if self.site is None:
            return []
        index = ExemplarIndexPage.objects.live().public().descendant_of(self.site.root_page).first()
        if index is None:
            return []
        profiles = ExemplarProfilePage.objects.live().public().child_of(index)
        years = {}
        for year, english in (
            AwardRecord.objects.filter(page__in=profiles.values("pk"))
            .annotate(english=Exists(profiles.filter(pk=OuterRef("page_id"), english_ready=True)))
            .values_list("year", "english")
        ):
            years[year] = years.get(year, False) or (english and index.english_ready)
        return [
            {"index": index, "year": year, "english": english, "lastmod": None}
            for year, english in sorted(years.items(), reverse=True)
        ]

    def location(self, item):
        index = item["index"]
        _site_id, _root_url, index_path = index.get_url_parts()
        return index_path + index.reverse_subpage("honour_roll", args=[item["year"]])
