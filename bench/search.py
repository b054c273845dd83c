"""Benchmark the archive search: indexing throughput and query latency per backend.

Generates N synthetic bilingual documents (one Vietnamese and one English entry each,
about 150 words per body, realistic syllables and diacritics, some OCR-damaged) into a
THROWAWAY database, then times a fixed mix of queries through the same code the site
uses (`search.backends`).

    .venv/bin/python bench/search.py --backend sqlite --documents 10000
    .venv/bin/python bench/search.py --backend postgres --documents 100000 \\
        --database-url postgres://postgres@127.0.0.1:5432/iza_search_bench
    .venv/bin/python bench/search.py --backend osmem --documents 10000

SQLite uses a fresh file under /tmp; PostgreSQL refuses any database whose name does
not contain "bench" and drops/recreates it. osmem-server runs in-process (as a child).
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SYLLABLES_VI = (
    "thi đua khen thưởng doanh nghiệp khu công nghiệp cụm ban quản lý tỉnh bắc ninh "
    "người lao động công đoàn sản xuất kinh doanh đầu tư nước ngoài dự án hạ tầng "
    "phát triển bền vững môi trường xử lý nước thải an toàn vệ sinh lao động hiệu quả "
    "năm kế hoạch tổng kết hội nghị phong trào quyết định thành lập quy chế hoạt động "
    "việc làm thu nhập nhà ở công nhân đào tạo nghề chuyển đổi số xuất khẩu giá trị "
    "tăng trưởng chỉ tiêu đạt vượt mức điển hình tiên tiến gương sáng bằng khen "
    "giấy chứng nhận đăng ký cấp mới điều chỉnh vốn triệu đô la mỹ hàn quốc nhật bản "
    "trung quốc đài loan điện tử linh kiện cơ khí dệt may logistics kho bãi vận tải"
).split()
WORDS_EN = (
    "emulation commendation enterprise industrial zone cluster authority province bac ninh "
    "worker trade union production business foreign investment project infrastructure "
    "sustainable development environment wastewater treatment safety labour efficiency "
    "year plan review conference movement decision establishing regulation operation jobs "
    "income housing training digital transformation export value growth target exemplary "
    "certificate registration capital million dollars korea japan china electronics "
    "components mechanical textile logistics warehouse transport"
).split()
OCR_DAMAGE = str.maketrans({"ệ": "é", "ả": "a", "ư": "u", "ơ": "o", "đ": "d", "ộ": "ô"})
KINDS = ["article"] * 6 + ["document", "report", "profile", "enterprise"]
SECTIONS = [("Tin tức - Sự kiện", "News"), ("Thi đua - Khen thưởng", "Emulation")]

QUERY_MIX = [
    {"q": "thi dua"},
    {"q": "thi đua khen thưởng"},
    {"q": "khu cong nghiep que vo"},
    {"q": "hiéu qua"},
    {"q": "xyzzy plugh"},
    {"q": "47/QĐ-BQL"},
    {"q": "34 ct tw"},
    {"q": "doanh nghiep", "year": "2020"},
    {"q": "cong nhan", "type": "article", "sort": "date"},
    {"q": "san xuat", "page": "5"},
    {"q": "industrial zone", "lang": "en"},
    {"q": "bac ninh", "lang": "all"},
    {"q": "điện tử linh kiện", "zone": "KCN Quế Võ"},
]
SUGGEST_MIX = ["que v", "thi d", "khu c", "47/q", "dien t"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "osmem"], required=True)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=15, help="timed runs of the query mix")
    parser.add_argument(
        "--keep", action="store_true", help="keep the throwaway database (for inspection)"
    )
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/iza_search_bench",
        help="PostgreSQL only: a throwaway database (its name must contain 'bench')",
    )
    return parser.parse_args()


def configure(args):
    import dj_database_url

    import portal.settings.test as test_settings

    if args.backend == "postgres":
        url = args.database_url
        name = url.rsplit("/", 1)[-1]
        if "bench" not in name:
            sys.exit("Refusing to touch a database whose name does not contain 'bench'.")
        import psycopg

        admin_url = url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
    else:
        url = f"sqlite:///{tempfile.mkdtemp(prefix='iza-search-bench-')}/bench.sqlite3"
    test_settings.DATABASES = {"default": dj_database_url.parse(url)}
    test_settings.SEARCH_BACKEND = "database"
    test_settings.LOGGING = {"version": 1, "disable_existing_loggers": True}
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    return url


def report(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def sentence(rng, words, length):
    return " ".join(rng.choice(words) for _ in range(length))


def generate(rng, count):
    """Yield (vi, en) entry dicts for `count` synthetic documents."""
    from demo.data import read_facts

    zones = read_facts("zones.json")["zones"]
    start = datetime(1998, 1, 1)
    for number in range(count):
        kind = rng.choice(KINDS)
        zone = rng.choice(zones)
        section = rng.choice(SECTIONS)
        when = start + timedelta(days=rng.randrange(0, 365 * 27))
        title_vi = sentence(rng, SYLLABLES_VI, rng.randint(6, 12)).capitalize()
        body_vi = sentence(rng, SYLLABLES_VI, 150)
        if number % 20 == 0:
            body_vi = body_vi.translate(OCR_DAMAGE)
        document_number = f"{number % 500 + 1}/QĐ-BQL" if kind == "document" else ""
        if kind == "document" and number % 500 == 33:
            document_number = "34-CT/TW"
        shared = {"kind": kind, "date": when, "document_number": document_number}
        yield (
            {
                **shared,
                "language": "vi",
                "title": title_vi,
                "body": body_vi,
                "zone": zone["name_vi"],
                "section": section[0],
            },
            {
                **shared,
                "language": "en",
                "title": sentence(rng, WORDS_EN, rng.randint(5, 10)).capitalize(),
                "body": sentence(rng, WORDS_EN, 150),
                "zone": zone["name_en"],
                "section": section[1],
            },
        )


def load(count, rng):
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    from news.models import ArticlePage
    from search import registry
    from search.models import SearchEntry

    indexer = registry.indexer_for(ArticlePage)
    content_type = ContentType.objects.get_for_model(ArticlePage)

    class Stub:
        def __init__(self, pk):
            self.pk = pk

    started = time.perf_counter()
    batch = []
    for number, pair in enumerate(generate(rng, count), start=1):
        for data in pair:
            data = {
                **data,
                "url": f"/{data['language']}/bench/{number}/",
                "date": timezone.make_aware(data["date"]),
            }
            batch.append(registry.make_entry(indexer, Stub(number), data, content_type))
        if len(batch) >= 2000:
            with transaction.atomic():
                SearchEntry.objects.bulk_create(batch)
            batch = []
    with transaction.atomic():
        SearchEntry.objects.bulk_create(batch)
    registry.analyze()
    elapsed = time.perf_counter() - started
    return SearchEntry.objects.count(), elapsed


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def time_queries(rounds, backend_name):
    from django.http import QueryDict

    from search import backends
    from search.query import parse_request

    requests = []
    for params in QUERY_MIX:
        query = QueryDict(mutable=True)
        for key, value in params.items():
            query[key] = value
        requests.append((params, parse_request(query, "vi")))
    per_query = {index: [] for index in range(len(requests) + len(SUGGEST_MIX))}
    for round_number in range(rounds + 1):
        for index, (_params, request) in enumerate(requests):
            started = time.perf_counter()
            results = backends.search(request)
            elapsed = (time.perf_counter() - started) * 1000
            if round_number:
                per_query[index].append(elapsed)
            if results.backend != backend_name:
                sys.exit(f"Fell back to {results.backend}: the benchmark is invalid.")
        for offset, text in enumerate(SUGGEST_MIX):
            started = time.perf_counter()
            backends.suggest(text, ["vi"])
            if round_number:
                per_query[len(requests) + offset].append((time.perf_counter() - started) * 1000)
    labels = [str(params) for params, _ in requests] + [f"suggest {t!r}" for t in SUGGEST_MIX]
    return labels, per_query


def drop(args, url):
    """Throw the benchmark database away."""
    from django.db import connections

    connections.close_all()
    if args.backend == "postgres":
        import psycopg

        name = url.rsplit("/", 1)[-1]
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
    else:
        shutil.rmtree(Path(url.removeprefix("sqlite:///")).parent, ignore_errors=True)


def main():
    args = parse_args()
    url = configure(args)
    try:
        run(args)
    finally:
        if args.keep:
            report(f"kept {url}")
        else:
            drop(args, url)


def run(args):
    rng = random.Random(20261125)
    entries, seconds = load(args.documents, rng)
    report(f"backend={args.backend} documents={args.documents} entries={entries}")
    report(f"database indexing: {seconds:.1f} s, {entries / seconds:.0f} entries/s")
    backend_name = "database"
    server = None
    if args.backend == "osmem":
        from django.conf import settings

        from osmem_server import OsmemServer

        from search import backends

        server = OsmemServer.start(japanese=False)
        settings.SEARCH_BACKEND = "elasticsearch"
        settings.ELASTICSEARCH_URL = server.url
        backends._elasticsearch.clear()
        started = time.perf_counter()
        indexed = backends.elasticsearch_backend().rebuild()
        seconds = time.perf_counter() - started
        report(f"osmem bulk indexing: {seconds:.1f} s, {indexed / seconds:.0f} docs/s")
        backend_name = "elasticsearch"
    try:
        labels, per_query = time_queries(args.rounds, backend_name)
    finally:
        if server is not None:
            server.close()
    everything = [sample for samples in per_query.values() for sample in samples]
    for index, label in enumerate(labels):
        samples = per_query[index]
        p50, p95 = statistics.median(samples), percentile(samples, 0.95)
        report(f"  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  {label}")
    report(
        f"ALL queries: p50 {statistics.median(everything):.1f} ms, "
        f"p95 {percentile(everything, 0.95):.1f} ms over {len(everything)} timed queries"
    )


if __name__ == "__main__":
    main()
