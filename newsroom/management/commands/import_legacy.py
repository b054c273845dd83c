from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsroom.importer import CREATED, FAILED, UNCHANGED, UPDATED, import_file

OUTCOME_LABELS = {CREATED: "created", UPDATED: "updated", UNCHANGED: "unchanged", FAILED: "ERROR"}


def _iso_date(value):
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--date must look like 2022-07-27, not {value!r}") from error


class Command(BaseCommand):
    help = (
        "Import text exports of the old site as news articles. Recognises the three export "
        "shapes (old web page, newer site page, OCR of a printed report) and the language "
        "by itself. Each file is imported in its own transaction and gets one report line; "
        "a file that cannot be read is reported and skipped. Running it again updates the "
        "articles it created instead of adding new ones. Doubtful text (OCR damage, missing "
        "date or body) and English-only articles become drafts flagged for review."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help="export files, or folders of *.txt files"
        )
        parser.add_argument(
            "--section",
            help="news section (page id or Vietnamese slug); by default the section named in "
            "the export, or the only section there is",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="publish articles that need no review (otherwise everything is a draft)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="parse and check everything, write nothing"
        )
        parser.add_argument(
            "--date",
            type=_iso_date,
            help="publication date (YYYY-MM-DD) for exports that carry none, such as OCR",
        )

    def files(self, paths):
        for name in paths:
            path = Path(name)
            if path.is_dir():
                yield from sorted(child for child in path.rglob("*.txt") if child.is_file())
            else:
                yield path

    def handle(self, *args, **options):
        reports = []
        for path in self.files(options["paths"]):
            report = import_file(
                path,
                section=options["section"],
                publish=options["publish"],
                dry_run=options["dry_run"],
                fallback_date=options["date"],
            )
            reports.append(report)
            self.write_line(report)
        failed = sum(report.outcome == FAILED for report in reports)
        summary = ", ".join(
            f"{sum(r.outcome == outcome for r in reports)} {label}"
            for outcome, label in OUTCOME_LABELS.items()
            if outcome != FAILED
        )
        prefix = "Dry run, nothing written: " if options["dry_run"] else ""
        self.stdout.write(f"{prefix}{summary}, {failed} failed.")
        if failed:
            raise CommandError(f"{failed} of {len(reports)} files could not be imported.")

    def write_line(self, report):
        if report.outcome == FAILED:
            message = report.error
            if not message.startswith(report.path.name):
                message = f"{report.path.name}: {message}"
            self.stderr.write(self.style.ERROR(f"ERROR     {message}"))
            return
        stamp = report.published_at.strftime("%Y-%m-%d %H:%M") if report.published_at else "-"
        state = "live" if report.live else "draft"
        line = (
            f'{OUTCOME_LABELS[report.outcome]:<9} {report.path.name}: "{report.title}" '
            f"| {stamp} | {report.language} | {report.shape} | {report.words} words | {state}"
        )
        if report.warnings:
            line += " | warnings: " + "; ".join(report.warnings)
        style = self.style.WARNING if report.warnings else self.style.SUCCESS
        self.stdout.write(style(line))
