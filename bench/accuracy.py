"""Honest accuracy: designs × layers by 5-fold cross-validation over train, and train → dev.

    .venv/bin/python bench/accuracy.py [--train tests/data/gold/train] [--dev tests/data/gold/dev]

Writes bench/results/accuracy.md (the designs table, then per type, per status, attribution and
calibration for the hybrid, which is the shipped design) and bench/results/folds.md (the folds).
The learned parts are refitted in every fold; no article is scored by a model that saw it.
"""
from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads: BLAS threads only slow the fits

from _common import DATA, versions_line, write_result

from veille.extract.analyze import Resources, current_versions
from veille.training.cv import load_corpus
from veille.training.folds import assign_folds, folds_table
from veille.training.report import report, run_designs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=DATA / "gold" / "train")
    ap.add_argument("--dev", type=Path, default=DATA / "gold" / "dev")
    a = ap.parse_args()
    started = time.perf_counter()
    res = Resources.load(learned=False)  # each fold fits its own model
    train, dev = load_corpus(a.train, res), load_corpus(a.dev, res)
    failed = [p.article.doc_id for p in train + dev if p.rules is None]
    results = run_designs(train, dev, res)
    header = [f"- {versions_line()}",
              f"- train: {a.train.name} ({len(train)} articles, {sum(len(p.gold['events']) for p in train)} events); "
              f"dev: {a.dev.name} ({len(dev)} articles, {sum(len(p.gold['events']) for p in dev)} events)",
              f"- shipped analysis versions: {current_versions()}",
              f"- articles whose analysis failed (scored as empty): {', '.join(failed) or 'none'}",
              f"- run time: {time.perf_counter() - started:.0f} s"]
    write_result("accuracy.md", report(results, header))
    write_result("folds.md", "# Cross-validation folds (veille.training.folds)\n\n"
                 + folds_table(assign_folds(p.article.doc_id for p in train)) + "\n")


if __name__ == "__main__":
    main()
