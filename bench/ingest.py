"""Ingestion benchmark (not collected by pytest).

1. Speed: parse_source over the 100 Wikinews HTML pages, against trafilatura.extract alone on
   the same pages in the same run (twice: with its defaults, and with the options parse_source
   gives it: metadata on, comments off). Rounds are interleaved; the median round counts.
2. Memory: peak RSS of this process while iter_articles streams a temporary directory of
   10,000 documents built from the corpora (HTML pages, scraped texts, one JSON Lines file),
   each with a distinct text, sampled every 500 documents.

    .venv/bin/python bench/ingest.py [--rounds 7] [--docs 10000]

Prints a table and writes it to bench/results/ingest.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path

import psutil
import trafilatura

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from veille.config import Settings  # noqa: E402
from veille.ingest import iter_articles, parse_source  # noqa: E402
from veille.ingest.html import EXTRACT_OPTIONS  # noqa: E402
from veille.ingest.langid import detect_language  # noqa: E402
from veille.model import Article, Source  # noqa: E402

DATA = ROOT / "tests" / "data" / "corpus"
WIKINEWS_HTML = DATA / "wikinews-fr-2012" / "html"
WIKINEWS_JSONL = DATA / "wikinews-fr-2012" / "articles.jsonl"
SEED = DATA / "seed" / "mali-russie-junte-2020-09-01.txt"
RESULTS = ROOT / "bench" / "results" / "ingest.md"
PACKAGES = ("trafilatura", "htmldate", "lingua-language-detector", "datasketch", "warcio", "feedparser",
            "charset-normalizer", "lxml")


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 1e6


def timed_round(fn, pages: list[tuple[str, bytes]]) -> float:
    started = time.perf_counter()
    for name, raw in pages:
        fn(name, raw)
    return len(pages) / (time.perf_counter() - started)


def speed(rounds: int, settings: Settings) -> dict[str, float]:
    pages = [(str(p), p.read_bytes()) for p in sorted(WIKINEWS_HTML.glob("*.html"))]
    texts = {name: parse_source(Source(name, raw), settings)[0].text for name, raw in pages}
    runners = {
        "trafilatura.extract (defaults)": lambda name, raw: trafilatura.extract(raw),
        "trafilatura.extract (our options)": lambda name, raw: trafilatura.extract(raw, **EXTRACT_OPTIONS),
        "veille parse_source": lambda name, raw: parse_source(Source(name, raw), settings),
        # parts of parse_source, for the breakdown
        "part: trafilatura.bare_extraction (our options)":
            lambda name, raw: trafilatura.bare_extraction(raw.decode("utf-8"), **EXTRACT_OPTIONS),
        "part: language id": lambda name, raw: detect_language(texts[name], settings.languages),
    }
    for fn in runners.values():  # warm-up: imports, lingua models, caches
        timed_round(fn, pages[:20])
    rates: dict[str, list[float]] = {k: [] for k in runners}
    for _ in range(rounds):
        for label, fn in runners.items():
            rates[label].append(timed_round(fn, pages))
    return {label: statistics.median(r) for label, r in rates.items()}


def _html_variant(raw: str, n: int) -> str:
    note = f"<p>Dépêche de contrôle n° {n} : ce paragraphe rend le document {n} unique dans le corpus.</p>"
    return raw.replace("</body>", note + "</body>", 1)


def build_corpus(root: Path, total: int) -> dict[str, int]:
    """``total`` documents with distinct texts: 80 % HTML pages, 10 % scraped texts, 10 % JSONL records."""
    pages = [p.read_text(encoding="utf-8") for p in sorted(WIKINEWS_HTML.glob("*.html"))]
    seed = SEED.read_text(encoding="utf-8")
    records = [json.loads(line) for line in WIKINEWS_JSONL.read_text(encoding="utf-8").splitlines()]
    n_text = n_jsonl = total // 10
    n_html = total - n_text - n_jsonl
    for n in range(n_html):
        folder = root / "html" / f"{n // 1000:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"page-{n:05d}.html").write_text(_html_variant(pages[n % len(pages)], n), encoding="utf-8")
    for n in range(n_text):
        text = seed.replace("Comments", f"Le texte de contrôle {n} rend cette copie unique.\n\nComments", 1)
        (root / "text").mkdir(exist_ok=True)
        (root / "text" / f"seed-{n:05d}.txt").write_text(text, encoding="utf-8")
    with (root / "records.jsonl").open("w", encoding="utf-8") as out:
        for n in range(n_jsonl):
            record = dict(records[n % len(records)], id=f"bench-{n:05d}")
            record["text"] += f"\nEnregistrement de contrôle {n}."
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return {"html files": n_html, "text files": n_text, "jsonl records": n_jsonl}


def memory(total: int, settings: Settings) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="veille-bench-") as tmp:
        layout = build_corpus(Path(tmp), total)
        start = rss_mb()
        samples, articles, rejections = [], 0, 0
        ids: set[str] = set()
        started = time.perf_counter()
        for n, item in enumerate(iter_articles([tmp], settings), 1):
            if isinstance(item, Article):
                articles += 1
                ids.add(item.doc_id)
            else:
                rejections += 1
            if n % 500 == 0:
                samples.append(rss_mb())
        elapsed = time.perf_counter() - started
    return {"layout": layout, "articles": articles, "distinct ids": len(ids), "rejections": rejections,
            "rss start MB": start, "rss peak MB": max(samples), "rss at 1,000 docs MB": samples[1],
            "rss at end MB": samples[-1], "docs/s": (articles + rejections) / elapsed, "samples": samples}


def report(rates: dict[str, float], mem: dict[str, object], rounds: int, total: int) -> str:
    ours = rates["veille parse_source"]
    lines = [
        "# Ingestion benchmark",
        "",
        f"- date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- machine: {platform.machine()}, {os.cpu_count()} CPU, Python {platform.python_version()}",
        "- versions: " + ", ".join(f"{p} {version(p)}" for p in PACKAGES),
        f"- speed corpus: 100 Wikinews HTML pages (tests/data/corpus/wikinews-fr-2012/html), {rounds} interleaved "
        "rounds, median round",
        f"- memory corpus: {total:,} documents ({', '.join(f'{v:,} {k}' for k, v in mem['layout'].items())}), "
        "iter_articles over the directory, RSS sampled every 500 documents",
        "",
        "| measure | value |",
        "|---|---|",
    ]
    for label, rate in rates.items():
        if not label.startswith("part:"):
            lines.append(f"| {label} | {rate:,.0f} docs/s ({1000 / rate:.2f} ms/doc) |")
    for label in ("trafilatura.extract (defaults)", "trafilatura.extract (our options)"):
        lines.append(f"| ratio parse_source / {label} | {ours / rates[label]:.2f} |")
    parts = {label.removeprefix("part: "): 1000 / rate for label, rate in rates.items() if label.startswith("part:")}
    rest = 1000 / ours - sum(parts.values())
    lines.append("| parse_source time per page | " + ", ".join(f"{k} {v:.2f} ms" for k, v in parts.items())
                 + f", the rest (decoding, detection, blocks, headings, dates, hash) {rest:.2f} ms |")
    lines += [
        f"| iter_articles over the {total:,} documents | {mem['docs/s']:,.0f} docs/s "
        f"({mem['articles']:,} articles, {mem['distinct ids']:,} distinct ids, {mem['rejections']} rejections) |",
        f"| RSS before / at 1,000 docs / peak / end | {mem['rss start MB']:.0f} / {mem['rss at 1,000 docs MB']:.0f} / "
        f"{mem['rss peak MB']:.0f} / {mem['rss at end MB']:.0f} MB |",
        "",
        "RSS every 500 documents (MB): " + ", ".join(f"{s:.0f}" for s in mem["samples"]),
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--docs", type=int, default=10_000)
    args = parser.parse_args()
    settings = Settings()
    rates = speed(args.rounds, settings)
    mem = memory(args.docs, settings)
    text = report(rates, mem, args.rounds, args.docs)
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
