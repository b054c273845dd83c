"""Root-level discovery URLs: robots.txt, sitemap.xml and the read-only API."""

from django.urls import path

from discovery import views
from discovery.api import api_router

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("api/v2/", api_router.urls),
]
