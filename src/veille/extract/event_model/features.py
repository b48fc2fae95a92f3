"""What the event-type model sees of one sentence: sparse named features and a dense vector.

Shared by training (veille.training) and prediction (model.py), so both see exactly the same
features. All come from what fr_core_news_md already computed: lemmas, parts of speech, the
dependency parse, morphology, entities, static vectors; plus the types the rule layer found in
the sentence (the hybrid's rule candidates).
"""
from __future__ import annotations

import numpy as np
from spacy.tokens import Span, Token

PREDICATE_POS = ("VERB", "NOUN", "ADJ")
LEXICAL_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX", "PROPN"})
ARGUMENT_DEPS = frozenset({"obj", "obl:arg", "obl", "nsubj", "nsubj:pass", "xcomp", "ccomp", "iobj"})
NEGATORS = frozenset({"pas", "jamais", "ni", "plus", "guère"})
QUOTE_MARKS = ('"', "«", "»", "“", "”")
VECTOR_SCALE = 0.1  # static vectors have norms around 30-60; keep them on the scale of the binary features


def sentence_features(sent: Span, rule_types: list[str]) -> dict[str, float]:
    """Named features of one sentence; ``rule_types`` are the rule layer's event types in it."""
    feats: dict[str, float] = {}
    for tok in sent:
        if tok.pos_ in PREDICATE_POS:
            _predicate_features(tok, feats)
    _bigrams(sent, feats)
    for ent in sent.ents:
        feats["ent=" + ent.label_] = 1.0
    for etype in rule_types:
        feats["rule=" + etype] = feats.get("rule=" + etype, 0.0) + 1.0
    text = sent.text.strip()
    if text.endswith("?"):
        feats["question"] = 1.0
    if any(m in text for m in QUOTE_MARKS):
        feats["quote"] = 1.0
    return feats


def lemma_feature(tok: Token) -> str:
    """The feature that names a predicate's lemma (the model's weight on it picks a trigger)."""
    return "l=" + tok.lemma_.lower()


def sentence_vector(sent: Span) -> np.ndarray:
    return np.asarray(sent.vector, dtype=np.float32) * VECTOR_SCALE


def _predicate_features(tok: Token, feats: dict[str, float]) -> None:
    lemma = tok.lemma_.lower()
    feats[lemma_feature(tok)] = 1.0
    if tok.dep_ == "ROOT":
        feats["root=" + lemma] = 1.0
    if tok.pos_ == "NOUN" and tok.head.pos_ == "VERB":
        feats[f"vn={tok.head.lemma_.lower()}:{lemma}"] = 1.0
    if tok.pos_ != "VERB":
        return
    if any(c.dep_ == "advmod" and c.lower_ in NEGATORS for c in tok.children):
        feats["neg=" + lemma] = 1.0
    for child in tok.children:
        if child.dep_ in ARGUMENT_DEPS:
            filler = child.lemma_.lower() if child.pos_ in LEXICAL_POS else (child.ent_type_ or child.pos_)
            feats[f"d={lemma}:{child.dep_}:{filler}"] = 1.0
    mood = tok.morph.get("Mood")
    if mood:
        feats["mood=" + mood[0]] = 1.0


def _bigrams(sent: Span, feats: dict[str, float]) -> None:
    for a, b in zip(sent, sent[1:]):
        if a.is_alpha and b.is_alpha:
            feats[f"bg={a.lemma_.lower()}_{b.lemma_.lower()}"] = 1.0
