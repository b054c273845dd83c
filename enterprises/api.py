"""The directory as JSON for investors' own tools: `/api/directory/enterprises/`.

It reads its filters with the directory page's own code (`directory.DirectoryFilterForm`,
`filtered_enterprises`), so the page and the endpoint can never disagree about what a filter
means. Unlike the page, which names a bad value and carries on, the endpoint refuses a request
it cannot answer exactly: unknown parameters or values are a 400 with a message saying why.
"""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.utils import translation
from django.views.decorators.http import require_GET

from portal.languages import LANGUAGE_CODES, VIETNAMESE
from zones.models import IndustrialZonePage, live_pages

from .directory import PER_PAGE, DirectoryFilterForm, filtered_enterprises
from .models import EnterpriseDirectoryPage

MAX_PAGE_SIZE = 100
PAGING_PARAMETERS = ("page", "page_size")
LANGUAGE_PARAMETER = "lang"


class BadRequest(Exception):
    def __init__(self, message, errors=None):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


def _error(message, errors=None, status=400):
    body = {"message": message}
    if errors:
        body["errors"] = errors
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def _positive_integer(query, name, default, maximum=None):
    raw = query.get(name, "")
    if raw == "":
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise BadRequest(f"'{name}' must be a whole number of at least 1, not '{raw[:40]}'")
    value = int(raw)
    if maximum is not None and value > maximum:
        raise BadRequest(f"'{name}' can be at most {maximum}, not {value}")
    return value


def read_api_filters(query):
    """The filters of a query, or BadRequest naming every unknown parameter or value."""
    allowed = {*DirectoryFilterForm.base_fields, *PAGING_PARAMETERS, LANGUAGE_PARAMETER}
    unknown = sorted(set(query) - allowed)
    if unknown:
        raise BadRequest(
            f"unknown parameter {', '.join(repr(name) for name in unknown)}: "
            f"the parameters are {', '.join(sorted(allowed))}"
        )
    form = DirectoryFilterForm(query)
    if not form.is_valid():
        errors = {}
        for name in form.errors:
            value = query.get(name, "")[:100]
            choices = getattr(form.fields[name], "choices", None)
            if choices:
                codes = [str(code) for code, _label in choices if code]
                errors[name] = (
                    f"unknown value '{value}' for '{name}': use one of {', '.join(codes)}"
                )
            else:
                errors[name] = f"'{name}': {' '.join(form.errors[name])}"
        raise BadRequest("; ".join(errors.values()), errors)
    return form.valid_filters()


def enterprise_json(enterprise, directory_url, public_zone_ids, request):
    zone = enterprise.zone
    return {
        "id": enterprise.pk,
        "name": enterprise.name,
        "name_vi": enterprise.name_vi,
        "name_en": enterprise.name_en,
        "zone": (
            {
                "slug": zone.slug_vi,
                "name": zone.title,
                "url": request.build_absolute_uri(zone.get_url(request)),
            }
            if zone is not None and zone.pk in public_zone_ids
            else None
        ),
        "country": enterprise.country,
        "country_name": enterprise.country_name,
        "sector": enterprise.sector,
        "sector_name": enterprise.sector_name,
        "main_products": enterprise.main_products,
        "registered_capital_usd": (
            str(enterprise.registered_capital_usd)
            if enterprise.registered_capital_usd is not None
            else None
        ),
        "employees": enterprise.employees,
        "certificate_number": enterprise.certificate_number,
        "certificate_date": (
            enterprise.certificate_date.isoformat() if enterprise.certificate_date else None
        ),
        "status": enterprise.status,
        "status_name": str(enterprise.get_status_display()),
        "website": enterprise.website,
        "html_url": (
            request.build_absolute_uri(f"{directory_url}{enterprise.pk}/")
            if directory_url
            else None
        ),
    }


def _page_link(request, number):
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@require_GET
def enterprises(request):
    """One page of the filtered directory; see README, "API"."""
    language = request.GET.get(LANGUAGE_PARAMETER, VIETNAMESE)
    if language not in LANGUAGE_CODES:
        return _error(
            f"unknown language '{language[:20]}': lang must be one of {', '.join(LANGUAGE_CODES)}"
        )
    with translation.override(language):
        try:
            filters = read_api_filters(request.GET)
            page_size = _positive_integer(request.GET, "page_size", PER_PAGE, MAX_PAGE_SIZE)
            number = _positive_integer(request.GET, "page", 1)
        except BadRequest as problem:
            return _error(problem.message, problem.errors)
        paginator = Paginator(filtered_enterprises(filters).select_related("zone"), page_size)
        if number > max(paginator.num_pages, 1):
            return _error(f"page {number} is past the last page ({paginator.num_pages})")
        page = paginator.page(number)
        directory = live_pages(EnterpriseDirectoryPage.objects.all()).first()
        directory_url = directory.get_url(request) if directory is not None else None
        # Drafts and private zones are never named: their enterprises come with "zone": null.
        public_zone_ids = set(
            IndustrialZonePage.objects.live().public().values_list("pk", flat=True)
        )
        response = JsonResponse(
            {
                "count": paginator.count,
                "page": number,
                "page_size": page_size,
                "num_pages": paginator.num_pages,
                "next": _page_link(request, number + 1) if page.has_next() else None,
                "previous": _page_link(request, number - 1) if page.has_previous() else None,
                "filters": {name: str(value) for name, value in filters.items()},
                "results": [
                    enterprise_json(enterprise, directory_url, public_zone_ids, request)
                    for enterprise in page.object_list
                ],
            },
            json_dumps_params={"ensure_ascii": False},
        )
        response["Content-Language"] = language
        return response
