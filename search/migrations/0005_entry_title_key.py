"""`SearchEntry.title_key`: the title as a query that names the entry compares with it.

Existing rows get their key from the stored title here, so the database backend applies
the name rule straight after `migrate`; an Elasticsearch index needs `search_index
--rebuild` (or `--elasticsearch-only`) to gain the field. On SQLite, adding a NOT NULL
column copies the table, which drops the FTS5 triggers: they are restored as in 0003
(after the keys are filled, so filling them does not rewrite the full-text index).
"""

from importlib import import_module

from django.db import migrations, models

from search.names import title_key

restore_sqlite_triggers = import_module(
    "search.migrations.0003_entry_zone_several"
).restore_sqlite_triggers


def fill_title_keys(apps, schema_editor):
    SearchEntry = apps.get_model("search", "SearchEntry")
    batch = []
    for entry in SearchEntry.objects.only("id", "title").iterator(chunk_size=2000):
        entry.title_key = title_key(entry.title)
        batch.append(entry)
        if len(batch) >= 2000:
            SearchEntry.objects.bulk_update(batch, ["title_key"])
            batch = []
    SearchEntry.objects.bulk_update(batch, ["title_key"])


class Migration(migrations.Migration):
    dependencies = [("search", "0004_postgres_split_number_punctuation")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, restore_sqlite_triggers),
        migrations.AddField(
            model_name="searchentry",
            name="title_key",
            field=models.CharField(blank=True, db_index=True, max_length=500),
        ),
        migrations.RunPython(fill_title_keys, migrations.RunPython.noop),
        migrations.RunPython(restore_sqlite_triggers, migrations.RunPython.noop),
    ]
