"""Room for several zone names in `SearchEntry.zone` (one per line).

On SQLite, Django changes a column by copying the table into a new one and dropping the
old, which drops the triggers that keep the FTS5 index in step (migration 0002): they are
created again here, and the FTS index (keyed by the unchanged ids) is rebuilt.
"""

from importlib import import_module

from django.db import migrations, models

full_text = import_module("search.migrations.0002_full_text_index")
TRIGGERS = [statement for statement in full_text.SQLITE_FORWARD if "CREATE TRIGGER" in statement]


def restore_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in [
        "DROP TRIGGER IF EXISTS search_entry_fts_update",
        "DROP TRIGGER IF EXISTS search_entry_fts_delete",
        "DROP TRIGGER IF EXISTS search_entry_fts_insert",
        *TRIGGERS,
        "INSERT INTO search_entry_fts(search_entry_fts) VALUES ('rebuild')",
    ]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text_index")]

    # Either way the table is copied, so the triggers are restored after the copy.
    operations = [
        migrations.RunPython(migrations.RunPython.noop, restore_sqlite_triggers),
        migrations.AlterField(
            model_name="searchentry",
            name="zone",
            field=models.CharField(blank=True, max_length=1000),
        ),
        migrations.RunPython(restore_sqlite_triggers, migrations.RunPython.noop),
    ]
