"""Evidence spans: the shortest verbatim stretch that states an event, usually its clause.

A clause is the predicate's subtree without its own sub-clauses (coordinated verbs, adverbial
clauses, parataxis) and without the sentence adverbials in front of it ("En effet,", "Cette nuit,").
A relative or participial clause takes its antecedent along ("les islamistes, qui contrôlent le
nord"); a gerund whose subject is carried over takes that subject along.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from veille.extract.events.syntax import RELATIVE_SUBJECTS, clause_tokens, subject
from veille.model import Span

LEADING_DEPS = ("advmod", "obl:mod", "obl", "cc", "mark", "punct", "advcl", "dislocated", "discourse", "vocative")
EDGE_PUNCT = {",", ".", ";", ":", "—", "–", "-", "(", ")", "!", "?", "…", "'", "\""}
OPEN_CLOSE = (("«", "»"), ("(", ")"), ("“", "”"))
MAX_TOKENS = 70
NEGATION = ("ne", "n'", "n’")
CONJ_GAP = 10
CONTROL_DEPS = ("xcomp", "obl:arg", "ccomp", "advcl", "obj", "obl")  # an infinitive's link to its governing verb
CONTROL_DEPTH = 3  # governing verbs climbed to find the infinitive's subject


def clause_range(head: Token, keep: tuple[Token, ...] = ()) -> tuple[int, int]:
    """Token range [start, end) of the clause headed by ``head`` (a verb or predicative noun)."""
    kept = {t.i for t in clause_tokens(head, keep)}
    subj = subject(head)
    stop = subj.left_edge.i if subj is not None and subj.i < head.i else head.i
    for c in head.children:
        if c.i < head.i and c.dep_ in LEADING_DEPS and c.right_edge.i < stop and c.lower_ not in NEGATION \
                and not any(k.i == c.i or c.is_ancestor(k) for k in keep):
            kept.difference_update(t.i for t in c.subtree)
    kept.add(head.i)
    start, end = min(kept), max(kept) + 1
    start = min(start, _antecedent_start(head))
    if end - start > MAX_TOKENS:
        start, end = max(start, head.i - MAX_TOKENS // 2), min(end, head.i + MAX_TOKENS // 2)
    return start, end


def _antecedent_start(head: Token) -> int:
    """Relative clauses with a subject relative pronoun and participles start at their antecedent."""
    subj = subject(head)
    if head.dep_ == "acl:relcl" and subj is not None and subj.lower_ in RELATIVE_SUBJECTS:
        return _np_start(head.head)
    if head.dep_ == "acl" and subj is None:
        return _np_start(head.head)
    if head.dep_ in ("advcl", "conj") and subj is None and head.head.pos_ in ("VERB", "AUX"):
        gov_subj = subject(head.head)
        if gov_subj is not None and gov_subj.i < head.i and (head.dep_ == "advcl" or _near(gov_subj, head)):
            return gov_subj.left_edge.i
    controller = _controller_subject(head) if subj is None else None
    return controller.left_edge.i if controller is not None else head.i


def _controller_subject(verb: Token) -> Token | None:
    """The subject of the verbs an infinitive depends on, when it has none of its own: "le conseil a
    choisi de suspendre", "la milice reconnaît avoir enlevé" say who acts only through the governing
    clause, which the evidence then starts with."""
    cur = verb
    for _ in range(CONTROL_DEPTH):
        if not _infinitive(cur) or cur.dep_ not in CONTROL_DEPS or cur.head.pos_ not in ("VERB", "AUX"):
            return None
        cur = cur.head
        found = subject(cur)
        if found is not None:
            return found if found.i < verb.i else None
    return None


def _infinitive(verb: Token) -> bool:
    """"suspendre", and the past infinitives "avoir enlevé", "être expulsé" (the auxiliary is the infinitive)."""
    return verb.morph.get("VerbForm") == ["Inf"] or any(
        c.dep_.startswith("aux") and c.morph.get("VerbForm") == ["Inf"] for c in verb.children)


def _near(subj: Token, verb: Token) -> bool:
    """A coordinated verb shares its subject when little stands between them
    ("La police et les forces ont été prévenues et ont réussi à évacuer des civils")."""
    return verb.left_edge.i - subj.right_edge.i <= CONJ_GAP


def _np_start(noun: Token) -> int:
    left = [c for c in noun.children if c.i < noun.i and c.dep_ in ("det", "amod", "nummod", "nmod", "flat:name")]
    return min([noun.i] + [c.left_edge.i for c in left])


def np_range(noun: Token) -> tuple[int, int]:
    """The noun phrase of an event noun, widened to the nominal it is a complement of."""
    top = noun
    while top.dep_ in ("nmod", "appos", "conj") and top.head.pos_ in ("NOUN", "PROPN", "PRON") and top.head.i != top.i:
        top = top.head
    toks = [t for t in top.subtree if t.dep_ not in ("acl:relcl",) or t.i == top.i]
    start, end = min(t.i for t in toks), max(t.i for t in toks) + 1
    doc = noun.doc
    while start < noun.i and doc[start].pos_ == "ADP" or (start < noun.i and doc[start].dep_ in ("case", "mark")):
        start += 1
    return start, end


def to_span(doc: Doc, start: int, end: int) -> Span:
    """Character span of tokens [start, end), edge punctuation and unbalanced quotes trimmed."""
    while end - start > 1 and (doc[end - 1].text in EDGE_PUNCT or doc[end - 1].is_space):
        end -= 1
    while end - start > 1 and (doc[start].text in EDGE_PUNCT or doc[start].is_space):
        start += 1
    start, end = _balance(doc, start, end)
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    return Span(s, e, doc[start:end].text)  # doc.text would rebuild the whole text on every call


def _balance(doc: Doc, start: int, end: int) -> tuple[int, int]:
    texts = [t.text for t in doc[start:end]]
    for open_, close in OPEN_CLOSE:
        if texts and texts[0] == open_ and close not in texts:
            start += 1
            texts = texts[1:]
        if texts and texts[-1] == close and open_ not in texts:
            end -= 1
            texts = texts[:-1]
    while end - start > 1 and doc[end - 1].text in EDGE_PUNCT:
        end -= 1
    return start, end
