"""Public views of the directory, served through EnterpriseDirectoryPage's routes."""

import csv
import io
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext

from openpyxl import Workbook

from accounts.ratelimit import rate_limited

from .directory import PER_PAGE, SORTS, filtered_enterprises, read_filters
from .models import Enterprise
from .transfer import COLUMNS, export_rows


def _query_without_page(request):
    query = request.GET.copy()
    query.pop("page", None)
    return urlencode(sorted(query.lists()), doseq=True)


# What a row of the directory table shows (enterprise_directory_page.html).
DIRECTORY_ROW_FIELDS = (
    "name_vi",
    "name_en",
    "zone__title_vi",
    "zone__title_en",
    "country",
    "sector",
    "registered_capital_usd",
    "certificate_date",
    "status",
)


@rate_limited("directory")
def directory(page, request):
    form, filters, messages = read_filters(request.GET)
    enterprises = filtered_enterprises(filters).select_related("zone").only(*DIRECTORY_ROW_FIELDS)
    paginator = Paginator(enterprises, PER_PAGE)
    results = paginator.get_page(request.GET.get("page"))
    base_url = page.url
    query = _query_without_page(request)
    export_query = urlencode(sorted(filters.items()))
    response = page.render(
        request,
        template="enterprises/enterprise_directory_page.html",
        context_overrides={
            "form": form,
            "filter_messages": messages,
            "results": results,
            "rows": [(enterprise, f"{base_url}{enterprise.pk}/") for enterprise in results],
            "query_prefix": query,
            "sort_names": SORTS,
            "csv_url": f"{base_url}export/csv/" + (f"?{export_query}" if export_query else ""),
            "xlsx_url": f"{base_url}export/xlsx/" + (f"?{export_query}" if export_query else ""),
        },
    )
    if messages:
        response.status_code = 400
    return response


def enterprise_detail(page, request, enterprise_id):
    enterprise = Enterprise.objects.select_related("zone").filter(pk=enterprise_id).first()
    if enterprise is None:
        raise Http404
    return page.render(
        request,
        template="enterprises/enterprise_detail.html",
        context_overrides={"enterprise": enterprise, "directory_url": page.url},
    )


def _export_name(extension):
    return f"doanh-nghiep-kcn-bac-ninh-{timezone.localdate():%Y%m%d}.{extension}"


class _Echo:
    """csv.writer needs a file; this one hands each line back instead of storing it."""

    def write(self, value):
        return value


def _export_rows(filters):
    return export_rows(filtered_enterprises(filters))


@rate_limited("directory-export")
def export_csv(page, request):
    _form, filters, _messages = read_filters(request.GET)
    writer = csv.writer(_Echo())
    language = translation.get_language()

    def lines():
        with translation.override(language):
            yield "\ufeff"
            yield writer.writerow([column.key for column in COLUMNS])
            for row in _export_rows(filters):
                yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_export_name("csv")}"'
    return response


@rate_limited("directory-export")
def export_xlsx(page, request):
    _form, filters, _messages = read_filters(request.GET)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(gettext("Enterprises")[:31])
    sheet.append([column.key for column in COLUMNS])
    for row in _export_rows(filters):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{_export_name("xlsx")}"'
    return response
