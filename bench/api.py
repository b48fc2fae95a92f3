"""HTTP API latency (p50/p95) of the dyad, actor-profile and event-search endpoints on a large store.

    .venv/bin/python bench/api.py [--articles 10000] [--requests 60] [--db PATH] [--rebuild] [--out api.md]
    .venv/bin/python bench/api.py --articles 100000 --requests 20 --db /tmp/b100k.db --out api_100k.md

The store: the seed and the Wikinews 2012 HTML pages go through the real pipeline (ingest and
analysis); then every analysed article is replicated with a new doc_id through the Store API
(text marked, publication shifted week by week, so each copy is a distinct near-duplicate of its
original) until the store holds --articles articles. It is kept at --db and reused unless
--rebuild. The app runs under uvicorn on 127.0.0.1 and the requests go over real HTTP, one at a
time, after a warm-up. Writes bench/results/api.md. Target: p95 under 100 ms.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import tempfile
import threading
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from _common import DATA, versions_line, write_result

SEED = DATA / "corpus" / "seed" / "mali-russie-junte-2020-09-01.txt"
WIKINEWS_HTML = DATA / "corpus" / "wikinews-fr-2012" / "html"
TARGET_MS = 100

CASES = {
    "dyad": [
        "/api/dyads?a=Russie&b=junte%20malienne",
        "/api/dyads?a=RUS&b=org:CNSP&members=false",
        "/api/dyads?a=Iran&b=%C3%89tats-Unis",
        "/api/dyads?a=Russie&b=Mali&evidence_limit=500",
    ],
    "actor": [
        "/api/actors/RUS",
        "/api/actors/MLI",
        "/api/actors/junte%20malienne",
        "/api/actors/FRA?members=false",
    ],
    "events": [
        "/api/events",
        "/api/events?actor=Russie&status=alleged",
        "/api/events?q=formation%20Moscou",
        "/api/events?type=ASSAULT&from=2012-07&to=2012-12-31",
        "/api/events?place=MLI&sort=date&limit=100",
        "/api/events?offset=20000&limit=50",
    ],
}


def build_store(db: Path, target: int) -> None:
    """The real pipeline on the corpus, then replicas through the Store API up to ``target`` articles."""
    from veille.config import Settings
    from veille.extract.analyze import make_analyzer
    from veille.pipeline import run_ingest

    settings = Settings(db_path=db, workers=1)
    started = time.perf_counter()
    summary = run_ingest([str(SEED), str(WIKINEWS_HTML)], settings, analyzer=make_analyzer(settings))
    print(f"pipeline: {summary.ingested} articles, {summary.analysed} analysed in {summary.seconds:.1f} s")
    replicate(db, target)
    print(f"store ready in {time.perf_counter() - started:.0f} s")


def replicate(db: Path, target: int, batch: int = 500) -> None:
    from veille.ingest.dedup import content_hash
    from veille.store import Store

    with Store.open(db) as store:
        originals = [r.article for r in store.iter_articles(newest_first=False)]
        analyses = store.load_analyses(a.doc_id for a in originals)
        originals = [a for a in originals if a.doc_id in analyses]
        count, copy = store.stats()["articles"], 0
        while count < target:
            copy += 1
            articles, results = [], []
            for article in originals[: min(len(originals), target - count)]:
                text = f"{article.text}\n\n[réplique {copy}]"
                published = article.published + timedelta(weeks=copy) if article.published else None
                doc_id = f"{article.doc_id}~{copy}"
                articles.append(replace(article, doc_id=doc_id, text=text, content_hash=content_hash(text),
                                        published=published))
                results.append(_shifted(analyses[article.doc_id], doc_id, published))
            for start in range(0, len(articles), batch):
                store.add_articles(articles[start:start + batch])
                store.save_analyses(results[start:start + batch])
            count += len(articles)
            if copy % 10 == 0:
                print(f"  {count:,} articles")


def _shifted(analysis, doc_id: str, published):
    """The analysis of a replica: same offsets; dates taken from the publication move with it."""
    from veille.model import EventDate

    events = tuple(
        replace(e, date=EventDate(published.isoformat(), e.date.text, True))
        if e.date is not None and e.date.from_publication and published else e
        for e in analysis.events)
    return replace(analysis, doc_id=doc_id, events=events)


def serve(db: Path):
    import uvicorn

    from veille.api.main import create_app
    from veille.config import Settings

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(db_path=db)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def measure(base: str, requests: int, warmup: int = 3) -> dict[str, dict[str, list[tuple[float, float]]]]:
    """(wall ms, CPU ms) per request. The server runs in this process, so the process CPU time of a
    request is the work done for it (server and client), whatever else loads the machine."""
    import httpx

    timings: dict[str, dict[str, list[tuple[float, float]]]] = {}
    with httpx.Client(base_url=base, timeout=60) as client:
        for group, paths in CASES.items():
            timings[group] = {}
            for path in paths:
                for _ in range(warmup):
                    client.get(path).raise_for_status()
                samples = []
                for _ in range(requests):
                    start, cpu = time.perf_counter(), time.process_time()
                    response = client.get(path)
                    samples.append(((time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000))
                    response.raise_for_status()
                timings[group][path] = samples
    return timings


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def report(db: Path, timings, requests: int, load: tuple[float, float]) -> str:
    import fastapi
    import uvicorn

    from veille.store import Store

    with Store.open(db, create=False) as store:
        stats = store.stats()
        sqlite_version = store.execute("SELECT sqlite_version()").fetchone()[0]
    lines = ["# HTTP API latency (bench/api.py)", "",
             f"- {versions_line()}; FastAPI {fastapi.__version__}; uvicorn {uvicorn.__version__}; SQLite {sqlite_version}",
             f"- corpus: {stats['articles']:,} articles ({stats['analysed']:,} analysed, "
             f"{stats['duplicates']['near']:,} near-duplicates), {stats['events']:,} events, {stats['quotes']:,} quotes",
             f"- {requests} sequential requests per case over HTTP on 127.0.0.1 after 3 warm-up requests; "
             f"target p95 < {TARGET_MS} ms",
             f"- machine load average (1 min) {load[0]:.1f} before, {load[1]:.1f} after: wall-clock times grow with "
             "other processes' load; CPU ms (this process: server and client) do not", "",
             "| endpoint | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms | requests | p95 < 100 ms |",
             "|---|---:|---:|---:|---:|---:|---:|:---:|"]
    for group, cases in timings.items():
        wall = [w for s in cases.values() for w, _ in s]
        cpu = [c for s in cases.values() for _, c in s]
        ok = "yes" if percentile(wall, 95) < TARGET_MS else "**no**"
        lines.append(f"| {group} (all cases) | {percentile(wall, 50):.1f} | {percentile(wall, 95):.1f} | "
                     f"{max(wall):.1f} | {percentile(cpu, 50):.1f} | {percentile(cpu, 95):.1f} | {len(wall)} | {ok} |")
    lines += ["", "| case | p50 ms | p95 ms | mean ms | CPU p50 ms |", "|---|---:|---:|---:|---:|"]
    for cases in timings.values():
        for path, samples in cases.items():
            wall = [w for w, _ in samples]
            lines.append(f"| `{path}` | {percentile(wall, 50):.1f} | {percentile(wall, 95):.1f} | "
                         f"{statistics.mean(wall):.1f} | {percentile([c for _, c in samples], 50):.1f} |")
    lines.append("")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000, help="store size (default 10,000)")
    ap.add_argument("--requests", type=int, default=60, help="requests per case (default 60)")
    ap.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "veille-bench-api.db")
    ap.add_argument("--rebuild", action="store_true", help="build the store again even if it is there")
    ap.add_argument("--out", default="api.md", help="result file under bench/results (default api.md)")
    args = ap.parse_args()
    if args.rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    if not args.db.exists():
        build_store(args.db, args.articles)
    else:
        print(f"reusing {args.db} (--rebuild to build it again)")
    server, base = serve(args.db)
    before = os.getloadavg()[0]
    try:
        timings = measure(base, args.requests)
    finally:
        server.should_exit = True
    write_result(args.out, report(args.db, timings, args.requests, (before, os.getloadavg()[0])))


if __name__ == "__main__":
    main()
