"""How many gold actors resolve to a knowledge-base entry (not collected by pytest).

    .venv/bin/python bench/kb_coverage.py [--gold tests/data/gold/train] [--out bench/results/kb_coverage.md]

Every actor of the gold (event source, target and attributed_to, quote speaker) is taken once
per article and name. Its name is looked for in the article text; where it is found, the
resolver (knowledge.resolver.DocActors, on the article's publication date, null for the train
set) is asked for the actor of that span. An actor "resolves" when the resolver returns an
entry of the knowledge base (a country, an organisation or a person: `kb_id` set); it is
"right" when that actor also agrees with the gold by the scorer's rule (same org, or same
country and one sector in common).

Kinds, from the gold alone: `state` (the name is a country, a capital, a seat of power or a
demonym the knowledge base knows), `person` (two or more capitalised words, not acronyms),
`organisation` (otherwise, when the gold gives an org id), `description` (any other phrase:
"le ministre britannique").
The most frequent unresolved names of people and organisations are listed: they are where
knowledge is missing (or where the resolver does not see a name it has).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from _common import DATA, versions_line, write_result  # noqa: E402

from veille.knowledge.gazetteer import Gazetteer  # noqa: E402
from veille.knowledge.kb import KnowledgeBase  # noqa: E402
from veille.knowledge.resolver import resolve_doc  # noqa: E402
from veille.nlp import load_nlp  # noqa: E402

SHARED = ROOT.parent / "shared"
KINDS = ("person", "organisation", "state", "description")
PARTICLES = {"de", "du", "des", "la", "le", "al", "el", "ben", "bin", "ould", "van", "von", "da", "dos", "ag", "ibn"}
STATE_HITS = {"country", "seat", "demonym"}


def scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_actors(g: dict) -> dict[str, dict]:
    """name -> gold actor dict, one per distinct name in the article."""
    found: dict[str, dict] = {}
    for ev in g.get("events", []):
        for key in ("source", "target", "attributed_to"):
            a = ev.get(key)
            if isinstance(a, dict) and a.get("name"):
                found.setdefault(a["name"], a)
    for q in g.get("quotes", []):
        a = q.get("speaker")
        if isinstance(a, dict) and a.get("name"):
            found.setdefault(a["name"], a)
    return found


def kind_of(actor: dict, kb: KnowledgeBase) -> str:
    name = actor["name"].strip()
    if any(h.kind in STATE_HITS for h in kb.lookup(name)):
        return "state"
    words = re.findall(r"[\w'’-]+", name)
    capitalised = [w for w in words if w.lower() not in PARTICLES]
    if "(" not in name and len(capitalised) >= 2 and all(w[0].isupper() and not w.isupper() for w in capitalised):
        return "person"
    if actor.get("org"):
        return "organisation"
    return "description"


def find_span(doc, name: str):
    """The first span of the text spelling the name as whole words (as written, else in any
    case), or None."""
    pattern = r"(?<!\w)" + re.escape(name) + r"(?!\w)"
    m = re.search(pattern, doc.text) or re.search(pattern, doc.text, re.IGNORECASE)
    if m is None:
        return None
    return doc.char_span(m.start(), m.end(), alignment_mode="expand")


def measure(gold_dir: Path) -> tuple[dict, dict, list[str]]:
    score = scorer()
    kb, gazetteer, nlp = KnowledgeBase.load(), Gazetteer.load(), load_nlp()
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in sorted(gold_dir.glob("*.json"))]
    counts: dict[str, Counter] = {k: Counter() for k in KINDS}
    missing: dict[str, Counter] = defaultdict(Counter)
    skipped = []
    for g, doc in zip(golds, nlp.pipe((g["text"] for g in golds), batch_size=16)):
        published = date.fromisoformat(g["published"][:10]) if g.get("published") else None
        try:
            actors = resolve_doc(doc, published, kb, gazetteer, title=g.get("title"))
        except AttributeError as exc:  # issue 7: two train articles crash knowledge/appositions.py
            skipped.append(f"{g['doc_id']} ({exc})")
            continue
        for name, actor in gold_actors(g).items():
            kind = kind_of(actor, kb)
            c = counts[kind]
            c["actors"] += 1
            span = find_span(doc, name)
            if span is None:
                continue
            c["in_text"] += 1
            found = actors.actor_for_span(span)
            if found is not None and found.kb_id:
                c["resolved"] += 1
                c["right"] += score.actor_ok(actor, found.to_json())
            elif kind in ("person", "organisation"):
                missing[kind][f"{name} ({actor.get('country') or '-'})"] += 1
    return counts, missing, skipped


def table(counts: dict[str, Counter]) -> list[str]:
    rows = ["| kind | gold actors | name in text | resolve to a KB entry | of which right | coverage (of in text) |",
            "|---|---:|---:|---:|---:|---:|"]
    total = Counter()
    for kind in KINDS:
        c = counts[kind]
        total.update(c)
        rows.append(_row(kind, c))
    rows.append(_row("**all**", total))
    return rows


def _row(label: str, c: Counter) -> str:
    cov = c["resolved"] / c["in_text"] if c["in_text"] else 0.0
    return f"| {label} | {c['actors']} | {c['in_text']} | {c['resolved']} | {c['right']} | {cov:.3f} |"


def report(gold_dir: Path, counts, missing, skipped, top: int) -> str:
    kb = KnowledgeBase.load()
    lines = [f"# Knowledge-base coverage of the gold actors: {gold_dir.relative_to(ROOT)}", "",
             versions_line() + f"; kb {kb.version}", "",
             "One row per gold actor, counted once per article and name (event source, target and "
             "attributed_to, quote speaker). Resolved: the resolver, asked for the span where the name "
             "first appears, returns a knowledge-base entry; right: that entry also agrees with the gold "
             "(scorer's actor rule).", "", *table(counts), ""]
    if skipped:
        lines += [f"Skipped ({len(skipped)}, the analyser crashes on them): " + "; ".join(skipped), ""]
    for kind in ("person", "organisation"):
        lines += [f"## Most frequent unresolved {kind} names (articles)", ""]
        lines += [f"- {name}: {n}" for name, n in missing[kind].most_common(top)] or ["- none"]
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DATA / "gold" / "train")
    ap.add_argument("--out", default="kb_coverage.md", help="file name under bench/results/")
    ap.add_argument("--top", type=int, default=40, help="unresolved names listed per kind")
    args = ap.parse_args()
    counts, missing, skipped = measure(args.gold.resolve())
    write_result(args.out, report(args.gold.resolve(), counts, missing, skipped, args.top))


if __name__ == "__main__":
    main()
