"""Zone and cluster pages in the archive search, and the zone names other indexers use.

A zone's entries carry the zone itself as their zone facet; a cluster's carry its member
zones, so choosing a zone in the search also shows the cluster it competes in. Entries of
other types name their zones through `public_zone_names()`, so a zone that is a draft or
private never appears as a facet value.
"""

from portal.languages import ENGLISH, VIETNAMESE, translated
from portal.text import vietnamese_slugify
from search import registry
from search.entries import page_entry, page_languages, titles_by_language
from zones.models import EmulationClusterPage, IndustrialZonePage


def public_zone_names():
    """{zone page id: {"vi": name, "en": name}} for the live public zones (one query)."""
    return titles_by_language(IndustrialZonePage.objects.live().public())


def zone_keys(title_vi, title_en, slug_vi):
    """The spellings a free-text zone name may take: "KCN Quế Võ", "Quế Võ", "que-vo"."""
    keys = set()
    for text in (title_vi, title_en, slug_vi):
        key = vietnamese_slugify(text or "")
        if key:
            keys.add(key)
            for prefix in ("kcn-", "khu-cong-nghiep-"):
                if key.startswith(prefix):
                    keys.add(key.removeprefix(prefix))
            for suffix in ("-industrial-zone", "-industrial-park"):
                if key.endswith(suffix):
                    keys.add(key.removesuffix(suffix))
    return keys


def public_zones_by_key():
    """{zone key: {"vi": name, "en": name}} for matching a free-text zone to a zone page."""
    found = {}
    zones = (
        IndustrialZonePage.objects.live().public().values_list("title_vi", "title_en", "slug_vi")
    )
    for title_vi, title_en, slug_vi in zones:
        names = {VIETNAMESE: title_vi or "", ENGLISH: title_en or title_vi or ""}
        for key in zone_keys(title_vi, title_en, slug_vi):
            found.setdefault(key, names)
    return found


def zone_entries(zone):
    for language in page_languages(zone):
        title = translated(zone, "title", language) or zone.title_vi
        yield page_entry(
            zone,
            language,
            title=title,
            body=[
                translated(zone, "intro", language),
                translated(zone, "district", language),
                translated(zone, "infrastructure_investor", language),
            ],
            date=zone.established_on,
            zones=[title],
        )


def cluster_entries(cluster, zone_names):
    member_ids = [zone.pk for zone in cluster.member_zones.all()]
    results = [
        (result.year, result.result_vi, result.result_en) for result in cluster.annual_results.all()
    ]
    decision = cluster.decision
    for language in page_languages(cluster):
        decision_text = ""
        if decision is not None:
            subject = translated(decision, "subject", language) or decision.subject_vi
            decision_text = f"{decision.number} {subject}"
        yield page_entry(
            cluster,
            language,
            title=translated(cluster, "title", language) or cluster.title_vi,
            body=[
                translated(cluster, "intro", language),
                translated(cluster, "leader", language),
                decision_text,
                *(
                    f"{year}: {(text_en or text_vi) if language == ENGLISH else text_vi}"
                    for year, text_vi, text_en in results
                ),
            ],
            date=decision.date_issued if decision is not None else None,
            zones=[zone_names[pk][language] for pk in member_ids if pk in zone_names],
        )


registry.register("zone", IndustrialZonePage, zone_entries)
registry.register(
    "cluster",
    EmulationClusterPage,
    cluster_entries,
    queryset=lambda: EmulationClusterPage.objects.live().public().select_related("decision"),
    context=public_zone_names,
    depends_on={
        IndustrialZonePage: lambda zone: EmulationClusterPage.objects.filter(
            member_zones=zone
        ).values_list("pk", flat=True)
    },
)
