"""Demo conference reports from content/reports.json: the 2018 twenty-years conference and
the 2020 Hai Duong review of the Red River Delta bloc."""

from datetime import date
from decimal import Decimal

from django.utils.html import escape

from demo.data import read_content
from demo.drawings import demo_pdf
from demo.pages import home_page, upsert_child_page, upsert_child_page_with_children
from reports.models import ConferenceReportIndexPage, ConferenceReportPage


def _paragraphs(texts):
    return [("paragraph", f"<p>{escape(text)}</p>") for text in texts]


def _date(value):
    return value and date.fromisoformat(value)


def _write_report(index, report):
    start_date = _date(report["start_date"])
    full_report = demo_pdf(report["title_vi"][:60], [start_date.isoformat()])
    key_figures = [
        {**figure, "value": Decimal(figure["value"])} for figure in report["key_figures"]
    ]
    _page, changed = upsert_child_page_with_children(
        index,
        ConferenceReportPage,
        slug_vi=report["slug_vi"],
        children={
            "participants": report["participants"],
            "key_figures": key_figures,
            "resolutions": report["resolutions"],
        },
        slug_en=report["slug_en"],
        title_vi=report["title_vi"],
        title_en=report["title_en"],
        start_date=start_date,
        end_date=_date(report["end_date"]),
        place_vi=report["place_vi"],
        place_en=report["place_en"],
        organiser_vi=report["organiser_vi"],
        organiser_en=report["organiser_en"],
        summary_vi=report["summary_vi"],
        summary_en=report["summary_en"],
        body_vi=_paragraphs(report["body_vi"]),
        body_en=_paragraphs(report["body_en"]),
        full_report=full_report,
    )
    return changed


def load(command, **options):
    content = read_content("reports.json")
    index, _changed = upsert_child_page(
        home_page(), ConferenceReportIndexPage, show_in_menus=True, **content["index"]
    )
    reports = content["reports"]
    written = sum(int(_write_report(index, report)) for report in reports)
    command.stdout.write(f"Conference reports: {len(reports)} reports ({written} written).")
