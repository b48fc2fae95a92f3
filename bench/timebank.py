#!/usr/bin/env python3
"""Benchmark extract/timex/find.py on French TimeBank 1.1 and on the dev gold files.

    .venv/bin/python bench/timebank.py [--shared ../shared] [--details]

Measures (a) detection P/R/F1 of DATE-type TIMEX3 (a system timex matches a gold one when
their character extents overlap; one-to-one, greedy), (b) value accuracy over the matched
DATE timexes whose gold value is within our scope, (c) timex value P/R/F1 on gold/dev with
the scorer's own rule (eval/score.py), and (d) speed. Prints a table and writes it to
bench/results/timebank.md. Not collected by pytest.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import platform
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from veille.extract.timex import find_timexes  # noqa: E402
from veille.extract.timex.lexicon import LEXICON_PATH  # noqa: E402

IN_SCOPE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$|^\d{4}-W\d{2}$")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


def read_tml(path: Path) -> tuple[str, date, list[GoldTimex]]:
    """Plain text of <TEXT>, the creation date, and the TIMEX3 extents in that text."""
    root = ET.parse(path).getroot()
    dct = next(t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME")
    parts: list[str] = []
    timexes: list[GoldTimex] = []

    def walk(el: ET.Element) -> None:
        start = sum(map(len, parts))
        parts.append(el.text or "")
        for child in el:
            walk(child)
            parts.append(child.tail or "")
        if el.tag == "TIMEX3":
            end = sum(map(len, parts))
            text = "".join(parts)[start:end]
            timexes.append(GoldTimex(start, end, text, el.get("type", ""), el.get("value", "")))

    walk(root.find("TEXT"))
    return "".join(parts), date.fromisoformat(dct.get("value")[:10]), timexes


def scope_reason(value: str) -> str | None:
    """Why a gold DATE value is outside our value format, or None when it is within it."""
    value = value.removesuffix("-WE")  # a weekend is scored as its ISO week
    if IN_SCOPE.match(value):
        return None
    if value.startswith("XXXX"):
        return "generic (XXXX-..)"
    if re.search(r"-(SP|SU|FA|WI)$", value):
        return "season"
    if value.endswith("_REF"):
        return "PRESENT/PAST/FUTURE_REF"
    if re.match(r"^\d{2,3}X*$", value):
        return "decade/century"
    return f"other ({value})"


def overlap_pairs(gold: list[GoldTimex], system) -> list[tuple[int, int]]:
    cands = sorted(((min(g.end, s.end) - max(g.start, s.start), i, j)
                    for i, g in enumerate(gold) for j, s in enumerate(system)
                    if min(g.end, s.end) > max(g.start, s.start)), reverse=True)
    used_g, used_s, pairs = set(), set(), []
    for _, i, j in cands:
        if i not in used_g and j not in used_s:
            used_g.add(i), used_s.add(j), pairs.append((i, j))
    return pairs


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p, r = tp / n_sys if n_sys else 0.0, tp / n_gold if n_gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def bench_timebank(tml_dir: Path, details: bool) -> dict:
    c, skipped, chars, docs = Counter(), Counter(), 0, 0
    for path in sorted(tml_dir.glob("*.tml")):
        text, dct, gold = read_tml(path)
        docs, chars = docs + 1, chars + len(text)
        system = find_timexes(text, dct)
        dates = [g for g in gold if g.type == "DATE"]
        pairs = overlap_pairs(dates, system)
        other = {j for _, j in overlap_pairs([g for g in gold if g.type != "DATE"], system)}
        matched_s = {j for _, j in pairs}
        c["gold"] += len(dates)
        c["sys"] += len([j for j in range(len(system)) if j in matched_s or j not in other])
        c["tp"] += len(pairs)
        c["gold_in_scope"] += sum(scope_reason(g.value) is None for g in dates)
        c["tp_in_scope"] += sum(scope_reason(dates[i].value) is None for i, _ in pairs)
        for i, j in pairs:
            reason = scope_reason(dates[i].value)
            if reason:
                skipped[reason] += 1
                continue
            ok = system[j].value == dates[i].value.removesuffix("-WE")
            c["scored"] += 1
            c["right"] += ok
            if details and not ok:
                print(f"  value {path.stem}: {dates[i].text!r} gold={dates[i].value} sys={system[j].value} (dct {dct})")
        if details:
            for i, g in enumerate(dates):
                if i not in {a for a, _ in pairs}:
                    print(f"  missed {path.stem}: {g.text!r} {g.value}")
            for j, s in enumerate(system):
                if j not in matched_s and j not in other:
                    ctx = text[max(0, s.start - 30):s.end + 20].replace("\n", " ")
                    print(f"  spurious {path.stem}: {s.text!r} {s.value} | {ctx!r}")
    return {"docs": docs, "chars": chars, "counts": c, "skipped": skipped,
            "detection": prf(c["tp"], c["sys"], c["gold"]),
            "value_acc": c["right"] / c["scored"] if c["scored"] else 0.0}


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("veille_gold_scorer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dev_gold_f1(gold_dir: Path, scorer) -> tuple[tuple[float, float, float], int]:
    """Timex value P/R/F1 over the gold files with eval/score.py's matching rule."""
    tp = n_sys = n_gold = 0
    for path in sorted(gold_dir.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        pub = date.fromisoformat(doc["published"]) if doc.get("published") else None
        system = [{"text": t.text, "value": t.value} for t in find_timexes(doc["text"], pub)]
        gold = doc.get("timexes", [])
        n_sys, n_gold = n_sys + len(system), n_gold + len(gold)
        tp += sum(gold[i]["value"] == system[j]["value"]
                  for i, j in scorer.greedy_match(gold, system, scorer.timex_score))
    return prf(tp, n_sys, n_gold), n_gold


def speed(jsonl: Path) -> tuple[float, int]:
    """Milliseconds per 2,000 characters over a news corpus, and its size in articles."""
    docs = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines() if line.strip()]
    find_timexes("le 1er janvier 2020", date(2020, 1, 2))  # compile outside the clock
    runs = []
    for _ in range(5):  # best of 5, as timeit does
        t0 = time.perf_counter()
        for d in docs:
            find_timexes(d["text"], date.fromisoformat(d["published"]) if d.get("published") else None)
        runs.append(time.perf_counter() - t0)
    return min(runs) * 1000 / (sum(len(d["text"]) for d in docs) / 2000), len(docs)


def versions() -> str:
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    lex = re.search(r"^version:\s*(\S+)", LEXICON_PATH.read_text(encoding="utf-8"), re.M)
    return f"python {platform.python_version()}, veille {commit or '?'}, time.yaml v{lex.group(1) if lex else '?'}"


def report(tb: dict, dev: tuple, n_dev_gold: int, ms: float, n_speed: int) -> str:
    p, r, f = tb["detection"]
    c = tb["counts"]
    skipped = ", ".join(f"{k}: {v}" for k, v in tb["skipped"].most_common()) or "none"
    return "\n".join([
        f"# Timex benchmark — {date.today().isoformat()}",
        "",
        f"Versions: {versions()}.",
        f"French TimeBank 1.1: {tb['docs']} documents, {tb['chars']:,} characters, {c['gold']} DATE TIMEX3.",
        f"Dev gold: {n_dev_gold} timexes in gold/dev/*.json. Speed corpus: {n_speed} Wikinews articles.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| TimeBank DATE detection P / R / F1 (extent overlap) | {p:.3f} / {r:.3f} / {f:.3f} |",
        f"| TimeBank DATE detection recall, in-scope values only | {c['tp_in_scope'] / c['gold_in_scope']:.3f} "
        f"({c['tp_in_scope']}/{c['gold_in_scope']}) |",
        f"| TimeBank value accuracy (matched, in-scope DATE) | {tb['value_acc']:.3f} ({c['right']}/{c['scored']}) |",
        f"| Dev gold timex value P / R / F1 (eval/score.py rule) | {dev[0]:.3f} / {dev[1]:.3f} / {dev[2]:.3f} |",
        f"| Speed, ms per 2,000 characters (best of 5) | {ms:.2f} |",
        "",
        f"Matched DATE timexes skipped for value (outside our format): {skipped}. "
        "A gold `-WE` weekend value is compared as its ISO week. System timexes that overlap "
        "a non-DATE TIMEX3 (TIME, DURATION, SET) are neither counted right nor wrong for detection.",
        "",
    ])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared reference folder")
    ap.add_argument("--details", action="store_true", help="list misses, spurious timexes and wrong values")
    a = ap.parse_args()
    tb = bench_timebank(a.shared / "corpus" / "fr-timebank" / "tml", a.details)
    dev, n_dev_gold = dev_gold_f1(a.shared / "gold" / "dev", load_scorer(a.shared / "eval" / "score.py"))
    ms, n_speed = speed(a.shared / "corpus" / "wikinews-fr-2012" / "articles.jsonl")
    table = report(tb, dev, n_dev_gold, ms, n_speed)
    print(table)
    out = ROOT / "bench" / "results" / "timebank.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
