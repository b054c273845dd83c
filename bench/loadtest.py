"""`make loadtest`: mixed reading and searching while an editor publishes, on loopback.

Starts gunicorn (production settings, page cache on, shared Redis cache) on the bench
database, runs reader threads for LOADTEST_SECONDS (180 by default) over home, section,
article, English and search pages, while an editor in this process publishes a new title
every second. It fails (exit 1) on any 5xx answer, or if an edit is lost: not visible to
anonymous readers within 10 s, or not the live version in the database at the end.
Every loop is bounded by the deadline; gunicorn is always stopped.
"""

import os
import random
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from django.db import DatabaseError

from bench import wrk_bench as bench

SECONDS = int(os.environ.get("LOADTEST_SECONDS", "180"))
READERS = int(os.environ.get("LOADTEST_READERS", "4"))
VISIBLE_WITHIN = 10.0
SEARCH_TERMS = ["khu công nghiệp", "công đoàn", "Quế Võ", "thi đua", "đầu tư", "lao động"]


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = Counter()
        self.latencies = []
        self.failures = []

    def record(self, path, status, seconds):
        with self.lock:
            self.statuses[status] += 1
            self.latencies.append(seconds)
            if status >= 500 or status == 0:
                self.failures.append((path, status))


def fetch(base_url, path, timeout=30):
    started = time.monotonic()
    try:
        with urllib.request.urlopen(base_url + path, timeout=timeout) as response:
            body = response.read().decode("utf-8", "replace")
            status = response.status
    except urllib.error.HTTPError as error:
        body, status = "", error.code
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        body, status = "", 0
    return status, body, time.monotonic() - started


def reader(base_url, paths, deadline, stats, seed):
    randomiser = random.Random(seed)
    while time.monotonic() < deadline:
        if randomiser.random() < 0.25:
            term = urllib.request.quote(randomiser.choice(SEARCH_TERMS))
            path = f"/vi/search/?q={term}"
        else:
            path = randomiser.choice(paths)
        status, _body, seconds = fetch(base_url, path)
        stats.record(path, status, seconds)


def editor(base_url, articles, deadline, stats, edits, publish, visible_within, interval=1.0):
    """Publish a new title on one of `articles` every `interval` seconds, and check readers
    see it. `publish(article, title)` returns the article's public path."""
    number = 0
    while time.monotonic() < deadline - visible_within:
        number += 1
        article = articles[number % len(articles)]
        title = f"Bản sửa số {number} của biên tập viên"
        try:
            path = publish(article, title)
        except DatabaseError as error:
            edits.append(
                {"article": article.pk, "title": title, "visible_after": None, "error": str(error)}
            )
            continue
        published = time.monotonic()
        seen = None
        while time.monotonic() - published < visible_within:
            status, body, seconds = fetch(base_url, path)
            stats.record(path, status, seconds)
            if title in body:
                seen = time.monotonic() - published
                break
            time.sleep(0.05)
        edits.append({"article": article.pk, "title": title, "visible_after": seen})
        time.sleep(interval)


def run_mixed_load(
    base_url, paths, articles, publish, seconds, readers=READERS, visible_within=VISIBLE_WITHIN
):
    """Readers and searchers against `base_url` while an editor publishes; returns a report."""
    stats = Stats()
    edits = []
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=reader, args=(base_url, paths, deadline, stats, seed))
        for seed in range(readers)
    ]
    for thread in threads:
        thread.start()
    editor(base_url, articles, deadline, stats, edits, publish, visible_within)
    for thread in threads:
        thread.join(timeout=seconds + 60)
    latencies = sorted(stats.latencies) or [0]
    return {
        "requests": len(stats.latencies),
        "statuses": dict(stats.statuses),
        "failures": stats.failures,
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        "edits": edits,
        "lost_edits": [edit for edit in edits if edit["visible_after"] is None],
    }


def main():
    bench.WORK.mkdir(parents=True, exist_ok=True)
    bench.build_database()
    bench.manage("collectstatic", "--noinput", "-v0", quiet=True)
    env = bench.environment(page_cache_seconds=600)
    if not env["CACHE_URL"]:
        bench.say("Redis is not reachable: the page cache is switched off for the load test,")
        bench.say("since local-memory caches are per process and would not see the editor.")
        env["PAGE_CACHE_SECONDS"] = "0"
    os.environ.update(env)
    import django

    django.setup()
    from news.models import ArticlePage, SectionPage
    from portal.languages import page_url_in

    sections = list(SectionPage.objects.live().order_by("path"))
    articles = list(ArticlePage.objects.live().order_by("-published_at")[:3])
    paths = ["/vi/", "/en/"]
    for section in sections:
        paths += [section.url, section.url + "?page=2", page_url_in(section, "en")]
    for article in ArticlePage.objects.live().order_by("?")[:20]:
        paths.append(article.url)
    originals = {article.pk: article.title_vi for article in articles}

    def publish(article, title):
        page = ArticlePage.objects.get(pk=article.pk)
        page.title_vi = title
        page.save_revision().publish()
        return page.url

    server = bench.Server(page_cache_seconds=int(env["PAGE_CACHE_SECONDS"]))
    server.env.update(env)
    bench.say(f"Load test: {READERS} readers for {SECONDS} s while an editor publishes...")
    try:
        with server:
            report = run_mixed_load(
                f"http://127.0.0.1:{bench.PORT}", paths, articles, publish, SECONDS
            )
        last = {}
        for edit in report["edits"]:
            last[edit["article"]] = edit["title"]
        mismatched = [
            pk for pk, title in last.items() if ArticlePage.objects.get(pk=pk).title_vi != title
        ]
    finally:
        for pk, title in originals.items():
            page = ArticlePage.objects.get(pk=pk)
            page.title_vi = title
            page.save_revision().publish()
    lags = [edit["visible_after"] for edit in report["edits"] if edit["visible_after"] is not None]
    bench.say(
        f"{report['requests']} requests ({report['requests'] / SECONDS:.1f}/s), "
        f"p50 {report['p50_ms']:.1f} ms, p99 {report['p99_ms']:.1f} ms, "
        f"statuses {report['statuses']}"
    )
    bench.say(
        f"{len(report['edits'])} edits published; slowest to reach readers "
        f"{max(lags, default=0):.2f} s; lost: {len(report['lost_edits'])}; "
        f"not live at the end: {len(mismatched)}"
    )
    if report["failures"] or report["lost_edits"] or mismatched:
        bench.say(f"FAILED: {report['failures'][:10]} {report['lost_edits'][:5]} {mismatched}")
        sys.exit(1)
    bench.say("OK: no 5xx, no lost edits.")


if __name__ == "__main__":
    main()
