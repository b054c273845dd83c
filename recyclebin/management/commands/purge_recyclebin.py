from django.conf import settings
from django.core.management.base import BaseCommand

from recyclebin.bin import purge


class Command(BaseCommand):
    help = (
        "Delete for good the pages and documents that have waited in the recycle bin longer "
        "than RECYCLEBIN_RETENTION_DAYS (or --days). Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.RECYCLEBIN_RETENTION_DAYS,
            help="Keep items deleted within this many days (default %(default)s).",
        )

    def handle(self, *args, days, **options):
        pages, documents = purge(days)
        self.stdout.write(
            f"Recycle bin: removed {pages} pages and {documents} documents older than {days} days."
        )
