"""`make train`: fit the shipped event-type model and argument picker on the train gold, into the package.

    python -m veille.training [--gold tests/data/gold/train] [--out src/veille/extract/event_model/data]

Deterministic: the same gold and code give the same weights and so the same version, which joins
the analysis versions (``veille reanalyze`` then redoes what the new model would change).
"""
from __future__ import annotations

import argparse
import hashlib
import logging
from dataclasses import asdict
from pathlib import Path

from veille.extract.analyze import Resources
from veille.extract.event_model.arguments import drop_arguments, save_arguments
from veille.extract.event_model.model import default_dir, joined_version, save
from veille.training.arguments import fit_arguments
from veille.training.cv import HYBRID, TYPES, Design, load_corpus
from veille.training.fit import FitConfig, fit

DEFAULT_GOLD = Path("tests/data/gold/train")


def gold_digest(gold_dir: Path) -> str:
    digest = hashlib.sha256()
    for f in sorted(gold_dir.glob("*.json")):
        digest.update(f.name.encode())
        digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


def train(gold_dir: Path, out_dir: Path, res: Resources, design: Design = HYBRID,
          config: FitConfig = FitConfig()) -> str:
    """Fit on every article of ``gold_dir``; returns the new model version."""
    corpus = load_corpus(gold_dir, res)
    examples = [ex for p in corpus for ex in p.examples(design)]
    fitted = fit(examples, TYPES, config)
    info = {"design": design.name, "config": asdict(config), "gold": {
        "folder": gold_dir.name, "digest": gold_digest(gold_dir), "articles": len(corpus),
        "sentences": len(examples), "failed_analyses": sum(p.rules is None for p in corpus)}}
    version = save(out_dir, types=fitted.types, features=fitted.features, sparse=fitted.sparse, dense=fitted.dense,
                   intercept=fitted.intercept, thresholds=fitted.thresholds, hybrid=design.hybrid, info=info)
    if not design.arguments:
        drop_arguments(out_dir)
        return version
    choices = [c for p in corpus for c in p.choices(res)]
    picker = save_arguments(out_dir, fit_arguments(choices, config), {
        "config": asdict(config), "gold": {**info["gold"], "choices": len(choices)}})
    return joined_version(version, picker)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="folder of training gold (default: %(default)s)")
    ap.add_argument("--out", type=Path, default=None, help="where to write the weights (default: the package)")
    a = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    version = train(a.gold, a.out or default_dir(), Resources.load(learned=False))
    print(f"event-type model {version} written to {a.out or default_dir()}")
    return 0
