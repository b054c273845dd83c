"""The demo needs nothing beside the checkout: a clone in an empty folder builds it whole."""

import io
import os
import re
import subprocess
import sys
import sysconfig
import zoneinfo
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

import pytest

# Set to a list while a test records the files this process opens (see `_record_opens`).
_opened = None


def _record_opens(event, args):
    if _opened is not None and event == "open" and isinstance(args[0], str | bytes | Path):
        _opened.append(os.path.realpath(os.fsdecode(args[0])))


@pytest.fixture(scope="module")
def open_audit():
    """Python's audit hook sees every `open()`, including ones that fail for a missing file.

    A hook cannot be removed, so it is added once and records only while `_opened` is a list.
    """
    sys.addaudithook(_record_opens)


def _is_within(path, roots):
    return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


@pytest.mark.django_db
def test_load_demo_opens_no_file_outside_the_checkout(open_audit):
    global _opened
    _opened = []
    try:
        call_command("load_demo", stdout=io.StringIO())
        opened = _opened
    finally:
        _opened = None
    allowed = [
        os.path.realpath(settings.BASE_DIR),
        os.path.realpath(settings.MEDIA_ROOT),
        *(os.path.realpath(path) for path in sysconfig.get_paths().values()),
        *zoneinfo.TZPATH,
    ]
    assert [path for path in opened if not _is_within(path, allowed)] == []
    facts = os.path.realpath(settings.BASE_DIR / "demo" / "facts")
    assert any(path.startswith(facts) for path in opened), "the recorder saw the facts read"


def _tracked_files():
    try:
        listing = subprocess.run(
            ["git", "ls-files", "-z"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            check=True,
            timeout=30,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [settings.BASE_DIR / name for name in listing.decode().split("\0") if name]


# A path to the folder beside the checkout, however it is spelt; prose (*.md) may name it.
OUTSIDE_PATHS = re.compile(r"""\.\./shared|parent\s*/\s*["']shared|/work/shared""")


def test_no_tracked_file_points_beside_the_checkout():
    this_file = Path(__file__).resolve()
    offenders = []
    for path in _tracked_files():
        if path.suffix == ".md" or path.resolve() == this_file or not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8", errors="ignore")
        offenders += [f"{path.name}: {match.group()}" for match in OUTSIDE_PATHS.finditer(text)]
    assert offenders == []
