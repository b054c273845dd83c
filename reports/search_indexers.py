"""Conference reports in the archive search, dated by the day the conference opened."""

from portal.languages import translated
from search import registry
from search.entries import page_entry, page_languages, stream_field_text

from .models import ConferenceReportPage


def report_entries(report):
    participants = [(person.name, person) for person in report.participants.all()]
    figures = list(report.key_figures.all())
    resolutions = list(report.resolutions.all())
    for language in page_languages(report):
        parts = [
            translated(report, "summary", language),
            translated(report, "place", language),
            translated(report, "organiser", language),
            *(
                " ".join(filter(None, [name, translated(person, "title", language)]))
                for name, person in participants
            ),
            *(
                " ".join(
                    filter(
                        None,
                        [
                            translated(figure, "label", language),
                            f"{figure.value.normalize():f}",
                            translated(figure, "unit", language),
                            translated(figure, "period", language),
                        ],
                    )
                )
                for figure in figures
            ),
            stream_field_text(translated(report, "body", language)),
            *(translated(resolution, "text", language) for resolution in resolutions),
        ]
        yield page_entry(
            report,
            language,
            title=translated(report, "title", language) or report.title_vi,
            body=parts,
            date=report.start_date,
        )


registry.register("report", ConferenceReportPage, report_entries)
