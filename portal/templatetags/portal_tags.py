from django import template
from django.urls import translate_url
from django.utils import translation

from portal.languages import LANGUAGE_CODES, LANGUAGE_NAMES, switch_language_url

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language to what the reader is looking at now."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    links = []
    for code in LANGUAGE_CODES:
        if page is not None and hasattr(page, "available_languages"):
            url = switch_language_url(request, page, code)
        else:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {"code": code, "name": LANGUAGE_NAMES[code], "url": url, "current": code == current}
        )
    return links
