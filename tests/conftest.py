import io
from html.parser import HTMLParser

from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import translation

import pytest

from tests.factories import make_home, make_section


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Fill the Vietnamese columns of rows Wagtail's migrations created (the root page).

    The copy of the database that live-server tests (`serialized_rollback`) restore was taken
    before that, so it is taken again: each such test then starts from the same rows as the
    others, whichever ran before it on this worker."""
    with django_db_blocker.unblock():
        call_command("update_translation_fields", verbosity=0)
        for alias in connections:
            database = connections[alias]
            if hasattr(database, "_test_serialized_contents"):
                database._test_serialized_contents = database.creation.serialize_db_to_string()


@pytest.fixture(scope="module")
def demo_database(django_db_setup, django_db_blocker):
    """The whole demo, loaded once for a test module and rolled back after its last test.

    `load_demo` takes seconds; the tests that read the demo (or run the loader again to show it
    changes nothing) share one load. Each of them still asks for `db`, whose savepoint undoes
    what the test itself writes. The load uses the database search backend whatever the
    environment says, as the tests that search the demo do."""
    with (
        django_db_blocker.unblock(),
        override_settings(SEARCH_BACKEND="database", ELASTICSEARCH_URL=""),
        transaction.atomic(),
    ):
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


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


class ActiveMarkup(HTMLParser):
    """What a browser would run from a page: event-handler attributes, scripts and
    javascript: links whose code is one of HostileInput's markers. (JSON-LD is data.)"""

    script_types = {"", "text/javascript", "module", "application/javascript"}

    def __init__(self):
        super().__init__()
        self.found = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and "xss(" in value:
                self.found.append(f"<{tag} {name}={value}>")
            if name in {"href", "src", "action"} and value.lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")
        if tag == "script":
            self._in_script = (dict(attrs).get("type") or "").lower() in self.script_types

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and "xss(" in data:
            self.found.append(f"<script>{data.strip()[:40]}")


class HostileInput:
    """What a careless or hostile reader can put in a query string.

    `text` closes an attribute, opens a script and an image with a handler: a page may echo
    it only escaped. `broken_query_strings` are malformed or absurd values (an invalid page,
    ten thousand characters, bytes that are not UTF-8, a NUL) that must never cost a 500."""

    text = '"onmouseover="xss(1)"><script>xss(2)</script><img src=x onerror=xss(3)>'
    escaped = "&lt;script&gt;xss(2)&lt;/script&gt;"
    broken_values = (
        "abc",
        "-1",
        "99999",
        "99999999999999999999999",
        "%3Cscript%3Exss(2)%3C%2Fscript%3E",
        "x" * 10_000,
        "%ff",
        "%c0%af%fe",
        "%00",
        "%E2%80%AE",
    )

    def assert_inert(self, response):
        """No server error, and nothing of the markup would run in a browser."""
        assert response.status_code < 500
        text = response.content.decode()
        parser = ActiveMarkup()
        parser.feed(text)
        assert parser.found == []
        return text

    def assert_echoed_escaped(self, response):
        """The page shows what was typed, as text."""
        assert self.escaped in self.assert_inert(response)

    def assert_no_server_error(self, client, url, parameters, values=None):
        """Each parameter, given each broken value raw in the query string, answers < 500."""
        client.raise_request_exception = False
        separator = "&" if "?" in url else "?"
        for parameter in parameters:
            for value in values or self.broken_values:
                address = f"{url}{separator}{parameter}={value}"
                status = client.get(address).status_code
                assert status < 500, f"{status} for {address[:120]}"


@pytest.fixture
def hostile_input(settings):
    """HostileInput, with rate limits off so every request reaches the view under test."""
    settings.PORTAL_RATE_LIMITS_ENABLED = False
    return HostileInput()
