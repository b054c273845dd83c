"""Conference reports in the archive search, dated by the day the conference opened."""

from portal.languages import ENGLISH, page_url_in
from search import registry
from search.entries import page_languages, parent_title, stream_field_text

from .models import ConferenceReportPage


def _translated(obj, name, language):
    value = getattr(obj, f"{name}_{language}", "") or ""
    if not value and language == ENGLISH:
        return ""
    return value or getattr(obj, f"{name}_vi", "") or ""


def report_entries(report):
    participants = [(person.name, person) for person in report.participants.all()]
    figures = list(report.key_figures.all())
    resolutions = list(report.resolutions.all())
    for language in page_languages(report):
        parts = [
            _translated(report, "summary", language),
            _translated(report, "place", language),
            _translated(report, "organiser", language),
            *(
                " ".join(filter(None, [name, _translated(person, "title", language)]))
                for name, person in participants
            ),
            *(
                " ".join(
                    filter(
                        None,
                        [
                            _translated(figure, "label", language),
                            f"{figure.value.normalize():f}",
                            _translated(figure, "unit", language),
                            _translated(figure, "period", language),
                        ],
                    )
                )
                for figure in figures
            ),
            stream_field_text(getattr(report, f"body_{language}", None)),
            *(_translated(resolution, "text", language) for resolution in resolutions),
        ]
        yield {
            "language": language,
            "title": getattr(report, f"title_{language}") or report.title_vi,
            "body": "\n".join(part for part in parts if part),
            "url": page_url_in(report, language),
            "date": report.start_date,
            "section": parent_title(report, language),
        }


registry.register("report", ConferenceReportPage, report_entries)
