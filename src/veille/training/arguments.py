"""Training the argument picker (extract/event_model/arguments.py) on the gold.

For every gold event and role with a gold actor, the trigger is the syntactic root of the gold
evidence; the candidates are those the picker would weigh there, and a candidate is positive when
the actor it resolves to is the gold one by the scorer's own test (same organisation, or same
country and a shared sector). One L2 logistic regression per role over all candidates, fitted
with the same optimiser as the event-type model.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc

from veille.evaluation.scorer import actor_ok
from veille.extract.event_model.arguments import (
    ROLES,
    ArgumentModel,
    RoleWeights,
    candidates,
    features,
)
from veille.extract.events.find import token_actors
from veille.extract.lexicon import Lexicon
from veille.model import EventType
from veille.training.dataset import gold_trigger
from veille.training.fit import FitConfig, logistic_fit, sparse_design

DEFAULT_THRESHOLD = 0.15
NEVER = -10.0  # the intercept of a role no gold example taught


@dataclass(frozen=True)
class Choice:
    """One gold participant to find among a trigger's candidates."""

    doc_id: str
    role: str
    rows: tuple[dict[str, float], ...]  # the features of each candidate
    positive: tuple[bool, ...]


def argument_choices(doc_id: str, doc: Doc, gold_events: Sequence[dict], actors, lexicon: Lexicon) -> list[Choice]:
    """The choices of one gold article (``actors``: its resolved DocActors)."""
    actor_of = token_actors(doc, actors, lexicon)
    out = []
    for g in gold_events:
        trigger = gold_trigger(doc, g)
        if trigger is None:
            continue
        found = candidates(trigger, actor_of, lexicon.claims.reporting_preps)
        cands = [(c, a) for c in found if (a := actor_of(c)) is not None]
        for role in ROLES:
            if not cands or g.get(role) is None:
                continue
            rows = tuple(dict.fromkeys(features(role, EventType(g["type"]), trigger, c, a), 1.0) for c, a in cands)
            out.append(Choice(doc_id, role, rows, tuple(actor_ok(g[role], a.to_json()) for _, a in cands)))
    return out


def fit_arguments(choices: Sequence[Choice], config: FitConfig = FitConfig(),
                  threshold: float | None = None, version: str = "in-memory") -> ArgumentModel:
    return ArgumentModel({role: _fit_role([c for c in choices if c.role == role], config) for role in ROLES},
                         DEFAULT_THRESHOLD if threshold is None else threshold, version)


def _fit_role(choices: Sequence[Choice], config: FitConfig) -> RoleWeights:
    rows = [r for c in choices for r in c.rows]
    y = np.array([p for c in choices for p in c.positive], dtype=np.float64).reshape(-1, 1)
    if not y.any():  # nothing to learn from: never pick
        return RoleWeights({}, np.zeros(0, dtype=np.float32), NEVER)
    counts = Counter(n for r in rows for n in r)
    names = sorted(n for n, k in counts.items() if k >= config.min_count)
    index = {n: i for i, n in enumerate(names)}
    xs = sparse_design([_Row(r) for r in rows], index)
    weights, intercept = logistic_fit(xs, np.zeros((len(rows), 0)), y, config)
    return RoleWeights(index, weights[:, 0].astype(np.float32), float(intercept[0]))


@dataclass(frozen=True)
class _Row:
    features: dict[str, float]
