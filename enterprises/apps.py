from django.apps import AppConfig


class EnterprisesConfig(AppConfig):
    name = "enterprises"

    def ready(self):
        from enterprises import discovery  # noqa: F401  (head metadata and sitemap entries)
