"""What the event-type model sees of one sentence: sparse named features and a dense vector.

Shared by training (veille.training) and prediction (model.py), so both see exactly the same
features. All come from what fr_core_news_md already computed: lemmas, parts of speech, the
dependency parse, morphology, entities, static vectors; plus the types the rule layer found in
the sentence (the hybrid's rule candidates) and the types the lexicon gives its predicates
whether or not a rule fired (the hand-written knowledge, as evidence the model weighs).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy as np
from spacy.attrs import ORTH, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from veille.extract.lexicon import Lexicon

PREDICATE_POS = ("VERB", "NOUN", "ADJ")
PREDICATE_VECTOR_POS = ("VERB", "NOUN")
CUE_POS = ("VERB", "AUX", "ADJ", "NOUN")  # the parts of speech lexicon_types looks up
LEXICAL_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX", "PROPN"})
ARGUMENT_DEPS = frozenset({"obj", "obl:arg", "obl", "nsubj", "nsubj:pass", "xcomp", "ccomp", "iobj"})
NEGATORS = frozenset({"pas", "jamais", "ni", "plus", "guère"})
QUOTE_MARKS = ('"', "«", "»", "“", "”")
VECTOR_SCALE = 0.1  # static vectors have norms around 30-60; keep them on the scale of the binary features


def sentence_features(sent: Span, rule_types: list[str], lexicon: Lexicon | None = None,
                      context: dict[str, float] | None = None,
                      ent_labels: set[str] | None = None) -> dict[str, float]:
    """Named features of one sentence; ``rule_types`` are the rule layer's event types in it,
    ``context`` what the rules found around it (``context_features``), ``ent_labels`` the labels
    of its entities when already known (``ent_labels_by_sentence``: ``sent.ents`` walks every
    entity of the document, quadratic over a whole article)."""
    feats: dict[str, float] = dict(context or {})
    tokens = list(sent)  # once: a Span makes a new Token object at each iteration
    for tok in tokens:
        pos = tok.pos_
        if pos in PREDICATE_POS:
            _predicate_features(tok, feats)
        if lexicon is None or pos not in CUE_POS:
            continue
        for etype in lexicon_types(tok, lexicon):
            feats["cue=" + etype] = feats.get("cue=" + etype, 0.0) + 1.0
    _bigrams(tokens, feats)
    for label in ent_labels if ent_labels is not None else {ent.label_ for ent in sent.ents}:
        feats["ent=" + label] = 1.0
    for etype in rule_types:
        feats["rule=" + etype] = feats.get("rule=" + etype, 0.0) + 1.0
    text = "".join(t.text_with_ws for t in tokens).strip()  # sent.text, without walking the span again
    if text.endswith("?"):
        feats["question"] = 1.0
    if any(m in text for m in QUOTE_MARKS):
        feats["quote"] = 1.0
    return feats


def context_features(types_by_sentence: list[list[str]], k: int,
                     in_doc: set[str] | None = None) -> dict[str, float]:
    """The rule types of the sentences before and after sentence ``k``, and of the whole article
    (an article about fighting tells of more fighting than its rules find). ``in_doc``: the
    article's types (``doc_types``), computed once per article by callers that loop over its
    sentences (recomputing it for each sentence is quadratic: 28 s for 25,000 sentences)."""
    near = {t for j in (k - 1, k + 1) if 0 <= j < len(types_by_sentence) for t in types_by_sentence[j]}
    if in_doc is None:
        in_doc = doc_types(types_by_sentence)
    return {**{"near=" + t: 1.0 for t in near}, **{"doc=" + t: 1.0 for t in in_doc}}


def ent_labels_by_sentence(sents: list[Span]) -> list[set[str]]:
    """The labels of the entities inside each sentence (as ``Span.ents``: wholly inside), in one pass."""
    labels: list[set[str]] = [set() for _ in sents]
    if not sents:
        return labels
    starts = [s.start for s in sents]
    for ent in sents[0].doc.ents:
        k = bisect.bisect_right(starts, ent.start) - 1
        if k >= 0 and ent.end <= sents[k].end:
            labels[k].add(ent.label_)
    return labels


def doc_types(types_by_sentence: list[list[str]]) -> set[str]:
    """Every rule type of the article."""
    return {t for types in types_by_sentence for t in types}


def lexicon_types(tok: Token, lexicon: Lexicon) -> set[str]:
    """The PLOVER types the lexicon's senses give a verb or noun, whatever its arguments."""
    if tok.pos_ in ("VERB", "AUX", "ADJ"):
        senses = lexicon.verb_senses(tok.lemma_)
    elif tok.pos_ == "NOUN":
        senses = lexicon.noun_senses(tok.lemma_)
    else:
        return set()
    return {s.type.value for s in senses or ()}


def lemma_feature(tok: Token) -> str:
    """The feature that names a predicate's lemma (the model's weight on it picks a trigger)."""
    return "l=" + tok.lemma_.lower()


@dataclass(frozen=True, slots=True)
class DocVectors:
    """The static vector of every token of one document (zeros where it has none) and which tokens
    are predicates with a vector: read from the table once per article, where ``Token.vector`` looks
    each token up again for every sentence feature that needs it."""

    rows: np.ndarray  # (tokens, width) float32
    predicate: np.ndarray  # (tokens,) bool: a verb or noun that has a vector

    @classmethod
    def of(cls, doc: Doc) -> DocVectors | None:
        """None where spaCy's own lookup does more than read the table (hooks, no vectors, floret
        or non-ORTH keys): ``sentence_vector`` then asks the tokens."""
        table = doc.vocab.vectors
        if doc.user_token_hooks or doc.user_span_hooks or table.size == 0 or table.mode != "default" \
                or table.attr != ORTH or not len(doc):
            return None
        key2row = table.key2row  # Vectors.find converts each key through a Python call
        found = np.fromiter((key2row.get(k, -1) for k in doc.to_array(ORTH).tolist()), dtype=np.int64, count=len(doc))
        rows = np.asarray(table.data, dtype=np.float32)[found]
        rows[found < 0] = 0.0
        pos = doc.to_array(POS)
        predicate = np.zeros(len(doc), dtype=bool)
        for p in PREDICATE_VECTOR_POS:
            predicate |= pos == POS_IDS[p]
        predicate &= found >= 0
        return cls(rows, predicate)


def sentence_vector(sent: Span, vectors: DocVectors | None = None) -> np.ndarray:
    """The mean static vector of the sentence, then the element-wise maximum over its verbs and nouns
    (what the predicates are about, so that "bombarder" can learn from "attaquer"). Empty (zeros of
    the right width) where a pipeline has no static vectors. ``vectors``: the document's
    (``DocVectors.of``), the same numbers read once per article."""
    if vectors is not None:
        return _table_sentence_vector(vectors, sent.start, sent.end)
    mean = np.asarray(sent.vector, dtype=np.float32)
    preds = [t.vector for t in sent if t.pos_ in PREDICATE_VECTOR_POS and t.has_vector]
    peak = np.max(np.vstack(preds), axis=0).astype(np.float32) if preds else np.zeros_like(mean)
    return np.concatenate([mean, peak]) * VECTOR_SCALE


def _table_sentence_vector(vectors: DocVectors, start: int, end: int) -> np.ndarray:
    rows = vectors.rows[start:end]
    # Reducing axis 0 adds row after row, the float32 additions of Span.vector's sum over its tokens in
    # their order (bitwise the same vectors over the 7,084 sentences of the gold and bench texts).
    mean = np.add.reduce(rows, axis=0) / (end - start)
    preds = rows[vectors.predicate[start:end]]
    peak = np.max(preds, axis=0).astype(np.float32) if len(preds) else np.zeros_like(mean)
    return np.concatenate([mean, peak]) * VECTOR_SCALE


def _predicate_features(tok: Token, feats: dict[str, float]) -> None:
    lemma = tok.lemma_.lower()
    feats["l=" + lemma] = 1.0  # lemma_feature(tok)
    if tok.dep_ == "ROOT":
        feats["root=" + lemma] = 1.0
    pos = tok.pos_
    if pos == "NOUN" and tok.head.pos_ == "VERB":
        feats[f"vn={tok.head.lemma_.lower()}:{lemma}"] = 1.0
    if pos != "VERB":
        return
    children = list(tok.children)  # walked twice: the negation first, as its feature comes first
    if any(c.dep_ == "advmod" and c.lower_ in NEGATORS for c in children):
        feats["neg=" + lemma] = 1.0
    for child in children:
        if child.dep_ in ARGUMENT_DEPS:
            filler = child.lemma_.lower() if child.pos_ in LEXICAL_POS else (child.ent_type_ or child.pos_)
            feats[f"d={lemma}:{child.dep_}:{filler}"] = 1.0
    mood = tok.morph.get("Mood")
    if mood:
        feats["mood=" + mood[0]] = 1.0


def _bigrams(tokens: list[Token], feats: dict[str, float]) -> None:
    lemmas = [t.lemma_.lower() if t.is_alpha else None for t in tokens]
    for a, b in zip(lemmas, lemmas[1:]):
        if a is not None and b is not None:
            feats[f"bg={a}_{b}"] = 1.0
