"""One loader per domain; `load_demo` runs them in this order, each in its own transaction."""

ORDER = [
    "demo.loaders.news",
    "demo.loaders.documents",  # before zones: a cluster links the registry entry of its decision
    "demo.loaders.zones",
    "demo.loaders.enterprises",  # after zones: enterprises sit in a zone
    "demo.loaders.indicators",
    "demo.loaders.exemplars",
    "demo.loaders.reports",
    "demo.loaders.search",  # last: it indexes what the others wrote
]
