from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from exemplars.models import ExemplarIndexPage, ExemplarProfilePage


@register(ExemplarIndexPage)
class ExemplarIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(ExemplarProfilePage)
class ExemplarProfilePageTranslation(TranslationOptions):
    fields = ("organisation", "zone", "summary", "story")
