from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from demo.loaders import ORDER
from portal.cache import bump_content_version


class Command(BaseCommand):
    help = (
        "Build a believable demo site from the facts and text shipped in demo/: sections, "
        "articles, pictures, zones, enterprises, documents, profiles, reports and the search "
        "index. Safe to run again: unchanged items are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enterprises",
            type=int,
            default=0,
            help="Also generate this many clearly fictional enterprises for the directory.",
        )

    def handle(self, *args, **options):
        for module_name in ORDER:
            with transaction.atomic():
                import_module(module_name).load(self, **options)
        # Some loaders write in bulk, which sends no signals: refresh cached pages once.
        bump_content_version()
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
