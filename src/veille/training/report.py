"""The honest accuracy report: designs × layers by cross-validation on train and train → dev,
with per-type, per-status, attribution and calibration tables for the shipped design.

Used by ``bench/accuracy.py`` (writes bench/results/accuracy.md) and ``veille eval --cv``.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from veille.evaluation.breakdown import (
    attribution,
    calibration,
    expected_calibration_error,
    per_status,
    per_type,
)
from veille.extract.analyze import Resources
from veille.training.cv import (
    DESIGNS,
    HYBRID,
    Design,
    Parsed,
    cross_validate,
    train_then_score,
)
from veille.training.fit import FitConfig
from veille.training.folds import SEED, K

LAYER_COLUMNS = ("typed P", "typed R", "typed F1", "full F1", "source", "target", "status",
                 "quotes+speaker F1", "timex value F1")


@dataclass(frozen=True)
class Scored:
    design: Design
    setting: str  # "CV train" or "train → dev"
    scores: dict
    gold: dict
    system: dict


def run_designs(train: Sequence[Parsed], dev: Sequence[Parsed], res: Resources,
                designs: Sequence[Design] = DESIGNS, config: FitConfig = FitConfig()) -> list[Scored]:
    out = []
    for design in designs:
        scores, system = cross_validate(train, res, design, config)
        out.append(Scored(design, f"{K}-fold CV on train", scores, _gold(train), system))
        if dev:
            scores, system = train_then_score(train, dev, res, design, config)
            out.append(Scored(design, "train → dev", scores, _gold(dev), system))
    return out


def layer_row(s: Scored) -> str:
    r = s.scores
    p, rc, f = r["events_typed"]
    cells = (p, rc, f, r["events_full"][2], r["event_source_acc"], r["event_target_acc"], r["event_status_acc"],
             r["quotes_with_speaker"][2], r["timexes_value"][2])
    return f"| {s.design.name} | {s.setting} | " + " | ".join(f"{c:.3f}" for c in cells) + " |"


def designs_table(results: Sequence[Scored]) -> list[str]:
    head = "| design | setting | " + " | ".join(LAYER_COLUMNS) + " |"
    return [head, "|---|---|" + "---:|" * len(LAYER_COLUMNS)] + [layer_row(s) for s in results]


def detail_tables(s: Scored) -> list[str]:
    lines = [f"### {s.design.name}, {s.setting}", "", "| type | gold | system | P | R | F1 | full F1 |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    lines += [f"| {t} | {g} | {n} | {p:.3f} | {r:.3f} | {f:.3f} | {ff:.3f} |"
              for t, g, n, p, r, f, ff in per_type(s.gold, s.system)]
    lines += ["", "| gold status | matched events | same status |", "|---|---:|---:|"]
    lines += [f"| {st} | {n} | {acc:.3f} |" for st, n, acc in per_status(s.gold, s.system) if n]
    n, right, some = attribution(s.gold, s.system)
    lines += ["", f"attributed_to, over {n} matched events the gold attributes to a source: right actor "
              f"{right / n if n else 0:.3f}, some actor {some / n if n else 0:.3f}.", "",
              "| confidence | events | mean confidence | share correct |", "|---|---:|---:|---:|"]
    rows = calibration(s.gold, s.system)
    lines += [f"| {lo:.1f}–{hi:.1f} | {k} | {m:.3f} | {h:.3f} |" for lo, hi, k, m, h in rows]
    lines += ["", f"Expected calibration error: {expected_calibration_error(rows):.3f}", ""]
    return lines


def report(results: Sequence[Scored], header: Sequence[str] = ()) -> str:
    lines = ["# Accuracy: cross-validated on train, and train → dev (bench/accuracy.py)", "", *header, "",
             f"Folds: articles sorted by id, shuffled with random.Random({SEED}), every {K}th "
             "(the fold of each article is listed in bench/results/folds.md). In every fold the model is "
             "fitted on the other folds' articles only (thresholds by an inner CV on those); the rules "
             "learn nothing. Layers as in ../shared/eval/score.py; source/target/status are accuracies "
             "over matched events.", "", *designs_table(results), ""]
    for s in results:
        if s.design == HYBRID:
            lines += detail_tables(s)
    return "\n".join(lines) + "\n"


def _gold(corpus: Sequence[Parsed]) -> dict[str, dict]:
    return {p.article.doc_id: p.gold for p in corpus}
