"""Exemplary-model profiles in the archive search.

A profile names its zone in free text ("KCN Quế Võ"); when that name matches a live zone
page (by its names or slug, with or without "KCN"), the entry takes the zone's own name
as its zone facet, so profiles and articles of one zone are counted together (a name that
matches no zone page stays in the text only). The date is
that of the latest award's decision when the registry holds it, else the first publication.
"""

from django.utils import translation

from portal.languages import translated
from search import registry
from search.entries import page_entry, page_languages, stream_field_text
from zones.models import IndustrialZonePage
from zones.search_indexers import public_zones_by_key, zone_keys

from .models import ExemplarProfilePage


def profile_entries(profile, zones_by_key):
    awards = list(profile.awards.all())
    zone = zones_by_key.get(profile.zone_key) if profile.zone_key else None
    decision_dates = [
        award.decision.date_issued
        for award in awards
        if award.decision_id and award.decision is not None
    ]
    date = max(decision_dates) if decision_dates else profile.first_published_at
    for language in page_languages(profile):
        with translation.override(language):
            award_lines = [
                f"{award.get_award_display()} ({award.get_level_display()}, {award.year})"
                for award in awards
            ]
        yield page_entry(
            profile,
            language,
            title=translated(profile, "title", language) or profile.title_vi,
            body=[
                profile.name,
                translated(profile, "organisation", language) or profile.organisation_vi,
                translated(profile, "zone", language) or profile.zone_vi,
                translated(profile, "summary", language),
                stream_field_text(translated(profile, "story", language)),
                *award_lines,
            ],
            date=date,
            zones=[zone[language]] if zone else [],
        )


def profiles_of_zone(zone):
    keys = zone_keys(zone.title_vi, zone.title_en, zone.slug_vi)
    return ExemplarProfilePage.objects.filter(zone_key__in=keys).values_list("pk", flat=True)


registry.register(
    "profile",
    ExemplarProfilePage,
    profile_entries,
    queryset=lambda: (
        ExemplarProfilePage.objects.live().public().prefetch_related("awards__decision")
    ),
    context=public_zones_by_key,
    depends_on={IndustrialZonePage: profiles_of_zone},
)
