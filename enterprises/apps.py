from django.apps import AppConfig


class EnterprisesConfig(AppConfig):
    name = "enterprises"

    def ready(self):
        from enterprises import discovery, search_indexers  # noqa: F401  (importing them registers them)
