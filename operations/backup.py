"""Backup archives: the database as Django's JSON fixture plus the media files, in one tar.gz.

Why JSON (dumpdata) rather than copying the SQLite file or running pg_dump: one format and
one code path for SQLite and PostgreSQL, an archive from one engine restores into the other
(production to a laptop), and the same round-trip test covers both. Rows keep their ids (content
types and permissions included), so a restore is an exact copy. Tables that are derived or
personal (search index, sessions, login-attempt counts) are left out; the index is rebuilt.
For a large PostgreSQL production database, keep a nightly pg_dump beside it: it is faster
and point-in-time; this archive is the portable, tested one.
"""

import io
import json
import shutil
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command, get_commands
from django.db import connection, transaction
from django.utils import timezone

FORMAT = "iza-backup/1"
DATABASE_FILE = "database.json"
MANIFEST_FILE = "manifest.json"
MEDIA_DIR = "media"
EXCLUDED = [
    "sessions",
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",
    "axes",
]


def media_root():
    """The media folder, or None when media lives in object storage (backed up there)."""
    if isinstance(default_storage, FileSystemStorage):
        return Path(settings.MEDIA_ROOT)
    return None


def _excluded_labels():
    labels = []
    for label in EXCLUDED:
        try:
            if "." in label:
                apps.get_model(label)
            else:
                apps.get_app_config(label)
        except LookupError:
            continue
        labels.append(label)
    return labels


def write_backup(directory, include_media=True):
    """Write `iza-backup-YYYYmmdd-HHMMSS.tar.gz` into `directory`; return its path."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    target = directory / f"iza-backup-{stamp}.tar.gz"
    partial = target.with_suffix(".partial")
    with tempfile.TemporaryDirectory(prefix="iza-backup-") as work:
        dump = Path(work) / DATABASE_FILE
        call_command(
            "dumpdata",
            exclude=_excluded_labels(),
            output=str(dump),
            verbosity=0,
        )
        objects = json.loads(dump.read_text(encoding="utf-8"))
        media = media_root() if include_media else None
        manifest = {
            "format": FORMAT,
            "created": datetime.now().astimezone().isoformat(),
            "database_engine": connection.vendor,
            "objects": len(objects),
            "media": bool(media and media.exists()),
        }
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST_FILE)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname=DATABASE_FILE)
            if manifest["media"]:
                archive.add(media, arcname=MEDIA_DIR)
    partial.rename(target)
    return target, manifest


def _check_pending_constraints():
    """PostgreSQL refuses to TRUNCATE a table with deferred checks pending in the current
    transaction (a restore run inside a larger one): run those checks now."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def _empty_unmanaged_search_tables():
    """flush leaves Wagtail's SQLite full-text table (not a Django-managed table) alone; its
    rows would clash with the rebuilt index."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = %s",
            ["wagtailsearch_indexentry_fts"],
        )
        if cursor.fetchone():
            cursor.execute('DELETE FROM "wagtailsearch_indexentry_fts"')


def _fixtures_in_load_order(work):
    """Content types first: signal handlers that run while other rows load may look them up
    (and would create them with new ids if they were missing)."""
    objects = json.loads((work / DATABASE_FILE).read_text(encoding="utf-8"))
    first = [item for item in objects if item["model"] == "contenttypes.contenttype"]
    rest = [item for item in objects if item["model"] != "contenttypes.contenttype"]
    paths = []
    for name, items in (("contenttypes.json", first), ("content.json", rest)):
        path = work / name
        path.write_text(json.dumps(items), encoding="utf-8")
        paths.append(path)
    return paths


def read_manifest(archive_path):
    with tarfile.open(archive_path, "r:gz") as archive:
        member = archive.getmember(MANIFEST_FILE)
        manifest = json.load(archive.extractfile(member))
    if manifest.get("format") != FORMAT:
        raise ValueError(f"Not a portal backup archive: {archive_path}")
    return manifest


def restore_backup(archive_path, rebuild_index=True):
    """Replace the database and media with the archive's. Everything current is lost."""
    manifest = read_manifest(archive_path)
    with tempfile.TemporaryDirectory(prefix="iza-restore-") as work:
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(work, filter="data")
        try:
            with transaction.atomic():
                _check_pending_constraints()
                call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
                _empty_unmanaged_search_tables()
                ContentType.objects.clear_cache()
                for fixture in _fixtures_in_load_order(Path(work)):
                    call_command("loaddata", str(fixture), verbosity=0)
                ContentType.objects.clear_cache()
                for app_config in apps.get_app_configs():
                    create_contenttypes(app_config, verbosity=0)
                    create_permissions(app_config, verbosity=0)
        finally:
            ContentType.objects.clear_cache()
        media = media_root()
        extracted_media = Path(work) / MEDIA_DIR
        if media is not None and manifest["media"] and extracted_media.exists():
            if media.exists():
                shutil.rmtree(media)
            shutil.copytree(extracted_media, media)
    for alias in caches:
        caches[alias].clear()
    if rebuild_index:
        available = get_commands()
        for command, *arguments in settings.BACKUP_REBUILD_COMMANDS:
            if command in available:
                call_command(command, *arguments, verbosity=0)
    return manifest
