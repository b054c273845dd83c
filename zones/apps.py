from django.apps import AppConfig


class ZonesConfig(AppConfig):
    name = "zones"

    def ready(self):
        from zones import discovery  # noqa: F401  (registers the zone feed)
