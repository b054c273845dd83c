from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    """How the portal is found and reused: metadata, sitemap, feeds, the read-only API."""

    name = "discovery"
    verbose_name = "Discovery"
