from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from enterprises.transfer import COLUMN_KEYS, ImportRejected, import_file


class Command(BaseCommand):
    help = (
        "Import enterprises from a CSV (UTF-8) or XLSX file whose first row names the columns: "
        + ", ".join(COLUMN_KEYS)
        + ". Every row is checked first; one bad row rejects the whole file and nothing is "
        "written. Enterprises already known by their certificate number are updated, not "
        "duplicated, so the same file can be imported again."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to a .csv or .xlsx file.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            result = import_file(path.name, path.read_bytes())
        except ImportRejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(problem)
            raise CommandError(
                f"{path.name} was not imported: {len(rejected.problems)} problem(s), "
                "nothing was written."
            ) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"{path.name}: {result.created} created, {result.updated} updated, "
                f"{result.unchanged} unchanged."
            )
        )
