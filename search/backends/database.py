"""The embedded backend: full-text search on SQLite (FTS5) or PostgreSQL (tsvector).

Match first, with a limit: the full-text index returns at most CANDIDATE_LIMIT entry
ids (title matches first; see matching.py), then ranking, facets and pagination run over
those light rows in Python. A common word therefore costs the same as a rare one; the price is
that counts above the limit are shown as "more than".
"""

import re
from collections import Counter
from datetime import UTC, datetime

from django.db import connection
from django.db.models import Q
from django.utils import timezone

from portal.text import fold_document_number, fold_vietnamese
from search.backends.base import FACET_NAMES, FACET_SIZE, SearchHit, SearchResults
from search.backends.matching import candidate_ids, sqlite_match
from search.highlight import highlight_title, snippet
from search.models import SearchEntry, split_zones
from search.query import SORT_DATE

CANDIDATE_LIMIT = 500
SUGGESTION_LIMIT = 8
ROW_FIELDS = (
    "id",
    "content_type_id",
    "object_id",
    "language",
    "kind",
    "title",
    "folded_title",
    "url",
    "date",
    "year",
    "zone",
    "section",
    "document_number",
    "document_number_key",
    "title_key",
)
_EPOCH = timezone.make_aware(datetime(1900, 1, 1))


def _as_datetime(value):
    """SQLite hands back text or a naive UTC datetime; PostgreSQL an aware datetime.
    All become aware datetimes (naive ones would show the UTC date of local midnight)."""
    if value is None:
        return value
    parsed = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


_WORD = re.compile(r"\w+")


def _title_matches(folded_title, terms):
    words = _WORD.findall(folded_title)
    *whole, last = terms
    return all(term in words for term in whole) and any(word.startswith(last) for word in words)


class DatabaseBackend:
    name = "database"

    def __init__(self, candidate_limit=CANDIDATE_LIMIT):
        self.candidate_limit = candidate_limit

    def _candidate_ids(self, terms, languages, kinds=(), years=(), by_date=False, prefix=False):
        return candidate_ids(terms, languages, self.candidate_limit, kinds, years, by_date, prefix)

    # --- the interface ------------------------------------------------------------

    def search(self, request):
        results = SearchResults(request=request, backend=self.name)
        terms = request.terms
        named_ids = self._named_ids(request)
        if not terms and not named_ids:
            return results
        by_date = request.sort == SORT_DATE
        # The cheap match (no date order, no filters) feeds the facets; when it is capped,
        # a second match with the selections (and date order) feeds the results.
        facet_ids = self._candidate_ids(terms, request.languages) if terms else []
        capped = len(facet_ids) >= self.candidate_limit
        ids = facet_ids
        if capped and (by_date or request.kinds or request.years):
            ids = self._candidate_ids(
                terms, request.languages, request.kinds, request.years, by_date=by_date
            )
            capped = len(ids) >= self.candidate_limit
        rows = self._rows(list(dict.fromkeys([*named_ids, *facet_ids, *ids])))
        named = set(named_ids)
        in_facets = named.union(facet_ids)
        results.facets = self._facets([row for row in rows if row["id"] in in_facets], request)
        in_results = named.union(ids)
        rows = [row for row in rows if row["id"] in in_results]
        selected = [row for row in rows if self._passes(row, request)]
        exact_ids = (
            self._exact_ids(selected, request.exact_terms) if request.has_diacritics else set()
        )
        for row in selected:
            row["score"] = self._score(row, request, row["id"] in exact_ids)
        if by_date:
            selected.sort(key=lambda row: (row["date"] or _EPOCH, row["id"]), reverse=True)
        else:
            selected.sort(
                key=lambda row: (row["score"], row["date"] or _EPOCH, row["id"]), reverse=True
            )
        results.total = len(selected)
        results.total_is_exact = not capped
        page_rows = selected[request.offset : request.offset + request.page_size]
        results.hits = self._hits(page_rows, terms)
        return results

    @staticmethod
    def _named_ids(request):
        """Entries the query names, by document number or by title (`search.names`): looked
        up by key, so they rank first even when the full-text candidates are capped."""
        named = Q()
        if request.document_number_key:
            named |= Q(document_number_key=request.document_number_key)
        if request.named_title_keys:
            named |= Q(title_key__in=request.named_title_keys)
        if not named:
            return []
        return list(
            SearchEntry.objects.filter(named, language__in=request.languages).values_list(
                "id", flat=True
            )
        )

    @staticmethod
    def _values(row, name):
        """A row's values for a facet: one, none, or several zones."""
        if name == "zone":
            return split_zones(row["zone"])
        return [row[name]] if row[name] else []

    @classmethod
    def _passes(cls, row, request, skip=None):
        for name, values in request.filters.items():
            if name != skip and values and not set(cls._values(row, name)).intersection(values):
                return False
        return True

    def _facets(self, rows, request):
        """Counts per value; a facet's own selection does not narrow its counts."""
        facets = {}
        for name in FACET_NAMES:
            counts = Counter(
                value
                for row in rows
                if self._passes(row, request, skip=name)
                for value in self._values(row, name)
            )
            facets[name] = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))[
                :FACET_SIZE
            ]
        return facets

    @staticmethod
    def _rows(ids):
        """The light columns of the candidates, straight from the cursor (no model overhead)."""
        if not ids:
            return []
        placeholders = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {', '.join(ROW_FIELDS)} FROM search_searchentry "
                f"WHERE id IN ({placeholders})",
                ids,
            )
            rows = [dict(zip(ROW_FIELDS, values, strict=True)) for values in cursor.fetchall()]
        for row in rows:
            row["date"] = _as_datetime(row["date"])
        return rows

    @staticmethod
    def _exact_ids(rows, exact_terms):
        """Candidates whose title or body holds every word exactly as typed (diacritics)."""
        if not rows or not exact_terms:
            return set()
        ids = [row["id"] for row in rows]
        placeholders = ", ".join(["%s"] * len(ids))
        conditions, params = [], []
        position = "strpos" if connection.vendor == "postgresql" else "instr"
        for word in exact_terms:
            # Lower case or capitalised, as words appear in running text; lower() over
            # every body costs ten times more on PostgreSQL.
            conditions.append(
                "("
                + " OR ".join(
                    f"{position}({column}, %s) > 0"
                    for column in ("title", "body")
                    for _ in range(2)
                )
                + ")"
            )
            params.extend([word, word.capitalize(), word, word.capitalize()])
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id FROM search_searchentry WHERE id IN ({placeholders}) "
                f"AND {' AND '.join(conditions)}",
                [*ids, *params],
            )
            return {row[0] for row in cursor.fetchall()}

    @staticmethod
    def _score(row, request, exact):
        terms = request.terms
        title_words = set(_WORD.findall(row["folded_title"]))
        score = 0.0
        if (
            request.document_number_key
            and row["document_number_key"] == request.document_number_key
        ):
            score += 1000
        if row["title_key"] in request.named_title_keys:
            score += 500
        if terms:
            in_title = sum(term in title_words for term in terms)
            score += 10 * in_title / len(terms)
            if in_title == len(terms):
                score += 5
                if " ".join(terms) in row["folded_title"]:
                    score += 3
        if exact:
            title_exact = set(_WORD.findall(row["title"].lower()))
            in_title = all(word in title_exact for word in request.exact_terms)
            score += 20 if in_title else 15
        return score

    def _hits(self, rows, terms):
        bodies = {
            pk: (body, folded)
            for pk, body, folded in SearchEntry.objects.filter(
                id__in=[row["id"] for row in rows]
            ).values_list("id", "body", "folded_body")
        }
        return [
            SearchHit(
                key=f"{row['content_type_id']}-{row['object_id']}-{row['language']}",
                title=row["title"],
                title_html=highlight_title(row["title"], terms, row["folded_title"]),
                url=row["url"],
                kind=row["kind"],
                language=row["language"],
                date=row["date"],
                zone=row["zone"],
                section=row["section"],
                document_number=row["document_number"],
                snippet=snippet(*bodies.get(row["id"], ("", "")), terms=terms),
                score=row.get("score", 0.0),
            )
            for row in rows
        ]

    def suggest(self, text, languages, limit=SUGGESTION_LIMIT):
        terms = _WORD.findall(fold_vietnamese(text))[:8]
        suggestions = []
        if text[:1].isdigit():
            key = fold_document_number(text)
            numbered = SearchEntry.objects.filter(
                document_number_key__gte=key,
                document_number_key__lt=key + "\uffff",
                language__in=languages,
            ).order_by("document_number_key")[:limit]
            suggestions.extend(
                {
                    "title": f"{entry.document_number} · {entry.title}",
                    "url": entry.url,
                    "type": entry.kind,
                    "language": entry.language,
                }
                for entry in numbered
            )
        if terms:
            # A one-letter prefix expands to half the vocabulary: match the words before
            # it and let the title check below apply the letter.
            match_terms, prefix = (terms[:-1], False) if len(terms[-1]) < 2 else (terms, True)
            if not match_terms:
                return suggestions[:limit]
            if connection.vendor == "sqlite":
                ids = self._suggest_sqlite(match_terms, languages, limit * 10, prefix)
            else:
                ids = self._candidate_ids(match_terms, languages, prefix=prefix)[: limit * 10]
            entries = SearchEntry.objects.filter(id__in=ids).only(
                "title", "folded_title", "url", "kind", "language", "date"
            )
            entries = [entry for entry in entries if _title_matches(entry.folded_title, terms)]
            ranked = sorted(
                entries,
                key=lambda entry: (
                    not entry.folded_title.startswith(terms[0]),
                    -(entry.date or _EPOCH).timestamp(),
                ),
            )
            suggestions.extend(
                {
                    "title": entry.title,
                    "url": entry.url,
                    "type": entry.kind,
                    "language": entry.language,
                }
                for entry in ranked
            )
        seen = set()
        unique = []
        for suggestion in suggestions:
            if suggestion["url"] not in seen:
                seen.add(suggestion["url"])
                unique.append(suggestion)
        return unique[:limit]

    def _suggest_sqlite(self, terms, languages, limit, prefix):
        match = sqlite_match(terms, languages, (), (), prefix, "folded_title")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM search_entry_fts WHERE search_entry_fts MATCH %s "
                "ORDER BY rowid DESC LIMIT %s",
                [match, limit],
            )
            return [row[0] for row in cursor.fetchall()]
