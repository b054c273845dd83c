"""The private parts of Wagtail and wagtail-modeltranslation the portal relies on, in one place.

Neither project promises anything about these: a minor release may rename or change one
without a deprecation warning. Each entry below says why no public API does the job, and
tests/portal/test_wagtail_internals.py checks that each still exists and still behaves as
relied on, so an upgrade that changes one fails there, by name, instead of showing up as a
slower site or an English word in the Vietnamese admin.

Also relied on where they are used (checked by the same tests):

- `Page._get_site_root_paths(cache_object)`, overridden by BilingualPage (portal/pages.py):
  the method Wagtail calls for the sites' root paths whenever it builds a page's URL. The
  override keeps the paths per content version; it also leaves them in
  `_wagtail_cached_site_root_paths`, where Wagtail's redirect handling reads them back.
- `wagtail_modeltranslation.patch_wagtailadmin._localized_site_get_site_root_paths`
  (portal/pages.py): those root paths in the active language, which Wagtail alone does not
  know (each language has its own url_path).
- treebeard's `_cached_parent_obj` (portal/pages.py): a page found by routing is handed its
  parent, so `get_parent()` while rendering costs no query.

Undocumented but not underscored, and covered by the tests of the code that uses them:
`wagtail.admin.views.pages.utils.type_to_delete_confirmation` (recyclebin/wagtail_hooks.py,
tests/recyclebin), `wagtailimages_tags.PictureNode` and `image` (images/templatetags,
tests/news/test_pages.py), `wagtail.utils.decorators.cached_classmethod`
(newsroom/pages.py) and the help menu's "whats-new-in-wagtail-<version>" item
(newsroom/wagtail_hooks.py, tests/newsroom/test_admin_vietnamese.py).
"""

from dataclasses import dataclass


def set_request_site(request, site):
    """Tell Wagtail which site a request is for.

    `Site.find_for_request` keeps its answer in `request._wagtail_site` (its docstring says
    so) and offers no way to supply one. KnownSiteMiddleware puts a per-process copy of the
    site there, with its home page already specific, which saves two queries a request.
    """
    request._wagtail_site = site


def modeltranslation_page_patches():
    """The functions wagtail-modeltranslation puts on every page model it registers, by
    attribute name: `route` (loads all of a page's children and compares slugs in Python)
    and `_get_site_root_paths` (asks the cache again at every change of language).

    No setting switches them off without also switching off slugs per language
    (WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS), and they are assigned on each model class, so
    a base class's own methods lose to them. portal.apps.restore_one_query_routing finds
    them by identity and removes them from BilingualPage subclasses.
    """
    from wagtail_modeltranslation.patch_wagtailadmin import _new_get_site_root_paths, _new_route

    return {"route": _new_route, "_get_site_root_paths": _new_get_site_root_paths}


@dataclass(frozen=True)
class AdminTemplateString:
    """An English string Wagtail writes into one of its admin templates as plain text.

    Wagtail's catalogues cannot translate it, since no `{% translate %}` surrounds it, and no
    template block surrounds it either, so an override would have to copy the whole
    template. portal.template_loaders puts `translated_text` in place of `wagtail_text` as
    Wagtail's template is read; the Vietnamese admin catalogue (locale/wagtailadmin) has
    the string already.
    """

    template_name: str
    wagtail_text: str
    translated_text: str
    seen_as: str

    def translate_in(self, source):
        """The template source with the string translated; unchanged if Wagtail's text is not
        there exactly once (an upgrade changed it: the tests say so)."""
        if source.count(self.wagtail_text) != 1:
            return source
        return source.replace(self.wagtail_text, self.translated_text)


SEARCH_BUTTON = '<input type="submit" value="Search" class="button" />'
TRANSLATED_SEARCH_BUTTON = (
    '<input type="submit" value="{% translate \'Search\' %}" class="button" />'
)

UNTRANSLATED_ADMIN_STRINGS = (
    AdminTemplateString(
        "wagtailadmin/home.html",
        SEARCH_BUTTON,
        TRANSLATED_SEARCH_BUTTON,
        seen_as="the dashboard search's submit button, read out by screen readers",
    ),
    AdminTemplateString(
        "wagtailadmin/shared/header.html",
        SEARCH_BUTTON,
        TRANSLATED_SEARCH_BUTTON,
        seen_as="every listing's search submit button, read out by screen readers",
    ),
    AdminTemplateString(
        "wagtailadmin/shared/headers/_actions.html",
        '<nav aria-label="Actions"',
        "{% load i18n %}<nav aria-label=\"{% translate 'Actions' %}\"",
        seen_as="the name screen readers give the editor's row of action buttons",
    ),
    AdminTemplateString(
        "wagtailadmin/shared/user_avatar.html",
        "{% if not username %}{{ user }}{% else %}{{ username }}{% endif %}",
        "{% load i18n %}{% if username %}{{ username }}{% elif user %}{{ user }}"
        '{% else %}{% translate "System" %}{% endif %}',
        seen_as='history rows of changes no user made: "System" in place of "None"',
    ),
)
