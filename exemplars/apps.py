from django.apps import AppConfig


class ExemplarsConfig(AppConfig):
    name = "exemplars"

    def ready(self):
        from exemplars import discovery  # noqa: F401  (honour roll metadata and sitemap)
