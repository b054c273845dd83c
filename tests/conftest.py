import pytest

from tests.factories import make_home, make_section


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def section(home):
    return make_section(home)


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Every test starts with empty caches: page cache, rate-limit counts, renditions."""
    from django.core.cache import caches

    for alias in caches:
        caches[alias].clear()
    yield
