from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from enterprises import api as enterprises_api
from portal import views as portal_views
from search import views as search_views

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/search/", search_views.api_search, name="search_api"),
    path("api/search/suggest/", search_views.api_suggest, name="search_suggest"),
    path("", include("discovery.urls")),
    path(
        "api/directory/enterprises/",
        enterprises_api.enterprises,
        name="api_directory_enterprises",
    ),
    path("", portal_views.choose_language, name="choose_language"),
]

urlpatterns += i18n_patterns(
    path("search/", search_views.search_page, name="search"),
    path("feeds/", include("discovery.feed_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
