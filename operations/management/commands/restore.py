from django.core.management.base import BaseCommand, CommandError

from operations.backup import read_manifest, restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database and media files with those in a backup archive written by "
        "`manage.py backup`. Everything currently stored is lost, so --yes is required. "
        "The search index is rebuilt afterwards unless --skip-index."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path to an iza-backup-*.tar.gz archive.")
        parser.add_argument(
            "--yes", action="store_true", help="Confirm that current content may be replaced."
        )
        parser.add_argument(
            "--skip-index", action="store_true", help="Do not rebuild the search index."
        )

    def handle(self, *args, archive, yes, skip_index, **options):
        try:
            manifest = read_manifest(archive)
        except (OSError, KeyError, ValueError) as error:
            raise CommandError(f"Cannot read {archive}: {error}") from error
        if not yes:
            raise CommandError(
                f"This replaces the whole database and media with the backup of "
                f"{manifest['created']} ({manifest['objects']} objects). "
                "Run again with --yes to go ahead."
            )
        restore_backup(archive, rebuild_index=not skip_index)
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created']}: {manifest['objects']} objects."
            )
        )
