from django.utils import translation

from wagtail.models import Site

from portal.languages import ENGLISH


def site_navigation(request):
    """The main menu: the home page's live children marked "show in menus"."""

    def menu_pages():
        site = Site.find_for_request(request)
        if site is None:
            return []
        home = site.root_page
        pages = list(home.get_children().live().public().in_menu().specific().order_by("path"))
        if translation.get_language() == ENGLISH:
            pages = [page for page in pages if getattr(page, "english_ready", True)]
        return [home, *pages]

    return {"menu_pages": menu_pages}
