"""One interface, two backends: the embedded database search and Elasticsearch.

`settings.SEARCH_BACKEND` picks one ("database" unless ELASTICSEARCH_URL is set). The
database entries are always kept, so when the cluster cannot answer the site answers
from the database and logs a warning instead of failing.
"""

import logging

from django.conf import settings

from search.backends.base import SearchUnavailable
from search.backends.database import DatabaseBackend

logger = logging.getLogger(__name__)

_elasticsearch = {}


def elasticsearch_backend():
    url = getattr(settings, "ELASTICSEARCH_URL", "")
    if not url:
        return None
    key = (url, settings.ELASTICSEARCH_INDEX_PREFIX)
    if key not in _elasticsearch:
        from search.backends.elastic import ElasticsearchBackend

        _elasticsearch.clear()
        _elasticsearch[key] = ElasticsearchBackend(url, settings.ELASTICSEARCH_INDEX_PREFIX)
    return _elasticsearch[key]


def get_backend():
    if getattr(settings, "SEARCH_BACKEND", "database") == "elasticsearch":
        backend = elasticsearch_backend()
        if backend is not None:
            return backend
    return DatabaseBackend()


def get_mirror_backend():
    """The backend that mirrors SearchEntry rows (Elasticsearch), or None."""
    if getattr(settings, "SEARCH_BACKEND", "database") != "elasticsearch":
        return None
    return elasticsearch_backend()


def _with_fallback(method, *args):
    backend = get_backend()
    try:
        return getattr(backend, method)(*args)
    except SearchUnavailable as error:
        logger.warning("Search backend %s unavailable (%s); using the database", backend, error)
        return getattr(DatabaseBackend(), method)(*args)


def search(request):
    return _with_fallback("search", request)


def suggest(text, languages):
    return _with_fallback("suggest", text, languages)
