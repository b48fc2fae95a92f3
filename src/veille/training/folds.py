"""The cross-validation folds: fixed, by article, written down.

Articles sorted by id, shuffled with ``random.Random(0)``, then every k-th (the scheme of
../shared/notes/event-baselines.md, so the baselines there and our numbers share folds).
"""
from __future__ import annotations

import random
from collections.abc import Iterable

K = 5
SEED = 0


def assign_folds(doc_ids: Iterable[str], k: int = K, seed: int = SEED) -> dict[str, int]:
    """doc_id -> fold number in [0, k)."""
    ids = sorted(set(doc_ids))
    random.Random(seed).shuffle(ids)
    return {doc_id: i % k for i, doc_id in enumerate(ids)}


def fold_splits(doc_ids: Iterable[str], k: int = K) -> list[tuple[set[str], set[str]]]:
    """(training ids, held-out ids) per fold: every article held out once, never trained on then."""
    folds = assign_folds(doc_ids, k)
    return [({d for d, n in folds.items() if n != f}, {d for d, n in folds.items() if n == f})
            for f in sorted(set(folds.values()))]


def folds_table(folds: dict[str, int]) -> str:
    """The folds as Markdown, one line per fold (for bench/results)."""
    k = max(folds.values(), default=-1) + 1
    lines = ["| fold | articles |", "|---:|---|"]
    for f in range(k):
        lines.append(f"| {f} | {', '.join(sorted(d for d, n in folds.items() if n == f))} |")
    return "\n".join(lines)
