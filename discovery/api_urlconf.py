"""The API's own URLconf, without language prefixes.

API views point `request.urlconf` here once their response is ready, so Django's
LocaleMiddleware answers a missing page with the API's JSON 404 instead of redirecting the
client to `/vi/api/...` (which the site's catch-all page route would otherwise accept).
"""

from django.urls import path

from discovery.api import api_router

urlpatterns = [path("api/v2/", api_router.urls)]
