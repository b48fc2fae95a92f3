"""Fitting the event-type model: one L2 logistic regression per PLOVER type, thresholds by inner CV.

All types are fitted at once: one L-BFGS run (scipy) over the weight matrix of every type, the
objective being the sum of the types' own L2-regularised logistic losses (sklearn's
``LogisticRegression`` objective, C × log-loss + ½‖w‖², intercepts not penalised), which share
one design matrix. Deterministic on CPU: the same examples give the same weights.
Features seen in fewer than ``min_count`` training sentences are dropped (smaller model, fewer
features that only name one article). The two thresholds (sentence with a rule event of the
type / without) are chosen on out-of-fold probabilities of an inner cross-validation by article,
so the outer evaluation never sees them tuned on its own articles.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.optimize import minimize
from scipy.special import expit

from veille.extract.event_model.model import Thresholds
from veille.training.dataset import Example
from veille.training.folds import assign_folds

GRID = (0.02, 0.03) + tuple(round(x, 2) for x in np.arange(0.05, 0.95, 0.05))


@dataclass(frozen=True)
class FitConfig:
    c: float = 0.3
    min_count: int = 2
    inner_folds: int = 3
    class_weight: str | None = None
    max_iter: int = 500


@dataclass(frozen=True)
class Fitted:
    types: list[str]
    features: list[str]
    sparse: np.ndarray
    dense: np.ndarray
    intercept: np.ndarray
    thresholds: Thresholds


def fit(examples: Sequence[Example], types: Sequence[str], config: FitConfig = FitConfig()) -> Fitted:
    """Weights on all ``examples``, thresholds from an inner cross-validation over them."""
    features, sparse, dense, intercept = fit_weights(examples, types, config)
    return Fitted(list(types), features, sparse, dense, intercept, tune_thresholds(examples, types, config))


def fit_weights(examples: Sequence[Example], types: Sequence[str], config: FitConfig):
    counts = Counter(name for ex in examples for name in ex.features)
    features = sorted(n for n, c in counts.items() if c >= config.min_count)
    index = {n: i for i, n in enumerate(features)}
    xs, xd = sparse_design(examples, index), dense_design(examples)
    y = np.array([[t in ex.labels for t in types] for ex in examples], dtype=np.float64)
    weights, intercept = logistic_fit(xs, xd, y, config)
    absent = (y.sum(axis=0) == 0) | (y.sum(axis=0) == len(y))
    weights[:, absent], intercept[absent] = 0.0, -10.0  # a type never (or always) seen: never predicted
    width = len(features)
    return features, weights[:width].astype(np.float32), weights[width:].astype(np.float32), \
        intercept.astype(np.float32)


def logistic_fit(xs: sp.csr_matrix, xd: np.ndarray, y: np.ndarray, config: FitConfig) -> tuple[np.ndarray, np.ndarray]:
    """Weights ((sparse + dense features) × types) and intercepts minimising Σ_types C·logloss + ½‖w‖²."""
    n_sparse, n_feat, n_types = xs.shape[1], xs.shape[1] + xd.shape[1], y.shape[1]
    sample = _class_weights(y) if config.class_weight == "balanced" else np.ones_like(y)
    xst = xs.T.tocsr()

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-n_types].reshape(n_feat, n_types), theta[-n_types:]
        scores = xs @ w[:n_sparse] + xd @ w[n_sparse:] + b
        loss = sample * (np.logaddexp(0.0, scores) - y * scores)
        resid = sample * (expit(scores) - y) * config.c
        grad_w = np.vstack([xst @ resid, xd.T @ resid]) + w
        value = config.c * loss.sum() + 0.5 * float((w * w).sum())
        return value, np.concatenate([grad_w.ravel(), resid.sum(axis=0)])

    theta0 = np.zeros(n_feat * n_types + n_types)
    found = minimize(objective, theta0, jac=True, method="L-BFGS-B", options={"maxiter": config.max_iter})
    return found.x[:-n_types].reshape(n_feat, n_types).copy(), found.x[-n_types:].copy()


def _class_weights(y: np.ndarray) -> np.ndarray:
    """sklearn's "balanced": n / (2 · count of the class), per type."""
    pos = np.clip(y.sum(axis=0), 1, None)
    neg = np.clip(len(y) - y.sum(axis=0), 1, None)
    return np.where(y > 0, len(y) / (2 * pos), len(y) / (2 * neg))


def sparse_design(examples: Sequence[Example], index: dict[str, int]) -> sp.csr_matrix:
    rows, cols, vals = [], [], []
    for r, ex in enumerate(examples):
        for name, value in ex.features.items():
            c = index.get(name)
            if c is not None:
                rows.append(r)
                cols.append(c)
                vals.append(value)
    return sp.csr_matrix((vals, (rows, cols)), shape=(len(examples), len(index)), dtype=np.float64)


def dense_design(examples: Sequence[Example]) -> np.ndarray:
    return np.vstack([ex.vector for ex in examples]).astype(np.float64)


def predict(examples: Sequence[Example], features: list[str], sparse: np.ndarray, dense: np.ndarray,
            intercept: np.ndarray) -> np.ndarray:
    xs, xd = sparse_design(examples, {n: i for i, n in enumerate(features)}), dense_design(examples)
    scores = xs @ sparse + xd @ dense + intercept
    return 1.0 / (1.0 + np.exp(-scores))


def tune_thresholds(examples: Sequence[Example], types: Sequence[str], config: FitConfig) -> Thresholds:
    """The pair of thresholds that maximises sentence×type F1 on inner out-of-fold probabilities."""
    folds = assign_folds({ex.doc_id for ex in examples}, k=config.inner_folds)
    probs = np.zeros((len(examples), len(types)))
    for f in range(config.inner_folds):
        train = [ex for ex in examples if folds[ex.doc_id] != f]
        held = [i for i, ex in enumerate(examples) if folds[ex.doc_id] == f]
        weights = fit_weights(train, types, config)
        probs[held] = predict([examples[i] for i in held], *weights)
    gold = np.array([[t in ex.labels for t in types] for ex in examples])
    ruled = np.array([[ex.features.get("rule=" + t, 0) > 0 for t in types] for ex in examples])
    return best_thresholds(probs, gold, ruled)


def best_thresholds(probs: np.ndarray, gold: np.ndarray, ruled: np.ndarray) -> Thresholds:
    best, best_f = Thresholds(0.5, 0.5), -1.0
    for a in GRID:
        for b in GRID:
            pred = np.where(ruled, probs >= a, probs >= b)
            tp = float((pred & gold).sum())
            f = 2 * tp / (pred.sum() + gold.sum()) if pred.sum() + gold.sum() else 0.0
            if f > best_f + 1e-12:
                best, best_f = Thresholds(float(a), float(b)), f
    return best
