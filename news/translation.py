from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from news.models import ArticlePage, EventThread, HomePage, SectionPage, Topic


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("intro",)


@register(SectionPage)
class SectionPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(ArticlePage)
class ArticlePageTranslation(TranslationOptions):
    fields = ("standfirst", "lead_image_caption", "body")


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name",)


@register(EventThread)
class EventThreadTranslation(TranslationOptions):
    fields = ("title", "intro")
