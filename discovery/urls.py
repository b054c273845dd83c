"""Root-level discovery URLs: robots.txt, the sitemap index and its sections, the read-only API."""

from django.urls import path

from discovery import views
from discovery.api import api_router

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap_section"),
    path("api/v2/", api_router.urls),
]
