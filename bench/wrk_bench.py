"""`make bench`: the site under gunicorn with production settings, measured with wrk.

1. Builds (once, then reuses) a throwaway database: migrate, load_demo with
   BENCH_ENTERPRISES generated enterprises (5,000), BENCH_ARTICLES generated articles
   (10,000), collectstatic. SQLite in BENCH_DIR by default;
   BENCH_DATABASE_URL=postgres://... uses that PostgreSQL database, dropped and re-created.
2. Starts gunicorn on 127.0.0.1:BENCH_PORT twice: page cache off, then on.
3. For each URL (home, a section, an article, search, every other page type that has a live
   page, the lines of bench/urls.txt, a static file) runs wrk for BENCH_SECONDS and prints
   requests/s, p50 and p99 latency, and each rate as a ratio to the static file's; then
   again with one connection, whose p50 is the render time without queueing.

Loopback only; every run is bounded by wrk's duration; gunicorn is always stopped.
"""

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import zlib
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
WORK = Path(os.environ.get("BENCH_DIR", "/tmp/iza-bench"))
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "10000"))
ENTERPRISES = int(os.environ.get("BENCH_ENTERPRISES", "5000"))
PORT = int(os.environ.get("BENCH_PORT", "8151"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", str(WORKERS)))
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{WORK}/db-{ARTICLES}.sqlite3"
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/6")


def say(text=""):
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


def environment(page_cache_seconds=600):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": DATABASE_URL,
        "CACHE_URL": CACHE_URL if _redis_reachable() else "",
        "STATIC_ROOT": str(WORK / "static"),
        "MEDIA_ROOT": str(WORK / f"media-{ARTICLES}"),
        "SITE_URL": f"http://127.0.0.1:{PORT}",
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        "RATE_LIMITS_ENABLED": "false",
        "LOG_LEVEL": "WARNING",
        "DB_CONN_MAX_AGE": "600",
    }


def _redis_reachable():
    if not CACHE_URL:
        return False
    address = urlsplit(CACHE_URL)
    try:
        with socket.create_connection((address.hostname, address.port or 6379), timeout=0.5):
            return True
    except OSError:
        return False


def manage(*args, env=None, quiet=False):
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env or environment(),
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def _reset_postgresql(url):
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def build_database():
    marker = WORK / f"built-{ARTICLES}-{ENTERPRISES}-{zlib.crc32(DATABASE_URL.encode())}.json"
    if marker.exists() and os.environ.get("BENCH_REBUILD") != "1":
        say(f"Reusing the bench database ({ARTICLES} generated articles): {DATABASE_URL}")
        manage("migrate", "--noinput", "-v0", quiet=True)
        return
    started = time.monotonic()
    if DATABASE_URL.startswith("sqlite"):
        Path(DATABASE_URL.removeprefix("sqlite:///")).unlink(missing_ok=True)
    else:
        _reset_postgresql(DATABASE_URL)
    shutil.rmtree(WORK / f"media-{ARTICLES}", ignore_errors=True)
    say(f"Building the bench database: {DATABASE_URL}")
    manage("migrate", "--noinput", "-v0", quiet=True)
    manage("load_demo", "--enterprises", str(ENTERPRISES))
    manage("generate_articles", str(ARTICLES))
    if DATABASE_URL.startswith("sqlite"):
        import sqlite3

        with sqlite3.connect(DATABASE_URL.removeprefix("sqlite:///")) as database:
            database.execute("PRAGMA journal_mode=WAL")
    marker.write_text(json.dumps({"articles": ARTICLES, "seconds": time.monotonic() - started}))
    say(f"Database built in {time.monotonic() - started:.0f} s.")


def pick_urls():
    """(name, path) pairs chosen from the database, so new page types join by themselves."""
    code = r"""
import json
from django.db.models import Count
from wagtail.models import Page
from news.models import ArticlePage, SectionPage
urls = [("home", "/vi/")]
section = SectionPage.objects.live().annotate(n=Count("pk")).order_by("path").first()
urls.append(("section", section.url))
articles = ArticlePage.objects.live().order_by("pk")
article = articles[articles.count() // 2]
urls.append(("article", article.url))
english = ArticlePage.objects.live().filter(english_ready=True).order_by("-pk").first()
if english is not None:
    from portal.languages import page_url_in
    urls.append(("article (en)", page_url_in(english, "en")))
urls.append(("search", "/vi/search/?q=khu+c%C3%B4ng+nghi%E1%BB%87p"))
seen = {"homepage", "sectionpage", "articlepage", "page", "recyclebinpage"}
live = Page.objects.live().exclude(depth__lte=1)
for content_type in live.values_list("content_type", flat=True).distinct():
    page = live.filter(content_type=content_type).order_by("-pk").first().specific
    name = page._meta.model_name
    if name not in seen and page.url:
        seen.add(name)
        urls.append((name, page.url))
print(json.dumps(urls))
"""
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=environment(),
        check=True,
        capture_output=True,
        text=True,
    )
    urls = json.loads(result.stdout.strip().splitlines()[-1])
    extra = ROOT / "bench" / "urls.txt"
    if extra.exists():
        for line in extra.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, path = line.rsplit(maxsplit=1)
                urls.append((name.strip(), path.strip()))
    manifest = json.loads((WORK / "static" / "staticfiles.json").read_text())
    urls.append(("static file", "/static/" + manifest["paths"]["css/site.css"]))
    return urls


class Server:
    def __init__(self, page_cache_seconds):
        self.env = environment(page_cache_seconds)
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "portal.wsgi:application",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--workers",
                str(WORKERS),
                # Sync workers, as the README's production command runs: a gthread worker
                # accepts several keep-alive connections and then serves them one at a time
                # while the other worker idles.
                "--worker-class",
                "sync",
                "--log-level",
                "warning",
                "--timeout",
                "60",
            ],
            cwd=ROOT,
            env=self.env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", PORT), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not start within 60 s")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _milliseconds(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def wrk(path, connections=None):
    url = f"http://127.0.0.1:{PORT}{path}"
    warm = subprocess.run(
        ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", url],
        capture_output=True,
        text=True,
        timeout=60,
    )
    run = ["wrk", "-t1", f"-c{connections or CONNECTIONS}"]
    # One second first, so every worker has built what it keeps per content version and
    # compiled its templates: the measured seconds are the steady state.
    subprocess.run([*run, "-d1s", url], capture_output=True, timeout=60)
    output = subprocess.run(
        [*run, f"-d{SECONDS}s", "--latency", url],
        capture_output=True,
        text=True,
        timeout=SECONDS + 60,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _milliseconds(re.search(r"\s50%\s+(\S+)", output).group(1))
    p99 = _milliseconds(re.search(r"\s99%\s+(\S+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "status": warm.stdout,
        "rate": rate,
        "p50": p50,
        "p99": p99,
        "errors": int(errors.group(1)) if errors else 0,
    }


def main():
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install -y wrk")
    WORK.mkdir(parents=True, exist_ok=True)
    build_database()
    manage("collectstatic", "--noinput", "-v0", quiet=True)
    urls = pick_urls()
    results = {}
    for mode, seconds in (("uncached", 0), ("cached", 600)):
        with Server(seconds):
            for name, path in urls:
                results[(mode, name)] = wrk(path)
                # One connection at a time: the render time without the load generator and
                # the other worker competing for the same cores.
                results[(mode, name)]["p50_alone"] = wrk(path, connections=1)["p50"]
    static = {mode: results[(mode, "static file")]["rate"] for mode in ("uncached", "cached")}
    cache = "Redis" if environment()["CACHE_URL"] else "local memory"
    say()
    say(
        f"{ARTICLES} generated articles, {ENTERPRISES} generated enterprises, "
        f"{WORKERS} gunicorn workers, wrk {CONNECTIONS} connections x {SECONDS} s, "
        f"cache: {cache}, database: {DATABASE_URL.split(':')[0]}"
    )
    header = f"{'page':<18} {'mode':<9} {'status':>6} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
    say(header + f"{'x static':>9} {'non-2xx':>8} {'p50 ms, 1 conn':>15}")
    for name, _path in urls:
        for mode in ("uncached", "cached"):
            row = results[(mode, name)]
            ratio = row["rate"] / static[mode] if static[mode] else 0
            say(
                f"{name[:18]:<18} {mode:<9} {row['status']:>6} {row['rate']:>9.1f} "
                f"{row['p50']:>8.2f} {row['p99']:>8.2f} {ratio:>9.2f} {row['errors']:>8} "
                f"{row['p50_alone']:>15.2f}"
            )
    say("\nPaths:")
    for name, path in urls:
        say(f"  {name}: {path}")


if __name__ == "__main__":
    main()
