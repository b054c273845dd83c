"""What the newsroom adds to a bilingual page type: previews in both languages, the
translator-aware form and the translation state in the editor.

Apply it first among the bases: ``class ArticlePage(NewsroomPageMixin, BilingualPage)``.
"""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import ObjectList, Panel, TabbedInterface
from wagtail.utils.decorators import cached_classmethod

from newsroom.forms import NewsroomPageForm
from portal.languages import ENGLISH, VIETNAMESE


class TranslationStatePanel(Panel):
    """Shows, at the top of the editor, whether the English side is missing, current or stale."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsroom/panels/translation_state.html"

        def get_context_data(self, parent_context=None):
            from newsroom.models import PageFlag, TranslationStatus

            context = super().get_context_data(parent_context)
            page = self.instance
            status = None
            flags = []
            if page.pk:
                status = TranslationStatus.objects.filter(page_id=page.pk).first()
                flags = list(PageFlag.objects.filter(page_id=page.pk).order_by("kind"))
            context.update(
                {
                    "status": status,
                    "flags": flags,
                    "translator_only": getattr(self.form, "translator_only", False),
                }
            )
            return context


class NewsroomPageMixin:
    """Preview modes "vi" and "en", and the newsroom's editor additions."""

    base_form_class = NewsroomPageForm

    @property
    def preview_modes(self):
        return [(VIETNAMESE, _("Vietnamese")), (ENGLISH, _("English"))]

    def serve_preview(self, request, mode_name):
        language = mode_name if mode_name in (VIETNAMESE, ENGLISH) else VIETNAMESE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().serve_preview(request, mode_name)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        return response

    @cached_classmethod
    def get_edit_handler(cls):
        tabs = [
            ObjectList(
                [TranslationStatePanel(heading=_("Translation")), *cls.content_panels],
                heading=_("Content"),
            )
        ]
        if cls.promote_panels:
            tabs.append(ObjectList(cls.promote_panels, heading=_("Promote")))
        if cls.settings_panels:
            tabs.append(ObjectList(cls.settings_panels, heading=_("Settings")))
        return TabbedInterface(tabs, base_form_class=cls.base_form_class).bind_to_model(cls)
