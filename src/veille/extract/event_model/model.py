"""The learned event-type model: one logistic regression per PLOVER type over a sentence.

    model = EventTypeModel.load()            # the weights shipped in the package
    probs = model.probabilities(sent, ["ACCUSE"])   # EventType -> calibrated probability

Weights are plain arrays (``weights.npz``: feature names, a sparse-feature weight matrix, dense
vector weights, intercepts) and ``meta.json`` (types, thresholds, training data digest,
cross-validated scores), written by ``veille.training`` (``make train``). Prediction needs numpy
only; training (veille.training) uses scipy as well.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Span, Token

from veille.extract.event_model.arguments import ArgumentModel, arguments_version
from veille.extract.event_model.features import (
    CUE_POS,
    PREDICATE_POS,
    DocVectors,
    lemma_feature,
    lexicon_types,
    sentence_features,
    sentence_vector,
)
from veille.extract.event_model.weights import save_weights, saved_version
from veille.extract.lexicon import Lexicon
from veille.model import EventType

WEIGHTS = "weights.npz"
META = "meta.json"


def default_dir() -> Path:
    return Path(str(resources.files("veille.extract.event_model") / "data"))


def shipped_version(folder: Path | None = None) -> str:
    """The version of the shipped weights, read from their metadata (no weights loaded)."""
    folder = folder or default_dir()
    return joined_version(saved_version(folder, META), arguments_version(folder))


def joined_version(*parts: str | None) -> str:
    """One version for the learned parts that are there: "evtypes-…+args-…"."""
    return "+".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Probability from which a sentence states a type: lower where the rules found one too."""

    with_rule: float
    without_rule: float

    def keep(self, prob: float, rule_backed: bool) -> bool:
        return prob >= (self.with_rule if rule_backed else self.without_rule)


@dataclass(frozen=True)
class EventTypeModel:
    types: tuple[EventType, ...]
    index: dict[str, int]  # feature name -> row of ``sparse``
    sparse: np.ndarray  # (n_features, n_types)
    dense: np.ndarray  # (vector width, n_types)
    intercept: np.ndarray  # (n_types,)
    thresholds: Thresholds
    version: str
    hybrid: bool = True  # the rules' events are candidates and features; else the model alone decides
    arguments: ArgumentModel | None = None  # fills the participants the rules leave empty

    @classmethod
    def load(cls, folder: Path | None = None) -> EventTypeModel:
        folder = folder or default_dir()
        with np.load(folder / WEIGHTS, allow_pickle=False) as arrays:
            names = [str(n) for n in arrays["features"]]
            sparse, dense, intercept = arrays["sparse"], arrays["dense"], arrays["intercept"]
        meta = json.loads((folder / META).read_text(encoding="utf-8"))
        arguments = ArgumentModel.load(folder)
        return cls(types=tuple(EventType(t) for t in meta["types"]), index={n: i for i, n in enumerate(names)},
                   sparse=sparse, dense=dense, intercept=intercept,
                   thresholds=Thresholds(**meta["thresholds"]),
                   version=joined_version(meta["version"], arguments and arguments.version),
                   hybrid=bool(meta.get("hybrid", True)), arguments=arguments)

    def probabilities(self, sent: Span, rule_types: list[str], lexicon: Lexicon | None = None,
                      context: dict[str, float] | None = None,
                      ent_labels: set[str] | None = None,
                      vectors: DocVectors | None = None) -> dict[EventType, float]:
        """The probability that the sentence states an event of each type (``lexicon``: the one the
        model was trained with, whose cue types are features; ``vectors``: its document's, read once)."""
        return self.sentence_probabilities([sent], [rule_types], lexicon, [context or {}],
                                           [ent_labels], vectors)[0]

    def sentence_probabilities(self, sents: list[Span], rule_types: list[list[str]],
                               lexicon: Lexicon | None, contexts: list[dict[str, float]],
                               ent_labels: list[set[str] | None],
                               vectors: DocVectors | None = None) -> list[dict[EventType, float]]:
        """``probabilities`` of each sentence of an article, in one product per weight matrix (a
        product per sentence cost as much as making the sentence's features)."""
        scores = np.tile(self.intercept, (len(sents), 1))
        dense = np.vstack([sentence_vector(s, vectors) for s in sents]) if sents else None
        if dense is not None and dense.shape[1] == self.dense.shape[0]:  # a pipeline without md vectors skips it
            scores += dense @ self.dense
        at, rows, values = [], [], []
        for k, sent in enumerate(sents):
            for name, value in sentence_features(sent, rule_types[k], lexicon, contexts[k], ent_labels[k]).items():
                if (row := self.index.get(name)) is not None:
                    at.append(k)
                    rows.append(row)
                    values.append(value)
        if rows:  # ``at`` ascends: the products of each sentence's features are summed as one run
            runs = np.flatnonzero(np.diff(at, prepend=-1))
            weighted = np.asarray(values, dtype=np.float32)[:, None] * self.sparse[rows]
            scores[np.asarray(at)[runs]] += np.add.reduceat(weighted, runs, axis=0)
        probs = (1.0 / (1.0 + np.exp(-scores))).tolist()
        return [dict(zip(self.types, p)) for p in probs]

    def trigger(self, sent: Span, etype: EventType, lexicon: Lexicon | None = None) -> Token | None:
        """The predicate of the sentence that speaks for ``etype``: among the words the lexicon gives that
        type (its cues), the one the model weighs most; without a cue, the predicate with the largest
        positive weight. A cue names the event the sentence tells; a weight alone may belong to a word
        that only goes with such events (a reporting verb beside the accusation it reports)."""
        col = self.types.index(etype)
        cues = [t for t in sent if t.pos_ in CUE_POS and etype.value in lexicon_types(t, lexicon)] \
            if lexicon is not None else []
        if cues:
            return max(cues, key=lambda t: self._weight(t, col))
        best, best_w = None, 0.0
        for tok in sent:
            if tok.pos_ in PREDICATE_POS and (w := self._weight(tok, col)) > best_w:
                best, best_w = tok, w
        return best

    def _weight(self, tok: Token, col: int) -> float:
        row = self.index.get(lemma_feature(tok))
        return float(self.sparse[row, col]) if row is not None else 0.0


def save(folder: Path, *, types: list[str], features: list[str], sparse: np.ndarray, dense: np.ndarray,
         intercept: np.ndarray, thresholds: Thresholds, hybrid: bool, info: dict) -> str:
    """Write the weights and their metadata; returns the model version (a digest of the weights and of
    the metadata, thresholds included: a new threshold changes what the model finds)."""
    arrays = {"features": np.asarray(features), "sparse": sparse.astype(np.float32),
              "dense": dense.astype(np.float32), "intercept": intercept.astype(np.float32)}
    meta = {"types": types, "hybrid": hybrid, "thresholds": {"with_rule": thresholds.with_rule,
                                                             "without_rule": thresholds.without_rule}, **info}
    return save_weights(folder, WEIGHTS, META, "evtypes", arrays, meta)
