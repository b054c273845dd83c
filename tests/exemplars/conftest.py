from django.core.cache import cache
from django.utils import translation

import pytest


@pytest.fixture(autouse=True)
def fresh_cache_and_language():
    """Each test starts in Vietnamese with an empty cache.

    The map of known document numbers is cached, and a request to /en/ leaves English
    active in the thread, under which saving a new page would write its Vietnamese slug
    into slug_en (BilingualPage.fill_slugs assigns `slug`, which follows the language).
    """
    cache.clear()
    translation.activate("vi")
    yield
    cache.clear()
    translation.activate("vi")
