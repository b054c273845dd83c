"""Refusal answers in both languages: a page for readers, JSON for API clients.

Everything that turns a request away before or instead of its view (a control character in
the address, the database away, too many requests or failed sign-ins) answers through these,
so every refusal looks alike and says the same thing in Vietnamese and English.
"""

from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation

from portal.languages import LANGUAGE_CODES, VIETNAMESE


def bilingual_response(request, template_name, status, context=None, headers=None):
    """Render a refusal page with both languages on it, the request's language first."""
    language = translation.get_language_from_path(request.path) or translation.get_language()
    if language not in LANGUAGE_CODES:
        language = VIETNAMESE
    languages = [language, *(code for code in LANGUAGE_CODES if code != language)]
    body = loader.render_to_string(
        template_name, {"language": language, "languages": languages, **(context or {})}
    )
    response = HttpResponse(body, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def wants_json(request):
    """API clients get refusals as JSON; readers get a page."""
    return request.path.startswith("/api/") or "json" in request.headers.get("Accept", "")


def bilingual_json(error, message, status, headers=None):
    """A JSON refusal: `message` (a lazy translation) in every language, and in the active
    one."""
    messages = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            messages[code] = str(message)
    language = translation.get_language() if translation.get_language() in messages else VIETNAMESE
    response = JsonResponse(
        {"error": error, "message": messages[language], "messages": messages}, status=status
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response
