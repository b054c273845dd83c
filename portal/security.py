"""Sign-in protection: login throttling (django-axes) and bilingual refusal pages."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation

from axes.backends import AxesStandaloneBackend

from portal.languages import LANGUAGE_CODES, VIETNAMESE


class ThrottledLoginBackend(AxesStandaloneBackend):
    """Axes' lockout check for sign-ins that come through a web form.

    Axes refuses to authenticate without a request; sign-ins without one (the test client's
    `login()`, management commands) have no address to throttle, so they pass to the next
    backend instead of failing.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


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


def lockout_response(request, original_response=None, credentials=None):
    """Axes' answer once an address has failed too often: 429 in both languages."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return bilingual_response(
        request,
        "portal/security/locked_out.html",
        status=429,
        context={"minutes": minutes},
        headers={"Retry-After": str(minutes * 60)},
    )
