"""Which models the archive search covers, and how their rows in `SearchEntry` are built.

Each app registers its public models once, from its `search_indexers.py`, which the app's
own ready() imports:

    from search import registry
    from search.entries import page_entry, page_languages

    def zone_entries(zone):
        for language in page_languages(zone):
            title = translated(zone, "title", language) or zone.title_vi
            yield page_entry(zone, language, title=title, zones=[title],
                             body=[translated(zone, "intro", language)])

    registry.register("zone", IndustrialZonePage, zone_entries)

Entries are the dicts `search.entries.search_entry` (or `page_entry`) builds: `language`,
`title` and `url`, and optionally `body`, `date` (a datetime or date), `zones` (a list of
names), `section`, `document_number` and `document_number_key` (else folded from the
number). Folding and the year are added here. Page models are indexed only while live and
public; other models while `should_index(obj)` is true (default: always).

An indexer that needs lookups shared by many objects (a directory page, the zones' names)
passes `context=`: a function called once per batch whose result reaches
`build_entries(obj, context)`. An indexer whose entries depend on pages of another type
(an enterprise's URL on the directory page, its zone facet on the zone page) passes
`depends_on={PageModel: find}`, where `find(page)` gives the primary keys to re-index
when such a page is published, unpublished, moved, made private or deleted.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import Page

from portal.text import fold_document_number, fold_vietnamese, normalize_nfc
from search.models import KINDS, SearchEntry, join_zones
from search.names import title_key

logger = logging.getLogger(__name__)

BATCH_SIZE = 500


@dataclass
class Indexer:
    kind: str
    model: type
    build_entries: Callable[..., Iterable[dict]]
    queryset: Callable[[], Iterable] | None = None
    should_index: Callable[[object], bool] | None = None
    context: Callable[[], object] | None = None
    depends_on: dict = field(default_factory=dict)

    @property
    def is_page(self):
        return issubclass(self.model, Page)

    def objects(self):
        """Everything to index on a rebuild (pages: already live and public)."""
        if self.queryset is not None:
            return self.queryset()
        if self.is_page:
            return self.model.objects.live().public()
        return self.model.objects.all()

    def indexable(self, obj):
        if self.is_page:
            if not obj.live or obj.get_view_restrictions().exists():
                return False
        return self.should_index is None or self.should_index(obj)

    def make_context(self):
        return self.context() if self.context is not None else None

    def entries_of(self, obj, context):
        if self.context is None:
            return self.build_entries(obj)
        return self.build_entries(obj, context)


_indexers: dict[type, Indexer] = {}


def register(
    kind, model, build_entries, *, queryset=None, should_index=None, context=None, depends_on=None
):
    """Make `model` searchable as `kind`; see the module docstring for the entry format."""
    if kind not in KINDS:
        raise ValueError(f"Unknown search kind {kind!r}; expected one of {KINDS}")
    _indexers[model] = Indexer(
        kind, model, build_entries, queryset, should_index, context, dict(depends_on or {})
    )
    from search.signals import connect_model

    connect_model(_indexers[model])


def unregister(model):
    from search.signals import disconnect_model

    indexer = _indexers.pop(model, None)
    if indexer is not None:
        disconnect_model(indexer)


def indexers():
    return list(_indexers.values())


def indexer_for(obj_or_model):
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    return _indexers.get(model)


def dependency_models():
    """The page types other indexers' entries depend on."""
    return {page_model for indexer in indexers() for page_model in indexer.depends_on}


def _as_datetime(value):
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    if isinstance(value, date):
        return timezone.make_aware(datetime(value.year, value.month, value.day))
    raise TypeError(f"Search entry dates must be dates or datetimes, not {type(value)}")


def make_entry(indexer, obj, data, content_type):
    """A SearchEntry (unsaved) from an indexer's dict, with folding and derived columns."""
    title = normalize_nfc(data["title"] or "")[:500]
    body = normalize_nfc(data.get("body") or "")
    when = _as_datetime(data.get("date"))
    number = normalize_nfc(data.get("document_number") or "")[:100]
    number_key = data.get("document_number_key") or (fold_document_number(number) if number else "")
    zones = data.get("zones") or ()
    return SearchEntry(
        content_type=content_type,
        object_id=obj.pk,
        language=data["language"],
        kind=data.get("kind", indexer.kind),
        title=title,
        folded_title=fold_vietnamese(title),
        title_key=title_key(title),
        body=body,
        folded_body=fold_vietnamese(body),
        url=data["url"],
        date=when,
        year=timezone.localtime(when).year if when else None,
        zone=join_zones(normalize_nfc(name)[:200] for name in zones)[:1000],
        section=normalize_nfc(data.get("section") or "")[:200],
        document_number=number,
        document_number_key=number_key[:100],
    )


def build_entries(obj, indexer=None, context=None):
    indexer = indexer or indexer_for(obj)
    if indexer is None or not indexer.indexable(obj):
        return []
    if context is None:
        context = indexer.make_context()
    content_type = ContentType.objects.get_for_model(indexer.model)
    return [
        make_entry(indexer, obj, data, content_type) for data in indexer.entries_of(obj, context)
    ]


def _mirror():
    from search.backends import get_mirror_backend

    return get_mirror_backend()


def _mirror_call(method, *args):
    mirror = _mirror()
    if mirror is None:
        return
    try:
        getattr(mirror, method)(*args)
    except Exception:  # noqa: BLE001 - a cluster outage must never break publishing
        logger.warning("Search mirror %s failed; run search_index --rebuild later", method)


def index_object(obj):
    """Bring the entries of one object in line with its current state."""
    indexer = indexer_for(obj)
    if indexer is None:
        return []
    content_type = ContentType.objects.get_for_model(indexer.model)
    entries = build_entries(obj, indexer)
    with transaction.atomic():
        SearchEntry.objects.filter(content_type=content_type, object_id=obj.pk).delete()
        SearchEntry.objects.bulk_create(entries)
    _mirror_call("replace_object", content_type.pk, obj.pk, entries)
    return entries


def index_objects(model, object_ids):
    """Bring many objects of one model in line, in batches (bulk writes skip save())."""
    indexer = indexer_for(model)
    ids = list(dict.fromkeys(object_ids))
    if indexer is None or not ids:
        return 0
    content_type = ContentType.objects.get_for_model(indexer.model)
    context = indexer.make_context()
    total = 0
    for start in range(0, len(ids), BATCH_SIZE):
        chunk = ids[start : start + BATCH_SIZE]
        entries = []
        for obj in indexer.objects().filter(pk__in=chunk):
            if indexer.should_index is not None and not indexer.should_index(obj):
                continue
            entries.extend(
                make_entry(indexer, obj, data, content_type)
                for data in indexer.entries_of(obj, context)
            )
        with transaction.atomic():
            SearchEntry.objects.filter(content_type=content_type, object_id__in=chunk).delete()
            SearchEntry.objects.bulk_create(entries)
        _mirror_call("replace_objects", content_type.pk, chunk, entries)
        total += len(entries)
    return total


def remove_object(model, pk):
    indexer = indexer_for(model)
    if indexer is None:
        return
    content_type = ContentType.objects.get_for_model(indexer.model)
    SearchEntry.objects.filter(content_type=content_type, object_id=pk).delete()
    _mirror_call("replace_object", content_type.pk, pk, [])


def dependent_ids(page):
    """{model: primary keys} of the objects whose entries depend on `page`."""
    found = {}
    for indexer in indexers():
        for page_model, find in indexer.depends_on.items():
            if isinstance(page, page_model):
                found.setdefault(indexer.model, []).extend(find(page))
    return found


def reindex_dependents(page, found=None):
    """Re-index what depends on `page` (`found`: ids collected before a deletion)."""
    for model, ids in (dependent_ids(page) if found is None else found).items():
        index_objects(model, ids)


def reindex_page_tree(page):
    """Re-index a page and everything under it (after a move or a privacy change)."""
    indexed = {indexer.model for indexer in indexers() if indexer.is_page}
    page_models = indexed | dependency_models()
    if not page_models:
        return
    subtree = Page.objects.descendant_of(page, inclusive=True).type(*page_models)
    for descendant in subtree.specific().iterator(chunk_size=200):
        if type(descendant) in indexed:
            index_object(descendant)
        reindex_dependents(descendant)


def analyze():
    """Refresh the planner statistics the embedded full-text queries depend on."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("ANALYZE")
            cursor.execute("INSERT INTO search_entry_fts(search_entry_fts) VALUES ('optimize')")
        elif connection.vendor == "postgresql":
            cursor.execute("ANALYZE search_searchentry")


def rebuild(log=None, mirror=True):
    """Rebuild every entry from the registered indexers; returns the number of entries."""
    log = log or (lambda message: None)
    total = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for indexer in indexers():
            content_type = ContentType.objects.get_for_model(indexer.model)
            context = indexer.make_context()
            batch = []
            count = 0
            for obj in indexer.objects().iterator(chunk_size=BATCH_SIZE):
                if indexer.should_index is not None and not indexer.should_index(obj):
                    continue
                batch.extend(
                    make_entry(indexer, obj, data, content_type)
                    for data in indexer.entries_of(obj, context)
                )
                if len(batch) >= BATCH_SIZE:
                    SearchEntry.objects.bulk_create(batch)
                    count += len(batch)
                    batch = []
            SearchEntry.objects.bulk_create(batch)
            count += len(batch)
            total += count
            log(f"{indexer.kind}: {indexer.model.__name__}, {count} entries")
    analyze()
    if mirror:
        backend = _mirror()
        if backend is not None:
            backend.rebuild(log=log)
    return total
