"""Training examples: the sentences of gold articles, with the gold types they state.

A gold event belongs to the sentence its evidence overlaps most; a sentence's labels are the
set of types of its gold events. Features come from the parse and from the rule layer's events
in that sentence, exactly as at prediction time.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Span, Token

from veille.extract.event_model.features import (
    context_features,
    doc_types,
    sentence_features,
    sentence_vector,
)
from veille.extract.lexicon import Lexicon
from veille.model import Event


@dataclass(frozen=True)
class Example:
    doc_id: str
    features: dict[str, float]
    vector: np.ndarray
    labels: frozenset[str]


def sentence_examples(doc_id: str, doc: Doc, gold_events: Sequence[dict], rule_events: Sequence[Event],
                      lexicon: Lexicon | None = None) -> list[Example]:
    sents = list(doc.sents)
    labels: list[set[str]] = [set() for _ in sents]
    for g in gold_events:
        span = evidence_offsets(doc.text, g.get("evidence"))
        if span is not None and (k := best_sentence(sents, *span)) is not None:
            labels[k].add(g["type"])
    starts = [s.start_char for s in sents]
    rule_types: list[list[str]] = [[] for _ in sents]
    for e in rule_events:
        rule_types[max(0, bisect.bisect_right(starts, e.evidence.start) - 1)].append(e.type.value)
    in_doc = doc_types(rule_types)
    return [Example(doc_id, sentence_features(s, rule_types[k], lexicon, context_features(rule_types, k, in_doc)),
                    sentence_vector(s), frozenset(labels[k]))
            for k, s in enumerate(sents)]


def evidence_offsets(text: str, evidence) -> tuple[int, int] | None:
    """Character range of a gold evidence (verbatim text, or a {start, end, text} object)."""
    if isinstance(evidence, dict):
        if evidence.get("start") is not None and evidence.get("end") is not None:
            return int(evidence["start"]), int(evidence["end"])
        evidence = evidence.get("text")
    if not evidence:
        return None
    at = text.find(evidence)
    return (at, at + len(evidence)) if at >= 0 else None


def best_sentence(sents: Sequence[Span], start: int, end: int) -> int | None:
    best, best_k = 0, None
    for k, s in enumerate(sents):
        overlap = min(end, s.end_char) - max(start, s.start_char)
        if overlap > best:
            best, best_k = overlap, k
    return best_k


def gold_trigger(doc: Doc, gold_event: dict) -> Token | None:
    """The predicate of a gold event: the syntactic root of its evidence."""
    offsets = evidence_offsets(doc.text, gold_event.get("evidence"))
    span = doc.char_span(*offsets, alignment_mode="expand") if offsets is not None else None
    return span.root if span is not None and len(span) else None
