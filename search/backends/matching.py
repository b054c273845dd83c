"""Candidate entries from each database's full-text index: SQLite's FTS5 table, PostgreSQL's
tsvector columns (see search/migrations), or a plain scan on any other database.

The backend (database.py) ranks, filters and facets what these return, so each returns
ids only, at most `limit` of them.
"""

from django.db import connection
from django.db.models import Q

from search.models import SearchEntry


def _fts_phrase(term, prefix=False):
    return '"' + term.replace('"', '""') + '"' + ("*" if prefix else "")


def candidate_ids(terms, languages, limit, kinds=(), years=(), by_date=False, prefix=False):
    """At most `limit` ids of the entries in `languages` (and `kinds`, `years`) whose folded
    text holds every term; `prefix` lets the last term be the start of a word."""
    vendor = connection.vendor
    if vendor == "sqlite":
        return _sqlite_ids(terms, languages, kinds, years, by_date, prefix, limit)
    if vendor == "postgresql":
        return _postgres_ids(terms, languages, kinds, years, by_date, prefix, limit)
    return _fallback_ids(terms, languages, kinds, years, prefix, limit)


def sqlite_match(terms, languages, kinds, years, prefix, columns):
    """An FTS5 MATCH expression: every term in `columns`, within the languages, kinds, years."""
    words = " AND ".join(
        _fts_phrase(term, prefix and i == len(terms) - 1) for i, term in enumerate(terms)
    )
    parts = [f"{{{columns}}} : ({words})"]
    parts.append("language : (" + " OR ".join(_fts_phrase(lang) for lang in languages) + ")")
    if kinds:
        parts.append("kind : (" + " OR ".join(_fts_phrase(kind) for kind in kinds) + ")")
    if years:
        parts.append("year : (" + " OR ".join(_fts_phrase(str(y)) for y in years) + ")")
    return " AND ".join(parts)


def _sqlite_ids(terms, languages, kinds, years, by_date, prefix, limit):
    with connection.cursor() as cursor:
        if by_date:
            match = sqlite_match(terms, languages, kinds, years, prefix, "folded_title folded_body")
            # Walk the (language, date) index newest first and stop at the limit,
            # instead of sorting every match.
            in_languages = ", ".join(["%s"] * len(languages))
            cursor.execute(
                "SELECT e.id FROM search_searchentry e INDEXED BY search_entry_lang_date "
                f"WHERE e.language IN ({in_languages}) AND e.id IN ("
                "SELECT rowid FROM search_entry_fts WHERE search_entry_fts MATCH %s) "
                "ORDER BY e.date DESC LIMIT %s",
                [*languages, match, limit],
            )
            return [row[0] for row in cursor.fetchall()]
        ids = []
        for columns in ("folded_title", "folded_title folded_body"):
            match = sqlite_match(terms, languages, kinds, years, prefix, columns)
            cursor.execute(
                "SELECT rowid FROM search_entry_fts WHERE search_entry_fts MATCH %s "
                "ORDER BY rowid DESC LIMIT %s",
                [match, limit],
            )
            ids.extend(row[0] for row in cursor.fetchall())
        return list(dict.fromkeys(ids))[:limit]


def _postgres_ids(terms, languages, kinds, years, by_date, prefix, limit):
    """Title matches first (newest indexed first), then matches anywhere.

    The second pass takes the first matches the planner finds, in no order: with
    common words any ORDER BY makes PostgreSQL fetch and sort every match (0.2-0.3 s
    for 30,000-50,000 at 100,000 documents) because it underestimates how many rows
    match several words. Below the limit the candidates are every match, so the
    ranking and the date order are exact; above it they are a sample.
    """
    words = []
    for i, term in enumerate(terms):
        star = ":*" if prefix and i == len(terms) - 1 else ""
        words.append(f"'{term}'{star}")
    tsquery = " & ".join(words)
    filters = ["language = ANY(%s)"]
    params = [list(languages)]
    if kinds:
        filters.append("kind = ANY(%s)")
        params.append(list(kinds))
    if years:
        filters.append("year = ANY(%s)")
        params.append(list(years))
    where = " AND ".join(filters)
    passes = [("search_vector", "")]
    if not by_date:
        passes.insert(0, ("title_vector", "ORDER BY id DESC"))
    ids = []
    with connection.cursor() as cursor:
        for column, order in passes:
            cursor.execute(
                "SELECT id FROM search_searchentry "
                f"WHERE {column} @@ to_tsquery('simple', %s) AND {where} {order} LIMIT %s",
                [tsquery, *params, limit],
            )
            ids.extend(row[0] for row in cursor.fetchall())
    return list(dict.fromkeys(ids))[:limit]


def _fallback_ids(terms, languages, kinds, years, prefix, limit):
    entries = SearchEntry.objects.filter(language__in=languages)
    if kinds:
        entries = entries.filter(kind__in=kinds)
    if years:
        entries = entries.filter(year__in=years)
    for term in terms:
        entries = entries.filter(Q(folded_title__contains=term) | Q(folded_body__contains=term))
    return list(entries.order_by("-date").values_list("id", flat=True)[:limit])
