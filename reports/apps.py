from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"

    def ready(self):
        from reports import search_indexers  # noqa: F401  (importing it registers it)
