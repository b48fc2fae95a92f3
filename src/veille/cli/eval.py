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
scorer (eval/score.py).

Honest numbers for the learned event layer: --cv runs k-fold cross-validation by article
over the --gold folder (the model refitted on the other folds each time, never scoring an
article it saw), and --train DIR fits on DIR and scores the --gold folder; both print the
designs table (rules, model alone, hybrid) unless --design picks one."""


def register(subparsers) -> None:
    p = add_command(subparsers, "eval", help="score the analysis against gold files",
                    description=DESCRIPTION, example="veille eval --gold tests/data/gold/dev --details")
    p.add_argument("--gold", required=True, type=Path, metavar="DIR", help="folder of gold JSON files")
    p.add_argument("--db", metavar="PATH", default=None, help="score this store instead of a fresh analysis")
    p.add_argument("--details", action="store_true", help="list misses and wrong attributes")
    p.add_argument("--json", action="store_true", help="print a JSON summary as the last line")
    p.add_argument("--cv", action="store_true", help="5-fold cross-validation by article over --gold")
    p.add_argument("--train", type=Path, metavar="DIR", default=None,
                   help="fit the learned layer on this gold folder, then score --gold")
    p.add_argument("--design", choices=("rules", "model", "hybrid", "all"), default="all",
                   help="with --cv or --train: which design(s) to score (default: all)")
    p.set_defaults(run=run_eval)


def run_eval(args) -> int:
    if args.cv or args.train:
        return run_honest(args)
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


def run_honest(args) -> int:
    from veille.extract.analyze import Resources
    from veille.training.cv import DESIGNS, HYBRID, MODEL, RULES, load_corpus
    from veille.training.report import designs_table, detail_tables, run_designs

    load_gold(args.gold)  # a clear error before the model loads
    designs = {"rules": (RULES,), "model": (MODEL,), "hybrid": (HYBRID,), "all": DESIGNS}[args.design]
    res = Resources.load(learned=False)  # each fold fits its own model
    if args.cv:
        results = run_designs(load_corpus(args.gold, res), [], res, designs)
    else:
        results = [s for s in run_designs(load_corpus(args.train, res), load_corpus(args.gold, res), res, designs)
                   if s.setting.startswith("train")]
    print("\n".join(designs_table(results)))
    if args.details:
        for s in results:
            print("\n".join(detail_tables(s)))
    return 0
