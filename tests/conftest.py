from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest

from tests.factories import make_home, make_section


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Fill the Vietnamese columns of rows Wagtail's migrations created (the root page)."""
    with django_db_blocker.unblock():
        call_command("update_translation_fields", verbosity=0)


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


@pytest.fixture
def zones_index(home):
    from tests.factories import make_zones_index

    return make_zones_index(home)


@pytest.fixture
def directory(home):
    from tests.factories import make_directory

    return make_directory(home)


@pytest.fixture
def count_queries(client):
    """`count_queries(url)` -> (queries, text): what a warm page costs, and what it showed.

    The page is fetched once first, as on a running site (site root paths cached, renditions
    made), then counted. Only a page that answered 200 is counted: an error page is cheap."""

    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        return len(queries), response.content.decode()

    return count
