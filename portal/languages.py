"""Which languages the site speaks, and how to reach the same page in the other one."""

from urllib.parse import urlencode

from django.conf import settings
from django.utils import translation

VIETNAMESE = "vi"
ENGLISH = "en"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
LANGUAGE_NAMES = {VIETNAMESE: "Tiếng Việt", ENGLISH: "English"}


def translated(obj, field, language):
    """`obj`'s `field` as written in `language` (`title_en` for "title" in English), or ""
    when that side is empty: whether to fall back to Vietnamese is the caller's choice."""
    return getattr(obj, f"{field}_{language}") or ""


def page_url_in(page, language, request=None):
    """The page's URL as a reader of `language` reaches it (`/en/...` with English slugs)."""
    with translation.override(language):
        return page.get_url(request=request)


def switch_language_url(request, page, language):
    """The URL of what the reader is looking at, in `language`.

    Keeps the sub-route of a routable page (a section's year, month or topic archive)
    and the query string, so switching language never drops the reader on a bare page.
    """
    current_url = page.get_url(request=request)
    target_url = page_url_in(page, language, request)
    path = request.path
    remainder = path[len(current_url) :] if current_url and path.startswith(current_url) else ""
    query = request.GET.copy()
    query.pop("page", None)
    query_string = f"?{urlencode(sorted(query.lists()), doseq=True)}" if query else ""
    return f"{target_url}{remainder}{query_string}"
