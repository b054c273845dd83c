from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from portal.cache import bump_content_version

DEMO_LOADERS = [
    "news.demo",
    "documents.demo",  # before zones: a cluster links the registry entry of its decision
    "zones.demo",
    "enterprises.demo",
    "indicators.demo",
    "exemplars.demo",
    "reports.demo",
    "search.demo",
]


class Command(BaseCommand):
    help = (
        "Build a believable demo site from ../shared/facts: sections, articles, pictures and "
        "the other domains' demo content. Safe to run again: unchanged items are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enterprises",
            type=int,
            default=0,
            help="Also generate this many clearly fictional enterprises for the directory.",
        )

    def handle(self, *args, **options):
        for module_name in DEMO_LOADERS:
            with transaction.atomic():
                import_module(module_name).load(self, **options)
        # Some loaders write in bulk, which sends no signals: refresh cached pages once.
        bump_content_version()
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
