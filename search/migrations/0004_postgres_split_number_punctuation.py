"""PostgreSQL: split words joined by / - _ . before building the tsvectors.

PostgreSQL's parser reads "47/qd-bql" or "34-ct/tw" as one file-path token, so a text
citing a document number did not match the words of that number ("47 qd bql"), while
SQLite's FTS5 tokenizer already splits there. The generated columns are rebuilt with
the punctuation turned into spaces (translate() is immutable, as generated columns need).
"""

from importlib import import_module

from django.db import migrations

full_text = import_module("search.migrations.0002_full_text_index")
SPLIT = "translate({column}, '/-_.', '    ')"

FORWARD = [
    "DROP INDEX IF EXISTS search_entry_title_vector",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS title_vector",
    "DROP INDEX IF EXISTS search_entry_vector",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS search_vector",
    f"""
    ALTER TABLE search_searchentry ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, {SPLIT.format(column="folded_title")}), 'A')
        || setweight(to_tsvector('simple'::regconfig, {SPLIT.format(column="folded_body")}), 'B')
    ) STORED
    """,
    "CREATE INDEX search_entry_vector ON search_searchentry USING GIN (search_vector)",
    f"""
    ALTER TABLE search_searchentry ADD COLUMN title_vector tsvector
    GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, {SPLIT.format(column="folded_title")})
    ) STORED
    """,
    "CREATE INDEX search_entry_title_vector ON search_searchentry USING GIN (title_vector)",
]
BACKWARD = [*full_text.POSTGRES_BACKWARD, *full_text.POSTGRES_FORWARD]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_entry_zone_several")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
