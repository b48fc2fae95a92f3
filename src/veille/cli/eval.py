"""`veille eval`: accuracy against gold files, the same table as the reference scorer."""
from __future__ import annotations

import json
from pathlib import Path

from veille.cli.common import add_command
from veille.config import Settings
from veille.evaluation.run import evaluate_store, evaluate_texts, load_gold
from veille.evaluation.scorer import format_table

DESCRIPTION = """\
Analyse the gold articles' texts (dev gold carries them) in a temporary store and
score the result against the gold; with --db, score the articles already in that
store whose doc_id is in the gold folder. Prints the same table as the reference
scorer (eval/score.py)."""


def register(subparsers) -> None:
    p = add_command(subparsers, "eval", help="score the analysis against gold files",
                    description=DESCRIPTION, example="veille eval --gold tests/data/gold/dev --details")
    p.add_argument("--gold", required=True, type=Path, metavar="DIR", help="folder of gold JSON files")
    p.add_argument("--db", metavar="PATH", default=None, help="score this store instead of a fresh analysis")
    p.add_argument("--details", action="store_true", help="list misses and wrong attributes")
    p.add_argument("--json", action="store_true", help="print a JSON summary as the last line")
    p.set_defaults(run=run_eval)


def run_eval(args) -> int:
    gold = load_gold(args.gold)
    if args.db:
        res = evaluate_store(gold, Path(args.db))
    else:
        from veille.extract.analyze import make_analyzer

        res = evaluate_texts(gold, make_analyzer(Settings()), args.gold)
    if args.details:
        print("\n".join(res["notes"]))
    print(format_table(res))
    if args.json:
        print(json.dumps({k: v for k, v in res.items() if k not in ("missing_documents", "notes")}))
    return 0
