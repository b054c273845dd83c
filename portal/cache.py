"""The site-wide content version behind the anonymous page cache.

Every cached page is stored under the current version, so invalidation is one write: bump
the version when anything a public page may show changes, and every cached page becomes
unreachable at once (it then expires by itself). This is coarse on purpose: the portal is
read far more often than it is edited, and a precise dependency graph (which listing shows
which enterprise) would be wrong sooner or later.
"""

import math
import time
from functools import cache

from django.apps import apps
from django.conf import settings
from django.core.cache import cache as default_cache
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

VERSION_KEY = "portal:content-version"


def content_version():
    """The current content version: the time of the last change that public pages show."""
    version = default_cache.get(VERSION_KEY)
    if version is None:
        version = time.time()
        default_cache.add(VERSION_KEY, version, timeout=None)
        version = default_cache.get(VERSION_KEY) or version
    return version


def last_modified():
    """The content version as whole seconds, for the Last-Modified header."""
    return math.ceil(content_version())


def bump_content_version(**_kwargs):
    current = default_cache.get(VERSION_KEY) or 0
    default_cache.set(VERSION_KEY, max(time.time(), current + 0.001), timeout=None)


@cache
def invalidating_models():
    """Models whose saves and deletions change what public pages show."""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection, Site
    from wagtail.snippets.models import get_snippet_models

    chosen = {Redirect, Site, Collection, get_image_model(), get_document_model()}
    chosen.update(get_snippet_models())
    chosen.update(
        model
        for model in apps.get_models()
        if issubclass(model, (BaseSiteSetting, BaseGenericSetting))
    )
    chosen.update(apps.get_model(label) for label in settings.PAGE_CACHE_INVALIDATING_MODELS)
    return frozenset(chosen)


def _on_save(sender, instance, raw=False, update_fields=None, **_kwargs):
    if sender in invalidating_models():
        bump_content_version()


def _on_delete(sender, instance, **_kwargs):
    if isinstance(instance, Page) or sender in invalidating_models():
        bump_content_version()


def connect_signals():
    signals = (
        page_published,
        page_unpublished,
        post_page_move,
        page_slug_changed,
        published,
        unpublished,
    )
    for signal in signals:
        signal.connect(bump_content_version, dispatch_uid=f"portal-cache-{id(signal)}")
    post_save.connect(_on_save, dispatch_uid="portal-cache-save")
    post_delete.connect(_on_delete, dispatch_uid="portal-cache-delete")
