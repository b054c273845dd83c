"""The embedded backends' full-text index over the folded columns.

SQLite: an FTS5 table kept in step with search_searchentry by triggers (external
content, so the text is stored once). The text is already folded by the project, so
the tokenizer must not fold again (`remove_diacritics 0`); language, kind and year are
indexed as columns too so a search can filter inside the match.

PostgreSQL: a stored tsvector over the folded title (weight A) and body (weight B) with
the 'simple' configuration (no stemming, no unaccent: the text is pre-folded), one over
the folded title alone, and a GIN index on each.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE search_entry_fts USING fts5(
        folded_title, folded_body, language, kind, year,
        content='search_searchentry', content_rowid='id',
        tokenize="unicode61 remove_diacritics 0"
    )
    """,
    """
    CREATE TRIGGER search_entry_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_entry_fts(rowid, folded_title, folded_body, language, kind, year)
        VALUES (new.id, new.folded_title, new.folded_body, new.language, new.kind, new.year);
    END
    """,
    """
    CREATE TRIGGER search_entry_fts_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_entry_fts(search_entry_fts, rowid, folded_title, folded_body,
                                     language, kind, year)
        VALUES ('delete', old.id, old.folded_title, old.folded_body, old.language, old.kind,
                old.year);
    END
    """,
    """
    CREATE TRIGGER search_entry_fts_update AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_entry_fts(search_entry_fts, rowid, folded_title, folded_body,
                                     language, kind, year)
        VALUES ('delete', old.id, old.folded_title, old.folded_body, old.language, old.kind,
                old.year);
        INSERT INTO search_entry_fts(rowid, folded_title, folded_body, language, kind, year)
        VALUES (new.id, new.folded_title, new.folded_body, new.language, new.kind, new.year);
    END
    """,
    "INSERT INTO search_entry_fts(search_entry_fts) VALUES ('rebuild')",
]

SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_entry_fts_update",
    "DROP TRIGGER IF EXISTS search_entry_fts_delete",
    "DROP TRIGGER IF EXISTS search_entry_fts_insert",
    "DROP TABLE IF EXISTS search_entry_fts",
]

POSTGRES_FORWARD = [
    """
    ALTER TABLE search_searchentry ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, folded_title), 'A')
        || setweight(to_tsvector('simple'::regconfig, folded_body), 'B')
    ) STORED
    """,
    "CREATE INDEX search_entry_vector ON search_searchentry USING GIN (search_vector)",
    # The title alone: a weight-restricted query (:A) cannot be answered from the GIN
    # index above and rechecks every row that matches anywhere.
    """
    ALTER TABLE search_searchentry ADD COLUMN title_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, folded_title)) STORED
    """,
    "CREATE INDEX search_entry_title_vector ON search_searchentry USING GIN (title_vector)",
]

POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_title_vector",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS title_vector",
    "DROP INDEX IF EXISTS search_entry_vector",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_entry")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
