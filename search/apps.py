from importlib import import_module
from importlib.util import find_spec

from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from search import signals

        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.search_indexers"
            if find_spec(module_name) is not None:
                import_module(module_name)
        signals.connect()
