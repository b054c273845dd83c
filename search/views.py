"""The archive search page and its JSON API (results, facets and suggestions)."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.ratelimit import rate_limited
from portal.languages import ENGLISH, LANGUAGE_NAMES, VIETNAMESE
from search import backends
from search.models import KIND_CHOICES
from search.query import MAX_QUERY_LENGTH, SORT_DATE, SORT_RELEVANCE, InvalidSearch, parse_request

KIND_LABELS = dict(KIND_CHOICES)
FACET_PARAMS = {"kind": "type", "year": "year", "zone": "zone", "section": "section"}


def _query_string(params, **changes):
    merged = {key: list(values) for key, values in params.lists() if key != "page"}
    for key, values in changes.items():
        if values:
            merged[key] = values
        else:
            merged.pop(key, None)
    pairs = [(key, value) for key in sorted(merged) for value in merged[key] if value != ""]
    return urlencode(pairs)


def _facet_groups(results, params):
    titles = {"kind": _("Type"), "year": _("Year"), "zone": _("Zone"), "section": _("Section")}
    groups = []
    for name, values in results.facets.items():
        param = FACET_PARAMS[name]
        chosen = [str(value) for value in params.getlist(param)]
        options = []
        for value, count in values:
            value_text = str(value)
            selected = value_text in chosen
            toggled = [v for v in chosen if v != value_text] if selected else [*chosen, value_text]
            options.append(
                {
                    "label": KIND_LABELS.get(value, value) if name == "kind" else value_text,
                    "count": count,
                    "selected": selected,
                    "query": _query_string(params, **{param: toggled}),
                }
            )
        if options:
            groups.append({"name": name, "title": titles[name], "options": options})
    return groups


@rate_limited("search")
def search_page(request):
    reader_language = translation.get_language()
    other_language = ENGLISH if reader_language == VIETNAMESE else VIETNAMESE
    context = {
        "search_query": request.GET.get("q", "")[:MAX_QUERY_LENGTH],
        "include_other": request.GET.get("lang") == "all",
        "other_language_name": LANGUAGE_NAMES[other_language],
        "sort": request.GET.get("sort") or SORT_RELEVANCE,
        "results": None,
    }
    try:
        search_request = parse_request(request.GET, reader_language)
    except InvalidSearch as error:
        context["error"] = str(error)
        return render(request, "search/search_page.html", context, status=400)
    if not search_request.is_empty():
        results = backends.search(search_request)
        context.update(
            {
                "results": results,
                "hits": [
                    {
                        "hit": hit,
                        "kind_label": KIND_LABELS.get(hit.kind, hit.kind),
                        "language_name": LANGUAGE_NAMES.get(hit.language, hit.language),
                    }
                    for hit in results.hits
                ],
                "facet_groups": _facet_groups(results, request.GET),
                "sort_links": [
                    (SORT_RELEVANCE, _("Relevance"), _query_string(request.GET, sort=[])),
                    (SORT_DATE, _("Newest first"), _query_string(request.GET, sort=[SORT_DATE])),
                ],
                "page_number": search_request.page,
                "previous_query": _query_string(request.GET, page=[])
                + f"&page={search_request.page - 1}"
                if search_request.page > 1
                else "",
                "next_query": _query_string(request.GET) + f"&page={search_request.page + 1}"
                if search_request.page < results.page_count
                else "",
            }
        )
    return render(request, "search/search_page.html", context)


def _api_language(request):
    lang = request.GET.get("lang", "")
    return lang if lang in (VIETNAMESE, ENGLISH) else VIETNAMESE


@rate_limited("search")
def api_search(request):
    """GET /api/search/?q=&lang=&type=&year=&zone=&section=&sort=&page="""
    language = _api_language(request)
    with translation.override(language):
        try:
            search_request = parse_request(request.GET, language)
        except InvalidSearch as error:
            return JsonResponse({"error": str(error)}, status=400)
        if search_request.is_empty():
            return JsonResponse(
                {
                    "query": search_request.text,
                    "total": 0,
                    "total_is_exact": True,
                    "page": 1,
                    "pages": 1,
                    "results": [],
                    "facets": {},
                }
            )
        results = backends.search(search_request)
        return JsonResponse(
            {
                "query": search_request.text,
                "backend": results.backend,
                "languages": search_request.languages,
                "total": results.total,
                "total_is_exact": results.total_is_exact,
                "page": search_request.page,
                "pages": results.page_count,
                "results": [hit.as_json() for hit in results.hits],
                "facets": {
                    FACET_PARAMS[name]: [
                        {"value": value, "count": count} for value, count in values
                    ]
                    for name, values in results.facets.items()
                },
            },
            json_dumps_params={"ensure_ascii": False},
        )


@rate_limited("suggest")
def api_suggest(request):
    """GET /api/search/suggest/?q=&lang= : quick completions for the header search box."""
    language = _api_language(request)
    text = request.GET.get("q", "").strip()
    with translation.override(language):
        if len(text) > MAX_QUERY_LENGTH:
            return JsonResponse(
                {
                    "error": _("The search text is too long: keep it under %(limit)s characters.")
                    % {"limit": MAX_QUERY_LENGTH}
                },
                status=400,
            )
    suggestions = backends.suggest(text, [language]) if len(text) >= 2 else []
    return JsonResponse(
        {"query": text, "suggestions": suggestions}, json_dumps_params={"ensure_ascii": False}
    )
