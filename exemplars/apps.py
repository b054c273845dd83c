from django.apps import AppConfig


class ExemplarsConfig(AppConfig):
    name = "exemplars"

    def ready(self):
        from exemplars import discovery, search_indexers  # noqa: F401  (importing them registers them)
