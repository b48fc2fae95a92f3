"""Accusations by qualification: a speaker who calls an act told before a crime accuses its doer.

    « C'est un crime de guerre », a déclaré la procureure      → ACCUSE procureure → the attackers
    Le Conseil a fait savoir qu'il pourrait s'agir de crimes contre l'humanité → ACCUSE Conseil → ...

The qualifying noun (predicates.yaml `verdicts`) must be the predicate of a copula or of a verb of
qualification ("constituer", "s'agir de", "assimilable à"), in a statement credited to someone (a
quote or a report): the article's own voice qualifying an act is not an accusation. The accused is
the doer of the latest act of the listed kinds told before, whose doer is named (not implicit, not a pronoun).
The accusation is asserted when the article tells it in its own voice ("a fait savoir qu'il s'agit de
crimes", "a dénoncé « des crimes »"), reported when only the speaker's quoted words make it.

Blame works the same way without an earlier act: a pejorative noun said by a speaker (predicates.yaml
`verdicts.blame_nouns`, "les mensonges du gouvernement") accuses the actors of its "de" complements.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from veille.extract.claims import assess
from veille.extract.events.implicit import IMPLICIT_CONFIDENCE
from veille.extract.events.span import clause_range, to_span
from veille.extract.events.syntax import conjuncts, prep_of
from veille.extract.lexicon import Lexicon
from veille.model import Actor, Event, EventType, Quote, QuoteKind, Status

VERDICT_CONFIDENCE = 0.4


def verdict_events(doc, lexicon: Lexicon, named: Sequence[Event], *, actor_of: Callable[[Token], Actor | None],
                   quotes: Sequence[Quote], title: str | None = None) -> list[Event]:
    verdicts = lexicon.verdicts
    out = []
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in verdicts.nouns:
            continue
        anchor = qualifying_clause(noun, verdicts.verbs)
        if anchor is None:
            continue
        accused = latest_doer(named, noun.idx, verdicts.acts)
        claim = assess(noun, anchor, actor_of=actor_of, quotes=quotes, lexicon=lexicon, title=title)
        speaker = claim.attributed_to
        if accused is None or speaker is None or claim.status is Status.NEGATED:
            continue
        status = Status.REPORTED if claim.status in (Status.HYPOTHETICAL, Status.ALLEGED) else claim.status
        clause = anchor
        if status is Status.REPORTED and not _in_quote_marks(noun, quotes):
            status = Status.ASSERTED  # "a fait savoir qu'il s'agit de crimes": the speaker's act, told as a fact
            clause = _reporting_verb(anchor) or anchor
        elif status is Status.REPORTED and _accusing_cue(claim.cue, noun, lexicon):
            status = Status.ASSERTED  # "a dénoncé « des crimes »": the denouncing is told as a fact
        evidence = to_span(doc, *clause_range(clause, (noun,)))
        out.append(Event(type=EventType.ACCUSE, source=speaker, target=accused, evidence=evidence, status=status,
                         mode="allege", attributed_to=speaker, confidence=VERDICT_CONFIDENCE,
                         trigger=noun.lemma_.lower()))
    return out


def blame_events(doc, lexicon: Lexicon, *, actor_of: Callable[[Token], Actor | None], quotes: Sequence[Quote],
                 title: str | None = None) -> list[Event]:
    """« les provocations de la junte et de ses alliés »: a pejorative noun said by a speaker blames each
    actor of its "de" complements (ACCUSE disapprove), whatever the verb around it says."""
    out = []
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lexicon.verdicts.blame:
            continue
        blamed = [a for a in (actor_of(t) for t in _de_actors(noun)) if a is not None]
        if not blamed:
            continue
        speaker = assess(noun, noun, actor_of=actor_of, quotes=quotes, lexicon=lexicon, title=title).attributed_to
        if speaker is None:
            continue
        status = Status.REPORTED if _in_quote_marks(noun, quotes) else Status.ASSERTED
        evidence = to_span(doc, *clause_range(noun.head if noun.head.pos_ in ("VERB", "AUX") else noun, (noun,)))
        out.extend(Event(type=EventType.ACCUSE, source=speaker, target=a, evidence=evidence, status=status,
                         mode="disapprove", attributed_to=speaker, confidence=VERDICT_CONFIDENCE,
                         trigger=noun.lemma_.lower()) for a in blamed if not _same_actor(a, speaker))
    return out


def _de_actors(noun: Token) -> list[Token]:
    """The "de" complements of a noun and the phrases coordinated with them."""
    heads = [c for c in noun.children if c.dep_ == "nmod" and prep_of(c) == "de"]
    return sorted({t.i: t for h in heads for t in conjuncts(h)}.values(), key=lambda t: t.i)


def qualifying_clause(noun: Token, verbs: frozenset[str]) -> Token | None:
    """The clause in which the noun qualifies something: "c'est un crime" (the noun itself, with its
    copula), "constitue un crime", "s'agir de crimes", "assimilable à des crimes" (the verb)."""
    if any(c.dep_ == "cop" for c in noun.children):
        return noun
    head = noun.head
    if head.i == noun.i or noun.dep_ not in ("obj", "xcomp", "obl", "obl:arg", "obl:mod"):
        return None
    return head if head.lemma_.lower() in verbs or head.lower_ in verbs else None


def latest_doer(earlier: Sequence[Event], before: int, acts: frozenset[EventType]) -> Actor | None:
    """The doer of the latest act of these kinds told before the offset."""
    told = sorted((e for e in earlier if e.evidence.start < before and e.type in acts and e.source is not None
                   and e.source.confidence > IMPLICIT_CONFIDENCE), key=lambda e: e.evidence.start, reverse=True)
    return next((e.source for e in told if not _same_actor(e.source, e.attributed_to)), None)


def _same_actor(a: Actor, b: Actor | None) -> bool:
    return b is not None and (a.kb_id or a.name.lower()) == (b.kb_id or b.name.lower())


def _in_quote_marks(noun: Token, quotes: Sequence[Quote]) -> bool:
    """The qualification is the speaker's own words (« C'est un crime de guerre »), not the article's report."""
    return any(q.kind is not QuoteKind.INDIRECT and q.start <= noun.idx < q.end for q in quotes)


def _reporting_verb(anchor: Token) -> Token | None:
    """The verb whose complement clause holds the qualification ("a fait savoir qu'il pourrait s'agir")."""
    cur = anchor
    while cur.dep_ in ("xcomp", "ccomp") and cur.head.i != cur.i:
        cur = cur.head
    return cur if cur.i != anchor.i and cur.pos_ in ("VERB", "AUX") else None


def _accusing_cue(cue: str | None, noun: Token, lexicon: Lexicon) -> bool:
    """The statement was made by a verb of accusing ("dénoncer", "condamner") of the sentence."""
    verb = next((t for t in noun.sent if cue and t.lower_ == cue.lower() and t.pos_ == "VERB"), None)
    return verb is not None and any(s.type is EventType.ACCUSE for s in lexicon.verb_senses(verb.lemma_))
