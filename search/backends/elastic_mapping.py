"""What the Elasticsearch index holds: its analyzers, its mapping and an entry's document.

Analyzers fold Vietnamese while keeping the original token (asciifolding with
preserve_original, plus a mapping char filter for đ/Đ where the asciifolding of the
cluster's version leaves it alone); the project also sends its own folded copies
(`folded_title`, `folded_body`), so folding never depends on the cluster.
"""

from elasticsearch_dsl import (
    Date,
    Document,
    Integer,
    Keyword,
    Long,
    Text,
    analyzer,
    char_filter,
    token_filter,
)

from search.models import split_zones

d_stroke = char_filter("vietnamese_d_stroke", type="mapping", mappings=["đ=>d", "Đ=>D"])
fold_keep_original = token_filter("vietnamese_fold", type="asciifolding", preserve_original=True)
edge_ngrams = token_filter("vietnamese_edge", type="edge_ngram", min_gram=1, max_gram=20)
vietnamese = analyzer(
    "vietnamese_folding",
    tokenizer="standard",
    char_filter=[d_stroke],
    filter=["lowercase", fold_keep_original],
)
exact = analyzer("vietnamese_exact", tokenizer="standard", filter=["lowercase"])
suggest_index = analyzer(
    "vietnamese_suggest",
    tokenizer="standard",
    char_filter=[d_stroke],
    filter=["lowercase", "asciifolding", edge_ngrams],
)
suggest_search = analyzer(
    "vietnamese_suggest_search",
    tokenizer="standard",
    char_filter=[d_stroke],
    filter=["lowercase", "asciifolding"],
)


class EntryDocument(Document):
    """One SearchEntry row as the cluster stores it."""

    content_type = Integer()
    object_id = Long()
    language = Keyword()
    kind = Keyword()
    title = Text(
        analyzer=vietnamese,
        fields={
            "exact": Text(analyzer=exact),
            "suggest": Text(analyzer=suggest_index, search_analyzer=suggest_search),
        },
    )
    folded_title = Text(analyzer=exact)
    body = Text(analyzer=vietnamese, fields={"exact": Text(analyzer=exact)})
    folded_body = Text(analyzer=exact)
    url = Keyword(index=False)
    date = Date()
    year = Integer()
    zone = Keyword()
    section = Keyword()
    document_number = Keyword()
    document_number_key = Keyword()
    title_key = Keyword()


def document_id(content_type_id, object_id, language):
    return f"{content_type_id}-{object_id}-{language}"


def entry_source(entry):
    return {
        "content_type": entry.content_type_id,
        "object_id": entry.object_id,
        "language": entry.language,
        "kind": entry.kind,
        "title": entry.title,
        "folded_title": entry.folded_title,
        "body": entry.body,
        "folded_body": entry.folded_body,
        "url": entry.url,
        "date": entry.date.isoformat() if entry.date else None,
        "year": entry.year,
        "zone": split_zones(entry.zone),
        "section": entry.section,
        "document_number": entry.document_number,
        "document_number_key": entry.document_number_key,
        "title_key": entry.title_key,
    }
