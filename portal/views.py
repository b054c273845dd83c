"""Views that belong to no domain: the language choice at `/` and the error pages."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponseNotFound, HttpResponseRedirect, HttpResponseServerError
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.vary import vary_on_headers

from portal.languages import LANGUAGE_CODES, VIETNAMESE


@never_cache
@vary_on_headers("Accept-Language")
def choose_language(request):
    """`/` sends the reader to `/vi/` or `/en/` by Accept-Language, Vietnamese by default."""
    language = translation.get_language_from_request(request, check_path=False)
    if language not in LANGUAGE_CODES:
        language = VIETNAMESE
    return HttpResponseRedirect(f"/{language}/")


def _language_of_path(path):
    first_segment = path.lstrip("/").split("/", 1)[0]
    return first_segment if first_segment in LANGUAGE_CODES else VIETNAMESE


def page_not_found(request, exception=None):
    with translation.override(_language_of_path(request.path)):
        body = loader.render_to_string("404.html", {"request_path": request.path}, request)
    return HttpResponseNotFound(body)


def server_error(request):
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        from portal.middleware import database_unavailable_response

        return database_unavailable_response(request)
    with translation.override(_language_of_path(request.path)):
        body = loader.render_to_string("500.html", {}, request=None)
    return HttpResponseServerError(body)
