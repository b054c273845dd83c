from django.core.cache import cache
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
    """Each test starts with an empty cache (Wagtail caches site root paths per language)."""
    cache.clear()
    yield
    cache.clear()
    translation.deactivate()
