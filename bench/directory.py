"""Time the enterprise directory and its exports with 5,000 enterprises.

Runs in-process against a temporary SQLite database (deleted afterwards), with the demo
zones and 5,000 generated enterprises, through Django's test client. Prints the median
and worst of several renders per URL, and the queries each one ran.

    .venv/bin/python bench/directory.py [--enterprises 5000] [--repeat 5]
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def report(line):
    sys.stdout.write(f"{line}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="iza-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["MEDIA_ROOT"] = f"{workdir}/media"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()

    from django.conf import settings
    from django.core.management import call_command
    from django.core.management.base import BaseCommand
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]

    from demo.loaders import enterprises as enterprise_demo
    from demo.loaders import indicators as indicator_demo
    from demo.loaders import zones as zone_demo

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    report(f"migrate: {time.perf_counter() - started:.1f} s")
    command = BaseCommand(stdout=io.StringIO())
    started = time.perf_counter()
    with transaction.atomic():
        zone_demo.load(command)
    report(f"demo zones and clusters: {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    with transaction.atomic():
        enterprise_demo.load(command, enterprises=args.enterprises)
        indicator_demo.load(command)
    report(f"{args.enterprises} generated enterprises: {time.perf_counter() - started:.2f} s")

    client = Client()
    base = enterprise_demo.directory_page().url
    urls = [
        ("directory, first page", base),
        ("directory, zone + country, by capital", f"{base}?zone=que-vo&country=KR&sort=-capital"),
        ("directory, name search without accents", f"{base}?q=mau+so+12"),
        ("directory, page 100", f"{base}?page=100"),
        (
            "directory, English, sector + status",
            "/en/enterprises/?sector=electronics&status=operating",
        ),
        ("enterprise detail", f"{base}1/"),
        ("zones index", "/vi/cac-khu-cong-nghiep/"),
        ("zone page", "/vi/cac-khu-cong-nghiep/que-vo/"),
        ("home page with charts", "/vi/"),
        ("CSV export, everything", f"{base}export/csv/"),
        ("XLSX export, everything", f"{base}export/xlsx/"),
        ("CSV export, one zone", f"{base}export/csv/?zone=que-vo"),
    ]
    report(f"\n{'URL':44} {'median ms':>10} {'worst ms':>9} {'queries':>8} {'bytes':>10}")
    for label, url in urls:
        client.get(url)  # warm caches and compiled templates
        timings = []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                body = (
                    b"".join(response.streaming_content) if response.streaming else response.content
                )
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        report(
            f"{label:44} {statistics.median(timings):10.1f} {max(timings):9.1f} "
            f"{len(queries):8d} {len(body):10d}"
        )


if __name__ == "__main__":
    main()
