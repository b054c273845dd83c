from django.apps import AppConfig


class EnterprisesConfig(AppConfig):
    name = "enterprises"

    def ready(self):
        from enterprises import discovery, search_indexers, zone_section  # noqa: F401  (they register)
