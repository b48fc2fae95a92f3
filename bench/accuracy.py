"""Accuracy of the whole analysis against gold files, overall and per event type.

    .venv/bin/python bench/accuracy.py [--gold tests/data/gold/dev] [--out accuracy.md]

Analyses the gold texts in a temporary store (the same path as `veille eval`), scores
with the gold scorer, and writes bench/results/accuracy.md (date, corpus, versions).
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _common import GOLD_DIR, versions_line, write_result

from veille.evaluation.run import analyse_gold, evaluate_store, load_gold, system_export
from veille.evaluation.scorer import event_score, format_table, greedy_match, prf
from veille.extract.analyze import Analyzer, Resources
from veille.model import EventType
from veille.store import Store


def per_type(gold: dict, system: dict) -> list[tuple]:
    """(type, gold n, system n, P, R, F1, status accuracy) for every PLOVER type."""
    rows = []
    for etype in EventType:
        t = etype.value
        n_g = n_s = tp = st = 0
        for doc_id, g in gold.items():
            gev = [e for e in g.get("events", []) if e["type"] == t]
            sev = [e for e in system.get(doc_id, {}).get("events", []) if e["type"] == t]
            pairs = greedy_match(gev, sev, event_score)
            n_g, n_s, tp = n_g + len(gev), n_s + len(sev), tp + len(pairs)
            st += sum((gev[i].get("status") or "asserted") == sev[j].get("status") for i, j in pairs)
        p, r, f = prf(tp, n_s, n_g)
        rows.append((t, n_g, n_s, p, r, f, st / tp if tp else 0.0))
    return rows


def report(gold_dir: Path, res: dict, rows: list[tuple], versions: dict) -> str:
    lines = ["# Accuracy on gold (bench/accuracy.py)", "",
             f"- {versions_line()}", f"- gold: {gold_dir} ({res['documents']} documents, "
             f"{res['counts']['ev_gold']} events, {res['counts']['q_gold']} quotes, {res['counts']['t_gold']} timexes)",
             f"- analysis versions: {versions}", "", "```", format_table(res), "```", "",
             "| type | gold | system | P | R | F1 | status acc |", "|---|---:|---:|---:|---:|---:|---:|"]
    lines += [f"| {t} | {g} | {s} | {p:.3f} | {r:.3f} | {f:.3f} | {sa:.3f} |" for t, g, s, p, r, f, sa in rows]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD_DIR)
    ap.add_argument("--out", default="accuracy.md")
    a = ap.parse_args()
    gold = load_gold(a.gold)
    analyzer = Analyzer(Resources.load())
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "acc.db"
        analyse_gold(gold, analyzer, a.gold, db)
        res = evaluate_store(gold, db)
        with Store.open(db, create=False) as store:
            system = system_export(store, list(gold))
    write_result(a.out, report(a.gold, res, per_type(gold, system), analyzer.versions))


if __name__ == "__main__":
    main()
