"""veille.training.folds: fixed folds by article."""
from __future__ import annotations

from collections import Counter

from veille.training.folds import assign_folds, folds_table


def test_folds_are_fixed_and_balanced():
    ids = [f"doc-{i:03d}" for i in range(23)]
    folds = assign_folds(ids)
    assert folds == assign_folds(list(reversed(ids)))  # the order given does not matter
    assert set(folds) == set(ids) and set(folds.values()) == {0, 1, 2, 3, 4}
    assert sorted(Counter(folds.values()).values()) == [4, 4, 5, 5, 5]


def test_folds_follow_the_documented_scheme():
    import random

    ids = sorted(f"a{i}" for i in range(10))
    random.Random(0).shuffle(ids)
    assert assign_folds(ids) == {d: i % 5 for i, d in enumerate(ids)}


def test_folds_table_lists_every_article_once():
    folds = assign_folds(["x", "y", "z"], k=2)
    table = folds_table(folds)
    assert all(table.count(d) == 1 for d in "xyz") and table.count("\n| ") == 2


def test_fold_splits_never_train_on_the_held_out_articles():
    from veille.training.folds import fold_splits

    ids = [f"doc-{i}" for i in range(12)]
    splits = fold_splits(ids)
    assert len(splits) == 5
    assert all(not (train & held) and train | held == set(ids) for train, held in splits)
    assert sorted(d for _, held in splits for d in held) == sorted(ids)  # each held out exactly once
