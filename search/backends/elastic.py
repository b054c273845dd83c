"""The Elasticsearch backend (elasticsearch-dsl): a mirror of the SearchEntry rows.

The index's analyzers and mapping are in elastic_mapping.py. Readers query an alias;
`rebuild()` fills a new versioned index and then swaps the alias.
"""

import html
import logging
import re
import time

from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from elastic_transport import HttpHeaders, Urllib3HttpNode
from elastic_transport import TransportError as TransportLayerError
from elasticsearch import ApiError, Elasticsearch, helpers
from elasticsearch import TransportError as ClientTransportError
from elasticsearch_dsl import (
    A,
    Index,
    Q,
    Search,
)

from portal.text import fold_document_number, fold_vietnamese
from search.backends.base import (
    FACET_NAMES,
    FACET_SIZE,
    SearchHit,
    SearchResults,
    SearchUnavailable,
)
from search.backends.elastic_mapping import EntryDocument, document_id, entry_source
from search.highlight import highlight_title, snippet
from search.models import SearchEntry, join_zones, split_zones
from search.query import SORT_DATE

logger = logging.getLogger(__name__)

_COMPATIBLE_MIMETYPE = re.compile(r"application/vnd\.elasticsearch\+([a-z-]+); compatible-with=\d+")


class PlainJsonNode(Urllib3HttpNode):
    """Sends `application/json` instead of the 8.x client's compatibility mimetype.

    Elasticsearch accepts plain JSON; OpenSearch-compatible servers (osmem-server in
    the tests) reject the vendor mimetype with a 406.
    """

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        headers = HttpHeaders(headers or {})
        for name in ("accept", "content-type"):
            if name in headers:
                headers[name] = _COMPATIBLE_MIMETYPE.sub(r"application/\1", headers[name])
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)


_MARK_TAGS = re.compile(r"(</?mark>)")


def safe_fragment(fragment):
    """A cluster's highlight as safe HTML: only our <mark> tags survive, the rest escaped."""
    parts = []
    for part in _MARK_TAGS.split(fragment):
        parts.append(part if part in ("<mark>", "</mark>") else escape(html.unescape(part)))
    return mark_safe("".join(parts))


_UNAVAILABLE = (TransportLayerError, ClientTransportError, ApiError, OSError)


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, url, prefix, timeout=5):
        self.client = Elasticsearch(
            url, node_class=PlainJsonNode, request_timeout=timeout, max_retries=0
        )
        self.alias = f"{prefix}-entries"
        self._index_ready = False

    def __str__(self):
        return f"elasticsearch ({self.alias})"

    # --- index management ----------------------------------------------------------

    def _new_index(self):
        name = f"{self.alias}-{timezone.now():%Y%m%d%H%M%S}-{time.monotonic_ns() % 100000}"
        index = Index(name, using=self.client)
        index.settings(number_of_shards=1, number_of_replicas=0)
        index.document(EntryDocument)
        index.create()
        return name

    def ensure_index(self):
        if self._index_ready:
            return
        if not self.client.indices.exists_alias(name=self.alias):
            if self.client.indices.exists(index=self.alias):
                self.client.indices.delete(index=self.alias)
            name = self._new_index()
            self.client.indices.put_alias(index=name, name=self.alias)
        self._index_ready = True

    def rebuild(self, log=None):
        """Fill a new versioned index from the database entries, then swap the alias."""
        log = log or (lambda message: None)
        name = self._new_index()
        actions = (
            {
                "_index": name,
                "_id": document_id(e.content_type_id, e.object_id, e.language),
                "_source": entry_source(e),
            }
            for e in SearchEntry.objects.order_by("id").iterator(chunk_size=1000)
        )
        indexed, _errors = helpers.bulk(self.client, actions, chunk_size=1000)
        self.client.indices.refresh(index=name)
        old = []
        if self.client.indices.exists_alias(name=self.alias):
            old = list(self.client.indices.get_alias(name=self.alias).keys())
        elif self.client.indices.exists(index=self.alias):
            self.client.indices.delete(index=self.alias)
        self.client.indices.update_aliases(
            actions=[
                *({"remove": {"index": index, "alias": self.alias}} for index in old),
                {"add": {"index": name, "alias": self.alias}},
            ]
        )
        for index in old:
            self.client.indices.delete(index=index)
        self._index_ready = True
        log(f"Elasticsearch: {indexed} entries in {name}, alias {self.alias} switched")
        return indexed

    def replace_object(self, content_type_id, object_id, entries):
        self.replace_objects(content_type_id, [object_id], entries)

    def replace_objects(self, content_type_id, object_ids, entries):
        """Write `entries` and delete the other languages' documents of `object_ids`."""
        self.ensure_index()
        kept = {(entry.object_id, entry.language) for entry in entries}
        actions = [
            {
                "_op_type": "delete",
                "_index": self.alias,
                "_id": document_id(content_type_id, object_id, language),
            }
            for object_id in object_ids
            for language in ("vi", "en")
            if (object_id, language) not in kept
        ]
        actions += [
            {
                "_index": self.alias,
                "_id": document_id(content_type_id, e.object_id, e.language),
                "_source": entry_source(e),
            }
            for e in entries
        ]
        helpers.bulk(self.client, actions, raise_on_error=False, refresh=True)

    # --- searching --------------------------------------------------------------------

    def _query(self, request):
        """Constant scores per rule, as the database backend ranks, so the date breaks ties.

        Matching all words in the title earns 15, anywhere 1, the words as a phrase in
        the title 3, the typed diacritics in the title 20 or anywhere 15, a query naming
        the entry (its title key, `search.names`) 500, the document number 1000. BM25's
        length effects would otherwise decide between equal matches.
        """
        terms = " ".join(request.terms)
        key = request.document_number_key

        def rule(query, boost):
            return Q("constant_score", filter=query, boost=boost)

        matches = []
        should = []
        if terms:
            matches.append(
                rule(
                    Q(
                        "multi_match",
                        query=terms,
                        type="cross_fields",
                        fields=["folded_title", "folded_body"],
                        operator="and",
                    ),
                    1,
                )
            )
            should.append(rule(Q("match", folded_title={"query": terms, "operator": "and"}), 15))
            should.append(rule(Q("match_phrase", folded_title=terms), 3))
        if request.named_title_keys:
            should.append(rule(Q("terms", title_key=request.named_title_keys), 500))
        if key:
            matches.append(rule(Q("term", document_number_key=key), 1000))
        if request.has_diacritics:
            exact = " ".join(request.exact_terms)
            should.append(
                rule(Q("match", **{"title.exact": {"query": exact, "operator": "and"}}), 20)
            )
            should.append(
                rule(
                    Q(
                        "multi_match",
                        query=exact,
                        type="cross_fields",
                        fields=["title.exact", "body.exact"],
                        operator="and",
                    ),
                    15,
                )
            )
        return Q(
            "bool",
            must=[Q("bool", should=matches, minimum_should_match=1)],
            should=should,
            filter=[Q("terms", language=request.languages)],
        )

    @staticmethod
    def _selection(request, skip=None):
        return [
            Q("terms", **{name: values})
            for name, values in request.filters.items()
            if values and name != skip
        ]

    def search(self, request):
        search = Search(using=self.client, index=self.alias).query(self._query(request))
        selection = self._selection(request)
        if selection:
            search = search.post_filter(Q("bool", filter=selection))
        for name in FACET_NAMES:
            others = self._selection(request, skip=name)
            bucket = A("filter", Q("bool", filter=others) if others else Q("match_all"))
            bucket.bucket("values", "terms", field=name, size=FACET_SIZE)
            search.aggs.bucket(name, bucket)
        if request.sort == SORT_DATE:
            search = search.sort({"date": {"order": "desc", "missing": "_last"}})
        else:
            search = search.sort("_score", {"date": {"order": "desc", "missing": "_last"}})
        search = (
            search.highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html")
            .highlight("title", number_of_fragments=0)
            .highlight("body", fragment_size=200, number_of_fragments=1)
        )
        search = search.extra(track_total_hits=True, from_=request.offset, size=request.page_size)
        try:
            response = search.execute()
        except _UNAVAILABLE as error:
            raise SearchUnavailable(str(error)) from error
        results = SearchResults(request=request, backend=self.name)
        results.total = response.hits.total.value
        results.facets = {
            name: [
                (bucket.key, bucket.doc_count)
                for bucket in getattr(response.aggregations, name).values.buckets
            ]
            for name in FACET_NAMES
        }
        results.facets["zone"] = [item for item in results.facets["zone"] if item[0]]
        results.facets["section"] = [item for item in results.facets["section"] if item[0]]
        results.hits = [self._hit(hit, request.terms) for hit in response.hits]
        return results

    @staticmethod
    def _hit(hit, terms):
        source = hit.to_dict()
        highlights = getattr(hit.meta, "highlight", None)
        title_html = highlight_title(source["title"], terms, source.get("folded_title"))
        body_html = snippet(source.get("body", ""), source.get("folded_body"), terms)
        if highlights is not None and "title" in highlights:
            title_html = safe_fragment(highlights["title"][0])
        if highlights is not None and "body" in highlights:
            body_html = safe_fragment(highlights["body"][0])
        date = source.get("date")
        return SearchHit(
            key=hit.meta.id,
            title=source["title"],
            title_html=title_html,
            url=source["url"],
            kind=source["kind"],
            language=source["language"],
            date=date and timezone.datetime.fromisoformat(str(date)),
            zone=join_zones(split_zones(source.get("zone"))),
            section=source.get("section", ""),
            document_number=source.get("document_number", ""),
            snippet=body_html,
            score=hit.meta.score or 0.0,
        )

    def suggest(self, text, languages, limit=8):
        folded = fold_vietnamese(text)
        should = [Q("match", **{"title.suggest": {"query": folded, "operator": "and"}})]
        key = fold_document_number(text) if text[:1].isdigit() else ""
        if key:
            # Documents whose number starts so come first, as on the database backend.
            should.append(Q("prefix", document_number_key={"value": key, "boost": 1000}))
        search = (
            Search(using=self.client, index=self.alias)
            .query(
                Q(
                    "bool",
                    should=should,
                    minimum_should_match=1,
                    filter=[Q("terms", language=languages)],
                )
            )
            .source(["title", "url", "kind", "language", "document_number", "document_number_key"])
            .extra(size=limit)
        )
        try:
            response = search.execute()
        except _UNAVAILABLE as error:
            raise SearchUnavailable(str(error)) from error
        return [
            {
                "title": f"{hit.document_number} · {hit.title}"
                if key and str(getattr(hit, "document_number_key", "")).startswith(key)
                else hit.title,
                "url": hit.url,
                "type": hit.kind,
                "language": hit.language,
            }
            for hit in response.hits
        ]
