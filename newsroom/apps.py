from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        from newsroom import signals
        from newsroom.forms import NewsroomPageForm
        from newsroom.panels import TranslationStatePanel
        from portal.pages import BilingualEditor

        signals.connect()
        BilingualEditor.extend(
            form_class=NewsroomPageForm,
            panels_first=[TranslationStatePanel(heading=_("Translation"))],
        )
        post_migrate.connect(signals.top_up_roles, sender=self)
