from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from reports.models import (
    ConferenceAttachment,
    ConferenceParticipant,
    ConferenceReportIndexPage,
    ConferenceReportPage,
    ConferenceResolution,
    KeyFigure,
)


@register(ConferenceReportIndexPage)
class ConferenceReportIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(ConferenceReportPage)
class ConferenceReportPageTranslation(TranslationOptions):
    fields = ("place", "organiser", "summary", "body")


@register(ConferenceParticipant)
class ConferenceParticipantTranslation(TranslationOptions):
    fields = ("title",)


@register(KeyFigure)
class KeyFigureTranslation(TranslationOptions):
    fields = ("label", "unit", "period")


@register(ConferenceResolution)
class ConferenceResolutionTranslation(TranslationOptions):
    fields = ("text",)


@register(ConferenceAttachment)
class ConferenceAttachmentTranslation(TranslationOptions):
    fields = ("label",)
