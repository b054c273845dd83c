"""Demo loader step: rebuild the search index once the other loaders have run.

Keep "search.demo" LAST in DEMO_LOADERS so it sees every other app's demo content.
"""

from search import registry


def load(command, **options):
    total = registry.rebuild(log=lambda message: None)
    command.stdout.write(f"Search index: {total} entries.")
