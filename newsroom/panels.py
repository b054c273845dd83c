"""The translation state at the top of every bilingual page's editor (see newsroom.apps)."""

from wagtail.admin.panels import Panel

from newsroom.models import PageFlag, TranslationStatus


class TranslationStatePanel(Panel):
    """Shows, at the top of the editor, whether the English side is missing, current or stale."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsroom/panels/translation_state.html"

        def get_context_data(self, parent_context=None):
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
                    "translator_only": getattr(self.form, "translator_only", False)
                    and page.open_to_translators,
                }
            )
            return context
