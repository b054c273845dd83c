from django.conf import settings
from django.core.management.base import BaseCommand

from operations.backup import write_backup


class Command(BaseCommand):
    help = (
        "Write a timestamped archive (iza-backup-YYYYmmdd-HHMMSS.tar.gz) of the whole database "
        "(as portable JSON) and the media files. Restore it with `manage.py restore ARCHIVE`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=str(settings.BACKUP_DIR),
            help="Folder for the archive (default: BACKUP_DIR, %(default)s).",
        )
        parser.add_argument(
            "--no-media", action="store_true", help="Leave the media files out of the archive."
        )

    def handle(self, *args, output_dir, no_media, **options):
        path, manifest = write_backup(output_dir, include_media=not no_media)
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written: {path} ({manifest['objects']} database objects"
                f"{', media included' if manifest['media'] else ', no media'})."
            )
        )
