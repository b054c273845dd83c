"""The archive search page. The issue on search replaces this with the full design."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import translation

from wagtail.models import Page

from portal.languages import ENGLISH
from portal.ratelimit import rate_limited

MAX_QUERY_LENGTH = 200


@rate_limited("search")
def search_page(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        pages = Page.objects.live().public().specific()
        found = pages.search(query)
        if translation.get_language() == ENGLISH:
            found = [page for page in found if getattr(page, "english_ready", True)]
        results = Paginator(list(found), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "search/search_page.html",
        {"search_query": query, "results": results},
    )
