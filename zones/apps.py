from django.apps import AppConfig


class ZonesConfig(AppConfig):
    name = "zones"

    def ready(self):
        from zones import discovery, search_indexers  # noqa: F401  (importing them registers them)
