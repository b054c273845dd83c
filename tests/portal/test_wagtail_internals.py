"""Each private Wagtail API listed in portal.wagtail_internals still exists and still behaves as
relied on: an upgrade that changes one fails here, by name."""

import inspect
from pathlib import Path

from django.apps import apps
from django.template.loader import get_template
from django.utils import translation
from django.utils.translation import gettext

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site
from wagtail_modeltranslation.patch_wagtailadmin import _localized_site_get_site_root_paths

import pytest

from portal.pages import BilingualPage
from portal.template_loaders import WAGTAIL_PACKAGE
from portal.wagtail_internals import (
    UNTRANSLATED_ADMIN_STRINGS,
    modeltranslation_page_patches,
    set_request_site,
)
from tests.factories import make_article


def _parameters(function):
    return list(inspect.signature(function).parameters)


def test_wagtail_takes_the_request_site_from_where_set_request_site_puts_it(
    rf, home, django_assert_num_queries
):
    site = Site.objects.get(is_default_site=True)
    request = rf.get("/")
    set_request_site(request, site)
    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is site, (
            "Wagtail no longer reads request._wagtail_site: KnownSiteMiddleware's copy of the "
            "site is ignored and every request looks the site up again"
        )


def test_modeltranslation_still_puts_its_route_and_root_paths_on_page_models():
    """If this fails, wagtail-modeltranslation stopped patching (restore_one_query_routing
    may have nothing left to undo) or patches under other names (it undoes nothing)."""
    patches = modeltranslation_page_patches()
    for name, replacement in patches.items():
        assert Page.__dict__.get(name) is replacement, name
    assert _parameters(patches["route"]) == ["self", "request", "path_components"]
    assert _parameters(patches["_get_site_root_paths"]) == ["self", "request"]


def test_every_bilingual_page_type_routes_with_its_own_methods():
    patches = modeltranslation_page_patches()
    bilingual_models = [model for model in apps.get_models() if issubclass(model, BilingualPage)]
    assert bilingual_models
    for model in bilingual_models:
        for name, replacement in patches.items():
            assert getattr(model, name) is not replacement, f"{model.__name__}.{name}"


def test_wagtail_builds_page_urls_from_what_get_site_root_paths_returns(rf, section, monkeypatch):
    """BilingualPage overrides the private Page._get_site_root_paths(cache_object)."""
    article = make_article(section, title_en="An article")
    calls = []

    def no_sites(page, *args, **kwargs):
        calls.append((args, kwargs))
        return []

    monkeypatch.setattr(BilingualPage, "_get_site_root_paths", no_sites)
    request = rf.get("/")
    assert article.get_url(request=request) is None
    assert calls and calls[0] == ((request,), {})


def test_modeltranslations_root_paths_follow_the_active_language(home):
    """BilingualPage reads them through _localized_site_get_site_root_paths()."""
    assert _parameters(_localized_site_get_site_root_paths) == []
    for language in ["vi", "en"]:
        with translation.override(language):
            (paths,) = _localized_site_get_site_root_paths()
        assert paths.site_id == Site.objects.get(is_default_site=True).pk
        assert paths.root_path == getattr(home, f"url_path_{language}")
    assert home.url_path_vi != home.url_path_en


def test_wagtails_redirects_read_root_paths_where_bilingual_page_leaves_them(
    section, django_capture_on_commit_callbacks
):
    """Wagtail's automatic redirects read request._wagtail_cached_site_root_paths right after
    asking a page for its URL; BilingualPage._get_site_root_paths must leave them there."""
    article = make_article(section, title_en="Renamed soon")
    old_slug = article.slug_vi
    article.slug_vi = "bai-da-doi-ten"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert Redirect.objects.filter(old_path__endswith=old_slug, redirect_page=article).exists()


def test_treebeard_hands_back_the_parent_a_routed_page_was_given(
    section, django_assert_num_queries
):
    """BilingualPage.child_for_slug sets treebeard's private _cached_parent_obj."""
    article = Page.objects.get(pk=make_article(section).pk)
    article._cached_parent_obj = section
    with django_assert_num_queries(0):
        assert article.get_parent() is section


def _wagtail_template_source(template_name):
    (path,) = WAGTAIL_PACKAGE.glob(f"*/templates/{template_name}")
    return Path(path).read_text(encoding="utf-8")


@pytest.mark.parametrize("entry", UNTRANSLATED_ADMIN_STRINGS, ids=lambda entry: entry.template_name)
def test_each_untranslated_admin_string_is_still_in_wagtails_template_once(entry):
    source = _wagtail_template_source(entry.template_name)
    assert source.count(entry.wagtail_text) == 1, (
        f"Wagtail's {entry.template_name} changed: {entry.seen_as} would show in English. "
        "Update portal.wagtail_internals.UNTRANSLATED_ADMIN_STRINGS."
    )


def test_wagtails_admin_templates_render_the_strings_in_vietnamese():
    with translation.override("vi"):
        actions = get_template("wagtailadmin/shared/headers/_actions.html").render({})
        avatar = get_template("wagtailadmin/shared/user_avatar.html").render({"user": None})
        vietnamese = {text: gettext(text) for text in ["Actions", "System"]}
    assert all(english != translated for english, translated in vietnamese.items())
    assert f'aria-label="{vietnamese["Actions"]}"' in actions
    assert vietnamese["System"] in avatar
    assert "None" not in avatar
