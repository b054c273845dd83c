from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from enterprises.models import EnterpriseDirectoryPage


@register(EnterpriseDirectoryPage)
class EnterpriseDirectoryPageTranslation(TranslationOptions):
    fields = ("intro",)
