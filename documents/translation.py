from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from documents.models import DocumentRegistryPage, LegalDocument, LegalDocumentAttachment


@register(LegalDocument)
class LegalDocumentTranslation(TranslationOptions):
    fields = ("issuer", "subject", "summary")


@register(LegalDocumentAttachment)
class LegalDocumentAttachmentTranslation(TranslationOptions):
    fields = ("label",)


@register(DocumentRegistryPage)
class DocumentRegistryPageTranslation(TranslationOptions):
    fields = ("intro",)
