"""The demo site: the facts it is built from, our own demo text, and the loaders that build it.

Why one app and not a `demo.py` in every domain app: the demo is a consumer of every domain,
like a fixture, and it has an order (documents before the clusters that cite them, the search
index last). Kept in one place, the import arrow points one way only, from `demo` to the
domain apps; no domain app imports `demo`, so a site could run without it. The domain apps
keep what the site needs to run (models, indexers, feeds); the demo keeps what a newcomer
needs to see the site full.

- `facts/`: the facts the demo builds from (names, numbers, dates), as gathered from the
  authority's published news. Only facts: they are read, never shown as prose.
- `content/`: our own writing for each record (articles, zone notes, document summaries,
  profiles, reports), one JSON file per domain, so no loader carries prose in code branches.
- `loaders/<domain>.py`: one `load(command, **options)` per domain, run in the order of
  `loaders.ORDER` by `manage.py load_demo`; each writes only what changed.
- `pages.py` (idempotent page writing and the home page) and `drawings.py` (pictures and
  PDFs drawn with Pillow, so nothing is downloaded).

Everything is read from inside this package: nothing outside the checkout.
"""
