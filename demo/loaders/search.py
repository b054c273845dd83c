"""Rebuild the search index once the other loaders have run (last in `loaders.ORDER`)."""

from search import registry


def load(command, **options):
    total = registry.rebuild(log=lambda message: None)
    command.stdout.write(f"Search index: {total} entries.")
