from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from zones.models import EmulationClusterPage, IndustrialZonePage, ZonesIndexPage


@register(ZonesIndexPage)
class ZonesIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(IndustrialZonePage)
class IndustrialZonePageTranslation(TranslationOptions):
    fields = ("intro", "district", "infrastructure_investor")


@register(EmulationClusterPage)
class EmulationClusterPageTranslation(TranslationOptions):
    fields = ("intro", "leader")
