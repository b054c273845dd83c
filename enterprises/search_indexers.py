"""Enterprises in the archive search: rows, not pages, found by their name in any spelling.

An entry links to the enterprise's page in the directory, so there is none while the
directory page is not live and public; English entries follow the directory's English
version. Enterprises whose project has terminated stay in the directory (its status
filter) but are left out of the search, which is about the zones' working present.
Bulk writers (the import) call `registry.index_objects`; signals cover the rest.
"""

from django.utils import translation

from portal.languages import page_url_in, translated
from search import registry
from search.entries import page_languages, search_entry
from zones.models import IndustrialZonePage
from zones.search_indexers import public_zone_names

from .choices import EnterpriseStatus
from .models import Enterprise, EnterpriseDirectoryPage

SEARCHABLE_STATUSES = {EnterpriseStatus.OPERATING, EnterpriseStatus.UNDER_CONSTRUCTION}


def enterprise_context():
    directory = EnterpriseDirectoryPage.objects.live().public().first()
    if directory is None:
        return {"directory": None}
    languages = page_languages(directory)
    return {
        "directory": directory,
        "languages": languages,
        "urls": {language: page_url_in(directory, language) for language in languages},
        "sections": {
            language: translated(directory, "title", language) or directory.title_vi
            for language in languages
        },
        "zones": public_zone_names(),
    }


def enterprise_entries(enterprise, context):
    directory = context["directory"]
    if directory is None:
        return
    route = directory.reverse_subpage("enterprise", args=[enterprise.pk])
    zone = context["zones"].get(enterprise.zone_id)
    for language in context["languages"]:
        with translation.override(language):
            country, sector = enterprise.country_name, enterprise.sector_name
        zone_name = zone[language] if zone else ""
        products = translated(enterprise, "main_products", language) or enterprise.main_products_vi
        yield search_entry(
            language,
            title=translated(enterprise, "name", language) or enterprise.name_vi,
            url=context["urls"][language] + route,
            body=[
                products,
                sector,
                country,
                zone_name,
                enterprise.address,
                enterprise.certificate_number,
            ],
            date=enterprise.certificate_date,
            section=context["sections"][language],
            zones=[zone_name],
        )


def all_enterprise_ids(directory):
    return Enterprise.objects.values_list("pk", flat=True)


def zone_enterprise_ids(zone):
    return Enterprise.objects.filter(zone=zone).values_list("pk", flat=True)


registry.register(
    "enterprise",
    Enterprise,
    enterprise_entries,
    should_index=lambda enterprise: enterprise.status in SEARCHABLE_STATUSES,
    context=enterprise_context,
    depends_on={
        EnterpriseDirectoryPage: all_enterprise_ids,
        IndustrialZonePage: zone_enterprise_ids,
    },
)
