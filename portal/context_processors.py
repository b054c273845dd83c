from django.utils import translation

from wagtail.models import Page, Site

from portal.cache import content_version, per_content_version
from portal.languages import ENGLISH
from portal.pages import PortalPageQuerySet


def site_navigation(request):
    """The main menu: the home page, then its live public children marked "show in menus".

    Every page shows the same menu, so each process builds it once per site, language and
    content version (portal.cache): a publish anywhere builds it afresh.
    """

    def menu_items():
        site = Site.find_for_request(request)
        if site is None:
            return []
        language = translation.get_language()
        return per_content_version(
            f"menu:{site.pk}:{language}", lambda: build_menu(site, language, request)
        )

    return {"menu_items": menu_items}


def build_menu(site, language, request):
    home = site.root_page
    children = (
        PortalPageQuerySet(Page)
        .child_of(home)
        .live()
        .public()
        .in_menu()
        .specific()
        .order_by("path")
    )
    if language == ENGLISH:
        children = [page for page in children if getattr(page, "english_ready", True)]
    return [
        {"pk": page.pk, "url": page.get_url(request), "title": page.title, "is_home": page == home}
        for page in [home, *children]
    ]


def content_version_key(request):
    """The content version, for template fragments cached with `{% cache %}` that must be
    rebuilt after any publish (vary on `content_version`)."""
    return {"content_version": content_version}
