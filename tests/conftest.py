from django.core.cache import caches
from django.utils import translation

import pytest

from tests.factories import make_home, make_section


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def section(home):
    return make_section(home)


@pytest.fixture(autouse=True)
def fresh_cache_and_language():
    """Each test starts with empty caches (Wagtail caches site root paths per language; the
    page cache, rate-limit counts and renditions live in caches too)."""
    for alias in caches:
        caches[alias].clear()
    yield
    for alias in caches:
        caches[alias].clear()
    translation.deactivate()
