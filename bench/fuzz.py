"""Mutation fuzzing of every reader and of the analyser: crashes, hangs and peak memory.

    .venv/bin/python bench/fuzz.py                      # 100,000 inputs (about 10 min of CPU on one core)
    .venv/bin/python bench/fuzz.py --inputs 5000 --seed 7

Seeds are small real inputs of every kind (plain text, HTML, RSS, Atom, WARC, WARC.gz, JSON Lines, a
JSON array, CSV) built from the Wikinews corpus in tests/data; each input is a seed mutated 1 to 4
times (bit flips, deleted, repeated or spliced ranges, truncation, gzip, and hostile fragments:
character references beyond Unicode, deep nesting, lone surrogates, absurd dates, NUL bytes...).
Each goes through ``iter_articles`` as standard input, the way `veille ingest -` reads it (no
network: linked pages are never fetched). A share of the inputs are French texts, mutated or random,
analysed by the real analyser with publication dates from 0001 to 9999.

A crash is an exception escaping, or a rejection saying "unexpected error" (the per-item boundary
caught a bug). A hang is an input still running after HANG_S seconds of CPU time (interrupted: CPU,
not wall time, so that a busy machine does not make hangs), or for the analyser after the larger of
HANG_S and HANG_S_PER_KCHAR per 1,000 characters; a slow one took more than SLOW_S of wall time.
Analyser texts are cut at MAX_ANALYSER_CHARS; a separate scaling check analyses the worst shapes
(repeated brackets, corpus text) at growing sizes and reports CPU per 1,000 characters. Writes bench/results/fuzz.md; the first crashing input of each kind of crash is
saved in bench/results/fuzz-crashes/ to replay.
"""
from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import logging
import os
import random
import resource
import signal
import sys
import time
import traceback
from collections import Counter
from datetime import date
from pathlib import Path

from _common import DATA, RESULTS, WIKINEWS_JSONL, versions_line

HANG_S = 10.0
# An analyser input hangs past HANG_S of CPU or HANG_S_PER_KCHAR a 1,000 characters, whichever is more: the
# analyser's time is linear in the text (about 0.2 s a 1,000 characters at worst, brackets and junk), so a
# 500,000-character text taking 90 s is slow, not stuck. Generated analyser texts are cut at
# MAX_ANALYSER_CHARS (a long article); size itself is measured apart, by scaling_check.
HANG_S_PER_KCHAR = 0.5
MAX_ANALYSER_CHARS = 50_000
SCALING_SIZES = (25_000, 50_000, 100_000)
SLOW_S = 2.0
MAX_SAVED_BYTES = 50_000  # crashing inputs larger than this are described, not saved
SEED_TEXT_CHARS = 1500
ANALYSER_SHARE = 0.02  # analyser inputs are ~100 times slower than reader inputs
# how often each reader is fuzzed: the HTML extractor (trafilatura) costs ~25 ms an input, the
# line-based readers ~2 ms, so the slow ones get fewer inputs to keep 100,000 under 20 minutes
KIND_WEIGHTS = {"text": 14, "html": 8, "rss": 9, "atom": 9, "warc": 6, "warc.gz": 6, "jsonl": 16, "json": 14,
                "csv": 18}
HOSTILE = [
    b"&#1114112;", b"&#99999999999;", b"&#x110000;", b"&#xD800;", b"&#0;", b"\\ud800", b"\\udfff\\ud800",
    b"[" * 3000, b"{\"a\":" * 2000, b"\x00", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\x1f\x8b",
    b"0001-01-01", b"9999-12-31", b"99999999999999999999", b"-1e999", b"NaN", b"<![CDATA[", b"]]>",
    b"<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>", b"&b;",
    b"<script>", b"</p>" * 50, b"<p>" * 500, b"WARC/1.0\r\n", b"Content-Length: 99999999999\r\n",
    b"\r\n\r\n", "Ã©Ã¨".encode(), "é".encode("latin-1"), b"\xc3", b"\xf4\x90\x80\x80", b"\xed\xa0\x80",
    "hier, demain, lundi dernier, il y a 99999999 jours".encode(), b"\"", b",", b";", b"\t", b"\n" * 100,
]
FRENCH_NAMES = ["Diarra", "Traoré", "Keïta", "Coulibaly", "Maïga", "Touré"]
ROLES = ["enseignant à Ségou", "journaliste à Kayes", "médecin à Mopti", "ministre de la Défense",
         "président de l'Assemblée", "chef de la junte", "porte-parole du gouvernement"]


class Hang(Exception):
    pass


_QUIET = open(os.devnull, "w")  # noqa: SIM115 - for the whole run


# ---------------------------------------------------------------------------------------------- seeds


def _records(n: int = 40) -> list[dict]:
    lines = WIKINEWS_JSONL.read_text(encoding="utf-8").splitlines()[:n]
    return [json.loads(line) for line in lines]


def _html(r: dict) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in r["text"][:SEED_TEXT_CHARS].split("\n") if p.strip())
    return (f"<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{r['title']}</title>"
            f"<meta property=\"article:published_time\" content=\"{r.get('published', '')}\"></head>"
            f"<body><article><h1>{r['title']}</h1>{paragraphs}</article></body></html>").encode()


def _rss(rs: list[dict]) -> bytes:
    items = "".join(f"<item><title>{r['title']}</title><link>https://example.org/{r['id']}</link>"
                    f"<pubDate>Tue, 22 May 2012 10:00:00 +0000</pubDate><description><![CDATA["
                    f"{r['text'][:SEED_TEXT_CHARS]}]]></description></item>" for r in rs)
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


def _atom(rs: list[dict]) -> bytes:
    entries = "".join(f"<entry><title>{r['title']}</title><id>urn:{r['id']}</id><updated>2012-05-22T10:00:00Z"
                      f"</updated><content type=\"html\">{r['text'][:SEED_TEXT_CHARS].replace('&', '&amp;')}"
                      "</content></entry>" for r in rs)
    return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>{entries}</feed>'.encode()


def _warc(rs: list[dict], compress: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for r in rs:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.org/{r['id']}", "response",
                                                      payload=io.BytesIO(_html(r)), http_headers=headers))
    return out.getvalue()


def _jsonl(rs: list[dict]) -> bytes:
    return "\n".join(json.dumps({**r, "text": r["text"][:SEED_TEXT_CHARS]}, ensure_ascii=False) for r in rs).encode()


def _csv(rs: list[dict]) -> bytes:
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "title", "published", "text"])
    for r in rs:
        writer.writerow([r["id"], r["title"], r.get("published", ""), r["text"][:SEED_TEXT_CHARS]])
    return out.getvalue().encode()


def build_seeds() -> dict[str, list[bytes]]:
    rs = _records()
    groups = [rs[i:i + 3] for i in range(0, 24, 3)]
    seed_text = (DATA / "corpus" / "seed" / "mali-russie-junte-2020-09-01.txt").read_bytes()
    return {
        "text": [seed_text[:4000]] + [f"{r['title']}\n\n{r['text'][:SEED_TEXT_CHARS]}".encode() for r in rs[:8]],
        "html": [_html(r) for r in rs[:8]],
        "rss": [_rss(g) for g in groups],
        "atom": [_atom(g) for g in groups],
        "warc": [_warc(g, compress=False) for g in groups[:4]],
        "warc.gz": [_warc(g, compress=True) for g in groups[:4]],
        "jsonl": [_jsonl(g) for g in groups],
        "json": [json.dumps([{**r, "text": r["text"][:600]} for r in g], ensure_ascii=False).encode() for g in groups],
        "csv": [_csv(g) for g in groups],
    }


# ---------------------------------------------------------------------------------------------- mutation


def mutate(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    for _ in range(rng.randint(1, 4)):
        data = rng.choice(_MUTATIONS)(bytearray(data), rng, others)
    return bytes(data)


def _span(data: bytearray, rng: random.Random) -> tuple[int, int]:
    if not data:
        return 0, 0
    start = rng.randrange(len(data))
    return start, min(len(data), start + rng.choice((1, 2, 8, 64, 512)))


def _flip(data, rng, others):
    for _ in range(rng.randint(1, 8)):
        if data:
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return data


def _random_bytes(data, rng, others):
    at = rng.randint(0, len(data))
    return data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 32))) + data[at:]


def _hostile(data, rng, others):
    at = rng.randint(0, len(data))
    return data[:at] + rng.choice(HOSTILE) * rng.choice((1, 1, 3, 50)) + data[at:]


def _delete(data, rng, others):
    start, end = _span(data, rng)
    return data[:start] + data[end:]


def _repeat(data, rng, others):
    start, end = _span(data, rng)
    return data[:end] + data[start:end] * rng.choice((2, 10, 200)) + data[end:]


def _splice(data, rng, others):
    other = rng.choice(others)
    at, cut = rng.randint(0, len(data)), rng.randint(0, len(other))
    return data[:at] + other[cut:cut + rng.choice((16, 256, 4096))] + data[at:]


def _truncate(data, rng, others):
    return data[:rng.randint(0, len(data))]


def _gzip(data, rng, others):
    packed = gzip.compress(bytes(data), 1)
    return packed[:rng.randint(10, len(packed))] if rng.random() < 0.3 else packed


def _recode(data, rng, others):
    text = bytes(data).decode("utf-8", errors="replace")
    encoding = rng.choice(("latin-1", "cp1252", "utf-16-le", "utf-16-be", "utf-16", "mojibake"))
    if encoding == "mojibake":
        return bytearray(text.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"))
    return bytearray(text.encode(encoding, errors="replace"))


_MUTATIONS = [_flip, _flip, _random_bytes, _hostile, _hostile, _hostile, _delete, _repeat, _splice, _truncate,
              _gzip, _recode]


# ---------------------------------------------------------------------------------------------- running


def _alarm(signum, frame):
    raise Hang()


class Tally:
    def __init__(self) -> None:
        self.inputs: Counter = Counter()
        self.articles: Counter = Counter()
        self.rejections: Counter = Counter()
        self.crashes: Counter = Counter()
        self.hangs: Counter = Counter()
        self.slow: Counter = Counter()
        self.longest: dict[str, float] = {}
        self.seconds: Counter = Counter()
        self.signatures: dict[str, str] = {}

    def timed(self, kind: str, seconds: float) -> None:
        self.longest[kind] = max(self.longest.get(kind, 0.0), seconds)
        self.seconds[kind] += seconds
        if seconds > SLOW_S:
            self.slow[kind] += 1


def _crash(tally: Tally, kind: str, signature: str, data: bytes, out: Path, hang: bool = False) -> None:
    """Count a crash (a hang is counted by the caller) and save the first input of each signature."""
    if not hang:
        tally.crashes[kind] += 1
    if signature not in tally.signatures:
        name = f"{kind}-{len(tally.signatures) + 1}.bin"
        if len(data) <= MAX_SAVED_BYTES:
            out.mkdir(parents=True, exist_ok=True)
            (out / name).write_bytes(data)
        else:
            name = f"(not saved: {len(data):,} bytes; rerun with the same seed)"
        tally.signatures[signature] = name


def run_reader(kind: str, data: bytes, settings, tally: Tally, out: Path) -> None:
    from veille.ingest import iter_articles
    from veille.model import Article

    tally.inputs[kind] += 1
    started = time.perf_counter()
    signal.setitimer(signal.ITIMER_PROF, HANG_S)
    try:
        with contextlib.redirect_stderr(_QUIET):  # warcio prints its warnings itself
            items = list(iter_articles(["-"], settings, stdin=io.BytesIO(data)))
        for item in items:
            if isinstance(item, Article):
                tally.articles[kind] += 1
            else:
                tally.rejections[kind] += 1
                if item.reason.startswith("unexpected error"):
                    _crash(tally, kind, item.reason[:160], data, out)
    except Hang:
        tally.hangs[kind] += 1
        _crash(tally, kind, f"hang: {kind} input still running after {HANG_S:g} s of CPU", data, out, hang=True)
    except Exception as exc:  # noqa: BLE001 - what the fuzzer is looking for
        _crash(tally, kind, f"{type(exc).__name__}: {str(exc)[:120]} at {traceback.extract_tb(exc.__traceback__)[-1]}",
               data, out)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    tally.timed(kind, time.perf_counter() - started)


def french_text(rng: random.Random, corpus: list[str]) -> str:
    """A French text: corpus sentences, shuffled words, namesakes with roles, time words, junk."""
    choice = rng.random()
    if choice < 0.3:
        names = [f"{first} {rng.choice(FRENCH_NAMES)}, {rng.choice(ROLES)}, a déclaré hier que rien n'avait changé."
                 for first in rng.sample(["Seydou", "Awa", "Bakary", "Oumar", "Fanta", "Moussa"], rng.randint(2, 5))]
        return " ".join(names) + f" {rng.choice(FRENCH_NAMES)} a démenti demain."
    base = rng.choice(corpus)[:rng.choice((200, 800, 3000))]
    if choice < 0.6:
        words = base.split()
        rng.shuffle(words)
        return " ".join(words)
    if choice < 0.9:
        return mutate(base.encode(), rng, [c.encode() for c in corpus[:5]]).decode("utf-8", errors="replace")
    return "".join(chr(rng.choice((rng.randrange(32, 0x250), rng.randrange(0x250, 0x3000)))) for _ in range(rng.randint(1, 400)))


def analyser_budget(chars: int) -> float:
    """CPU seconds an analyser input may take before it counts as a hang: linear in its size."""
    return max(HANG_S, HANG_S_PER_KCHAR * chars / 1000)


def scaling_check(analyzer, settings, corpus: list[str]) -> list[tuple[str, int, float]]:
    """CPU seconds per 1,000 characters of the analyser on the worst shapes at growing sizes."""
    from veille.ingest.article import build_article
    from veille.model import SourceKind

    prose = " ".join(corpus)
    shapes = {"corpus prose": prose, "repeated brackets": "[" * 9000 + " " + prose[:2000]}
    rows = []
    for name, base in shapes.items():
        for size in SCALING_SIZES:
            text = (base * (size // len(base) + 1))[:size]
            article = build_article(title=None, text=text, kind=SourceKind.TEXT, locator=f"scale-{size}",
                                    settings=settings, published=None)
            cpu = time.process_time()
            analyzer([article])
            rows.append((name, size, 1000 * (time.process_time() - cpu) / size))
    return rows


def run_analyser(texts: list[tuple[str, date | None]], analyzer, settings, tally: Tally, out: Path) -> None:
    from veille.ingest.article import build_article
    from veille.model import SourceKind

    articles = []
    for n, (text, published) in enumerate(texts):
        try:
            articles.append(build_article(title=None, text=text, kind=SourceKind.TEXT, locator=f"fuzz-{n}",
                                          settings=settings, published=published))
        except Exception:  # noqa: BLE001 - an empty text is rejected by the reader, not analysed
            continue
    for article in articles:
        tally.inputs["analyser"] += 1
        started = time.perf_counter()
        signal.setitimer(signal.ITIMER_PROF, analyser_budget(len(article.text)))
        try:
            analyzer([article])
            tally.articles["analyser"] += 1
        except Hang:
            tally.hangs["analyser"] += 1
            _crash(tally, "analyser", f"hang: analyser input {tally.hangs['analyser']}",
                   f"{article.published}\n{article.text}".encode(), out, hang=True)
        except Exception as exc:  # noqa: BLE001
            from veille.errors import RejectedInput
            if isinstance(exc, RejectedInput):
                tally.rejections["analyser"] += 1
            else:
                _crash(tally, "analyser", f"{type(exc).__name__}: {str(exc)[:120]} at "
                       f"{traceback.extract_tb(exc.__traceback__)[-1]}",
                       f"{article.published}\n{article.text}".encode(), out)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        tally.timed("analyser", time.perf_counter() - started)


def report(tally: Tally, seconds: float, total: int, seed: int, cpu_seconds: float = 0.0) -> str:
    kinds = sorted(tally.inputs, key=lambda k: (k == "analyser", k))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [
        "# Fuzzing: readers and analyser", "",
        f"{versions_line()}", "",
        f"`bench/fuzz.py --inputs {total} --seed {seed}`: {sum(tally.inputs.values()):,} inputs in {seconds / 60:.1f} min "
        f"of wall time and {cpu_seconds / 60:.1f} min of CPU time (one process, one core; the machine was shared); "
        f"peak memory (max RSS) {rss_mb:,.0f} MB.", "",
        f"Crash: an exception escaping, or a rejection saying \"unexpected error\". Hang: still running after "
        f"{HANG_S:g} s of CPU time (interrupted); for the analyser, after the larger of {HANG_S:g} s and "
        f"{HANG_S_PER_KCHAR:g} s per 1,000 characters, its texts cut at {MAX_ANALYSER_CHARS:,} characters. "
        f"Slow: more than {SLOW_S:g} s of wall time.", "",
        "| input kind | inputs | articles | rejections | crashes | hangs | slow | mean (ms) | longest (s) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for k in kinds:
        lines.append(f"| {k} | {tally.inputs[k]:,} | {tally.articles[k]:,} | {tally.rejections[k]:,} | "
                     f"{tally.crashes[k]} | {tally.hangs[k]} | {tally.slow[k]} | "
                     f"{1000 * tally.seconds[k] / max(1, tally.inputs[k]):.1f} | {tally.longest.get(k, 0):.2f} |")
    lines.append(f"| **all** | **{sum(tally.inputs.values()):,}** | {sum(tally.articles.values()):,} | "
                 f"{sum(tally.rejections.values()):,} | **{sum(tally.crashes.values())}** | "
                 f"**{sum(tally.hangs.values())}** | {sum(tally.slow.values())} | "
                 f"{1000 * sum(tally.seconds.values()) / max(1, sum(tally.inputs.values())):.1f} | "
                 f"{max(tally.longest.values(), default=0):.2f} |")
    lines += ["", "## Crash and hang signatures", ""]
    lines += [f"- `{sig}` (input: {name if name.startswith('(') else 'fuzz-crashes/' + name})"
              for sig, name in tally.signatures.items()] or ["None."]
    return "\n".join(lines) + "\n"


def scaling_report(rows: list[tuple[str, int, float]]) -> str:
    if not rows:
        return ""
    lines = ["", "## Analyser time against size", "",
             f"Analyser inputs above were cut at {MAX_ANALYSER_CHARS:,} characters; size is measured here. CPU seconds "
             "per 1,000 characters (linear: the figure stays flat as the size doubles):", "",
             "| text | " + " | ".join(f"{s:,} chars" for s in SCALING_SIZES) + " |",
             "|---|" + "---:|" * len(SCALING_SIZES)]
    for name in dict.fromkeys(r[0] for r in rows):
        lines.append(f"| {name} | " + " | ".join(f"{r[2]:.3f}" for r in rows if r[0] == name) + " |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=100_000, help="inputs in all (default 100,000)")
    parser.add_argument("--seed", type=int, default=10, help="random seed (default 10)")
    parser.add_argument("--analyser-share", type=float, default=ANALYSER_SHARE)
    parser.add_argument("--out", type=Path, default=RESULTS / "fuzz.md")
    parser.add_argument("--no-scaling", dest="scaling", action="store_false", help="skip the size scaling check")
    args = parser.parse_args()

    from veille.config import FetchSettings, Settings
    from veille.extract.analyze import Analyzer

    settings = Settings(fetch=FetchSettings(fetch_linked_pages=False), max_input_bytes=5_000_000)
    logging.getLogger("veille").addHandler(logging.NullHandler())  # the warnings each input logs
    logging.getLogger("veille").propagate = False
    rng = random.Random(args.seed)
    seeds = build_seeds()
    everything = [s for group in seeds.values() for s in group]
    corpus = [r["text"] for r in _records(100)]
    crashes_dir = args.out.parent / "fuzz-crashes"
    signal.signal(signal.SIGPROF, _alarm)
    analyzer = Analyzer(batch_size=16)
    analyzer.warm()
    tally, started, cpu_started = Tally(), time.perf_counter(), time.process_time()
    n_analyser = int(args.inputs * args.analyser_share)
    readers = args.inputs - n_analyser
    dates = [None, date(1, 1, 1), date(9999, 12, 31), date(1800, 1, 1), date(2200, 12, 31), date(2012, 5, 22)]
    for i in range(readers):
        kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
        data = rng.choice(seeds[kind])
        run_reader(kind, mutate(data, rng, everything) if rng.random() < 0.97 else data, settings, tally, crashes_dir)
        if i % 5000 == 0:
            print(f"{i:,} reader inputs, {sum(tally.crashes.values())} crashes, {time.perf_counter() - started:.0f} s",
                  file=sys.stderr)
    texts = [(french_text(rng, corpus)[:MAX_ANALYSER_CHARS], rng.choice(dates)) for _ in range(n_analyser)]
    run_analyser(texts, analyzer, settings, tally, crashes_dir)
    elapsed, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    scaling = scaling_check(analyzer, settings, corpus) if args.scaling else []
    table = report(tally, elapsed, args.inputs, args.seed, cpu_seconds) + scaling_report(scaling)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(table, encoding="utf-8")
    print(table)
    return 1 if tally.crashes or tally.hangs else 0


if __name__ == "__main__":
    sys.exit(main())
