from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        """Keep the entries in step with publishing. The apps register what they index from
        their own ready(), importing their `search_indexers`: the search imports no app."""
        from search import signals

        signals.connect()
