from django.core.management.base import BaseCommand

from search import registry
from search.backends import get_mirror_backend


class Command(BaseCommand):
    help = (
        "Rebuild the archive search index from the published content. The database "
        "entries are rewritten in one transaction; with ELASTICSEARCH_URL set, a new "
        "versioned Elasticsearch index is filled and the alias switched to it, so readers "
        "never see an empty or half-built index."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild", action="store_true", help="Rebuild every entry (the only mode)."
        )
        parser.add_argument(
            "--elasticsearch-only",
            action="store_true",
            help="Keep the database entries and only rebuild the Elasticsearch index from them.",
        )

    def handle(self, *args, **options):
        if not options["rebuild"]:
            self.stdout.write("Nothing to do: pass --rebuild to rebuild the search index.")
            return
        if options["elasticsearch_only"]:
            backend = get_mirror_backend()
            if backend is None:
                self.stderr.write("ELASTICSEARCH_URL is not set: no cluster to rebuild.")
                return
            backend.rebuild(log=self.stdout.write)
            return
        total = registry.rebuild(log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {total} entries."))
