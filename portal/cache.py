"""The site-wide content version behind the anonymous page cache.

Every cached page is stored under the current version, so invalidation is one write: bump
the version when anything a public page may show changes, and every cached page becomes
unreachable at once (it then expires by itself). This is coarse on purpose: the portal is
read far more often than it is edited, and a precise dependency graph (which listing shows
which enterprise) would be wrong sooner or later.

The version is read once when a request begins (PageCacheMiddleware pins it), and the
same version keys the small per-process copies that every page reads (`per_content_version`).
"""

import math
import time
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from django.apps import apps
from django.conf import settings
from django.core.cache import cache as default_cache
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

VERSION_KEY = "portal:content-version"

# The version read when the request began: one cache read per request, and one version for
# everything the request renders.
_version_in_request = ContextVar("portal_content_version", default=None)
_per_version_copies = {}


def content_version():
    """The current content version: the time of the last change that public pages show."""
    version = _version_in_request.get()
    return version if version is not None else _shared_content_version()


def _shared_content_version():
    version = default_cache.get(VERSION_KEY)
    if version is None:
        version = time.time()
        default_cache.add(VERSION_KEY, version, timeout=None)
        version = default_cache.get(VERSION_KEY) or version
    return version


@contextmanager
def content_version_pinned():
    """Read the content version once for the code inside (a request)."""
    token = _version_in_request.set(_shared_content_version())
    try:
        yield
    finally:
        _version_in_request.reset(token)


def last_modified():
    """The content version as whole seconds, for the Last-Modified header."""
    return math.ceil(content_version())


def bump_content_version(**_kwargs):
    current = default_cache.get(VERSION_KEY) or 0
    version = max(time.time(), current + 0.001)
    default_cache.set(VERSION_KEY, version, timeout=None)
    if _version_in_request.get() is not None:
        _version_in_request.set(version)


def per_content_version(name, build):
    """`build()`, computed once per process and content version.

    For what every page reads and only a publish or an edit changes (the menu, the private
    sections, the registry's numbers): a dictionary lookup instead of a query or a cache
    round trip, rebuilt on the first request after anything changes.
    """
    version = content_version()
    held = _per_version_copies.get(name)
    if held is not None and held[0] == version:
        return held[1]
    value = build()
    _per_version_copies[name] = (version, value)
    return value


def shared_per_content_version(key, build, timeout=24 * 60 * 60):
    """`build()`, computed once per content version and shared by every process.

    For aggregates over many rows that a page shows beside its own content (a section's
    archive years, its topics, how many articles a listing has): one cache read instead of
    a scan. `build()` must not return None.
    """
    versioned_key = f"portal:derived:{content_version()}:{key}"
    value = default_cache.get(versioned_key)
    if value is None:
        value = build()
        default_cache.set(versioned_key, value, timeout)
    return value


@cache
def invalidating_models():
    """Models whose saves and deletions change what public pages show."""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection, Site
    from wagtail.snippets.models import get_snippet_models

    chosen = {
        Redirect,
        Site,
        Collection,
        PageViewRestriction,
        get_image_model(),
        get_document_model(),
    }
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
