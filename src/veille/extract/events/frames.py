"""Event frames: which predicates of a Doc state a PLOVER event, with their participants' tokens.

A frame is a trigger (verb or event noun), the sense of the lexicon that applies, the clause
that carries its status (the anchor), the head tokens of its source and target (coordination is
expanded later, one event per conjunct) and its evidence range.

Interplay between predicates:
- a verb whose complement is the content of its act ("menacer de s'en prendre à", "demander la
  libération de") consumes that complement: no separate event, but its type gives the mode;
- a noun or complement that a sense's condition names ("signer un accord", "reçu en audience") is
  part of the verb's event;
- a predicate in the purpose clause of another ("se rendra en Guyane pour rendre hommage") is the
  motive, not a second event;
- control verbs pass the event through (transparent), turn it into a promise (intent: AGREE,
  CONCEDE), or an announced retreat into a concession (announce).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from veille.extract.events.args import Args, cause_doer, fill, sense_applies, verb_args
from veille.extract.events.nominal import anaphoric, noun_args, presupposed
from veille.extract.events.span import clause_range, np_range
from veille.extract.claims import is_content_reporting
from veille.extract.events.syntax import (
    conjuncts, governing_verb, infinitive_complement, prep_of, purpose_clause_of,
)
from veille.extract.lexicon import ComplementUse, GovernorKind, Lexicon, Sense
from veille.model import Actor, EventType

ActorOf = Callable[[Token], Actor | None]


@dataclass(frozen=True, slots=True)
class Frame:
    trigger: Token
    anchor: Token  # the clause whose mood, tense and polarity the event takes
    sense: Sense
    type: EventType
    mode: str | None
    source: Token | None
    target: Token | None
    span: tuple[int, int]  # evidence, token range [start, end)
    presupposed: bool = False
    nominal: bool = False
    content: Token | None = None  # the object of a verbal act ("ont condamné ces attaques")
    learned: bool = False  # found by the learned model, not the lexicon: kept even with no participant


@dataclass(frozen=True, slots=True)
class Reading:
    """A verb of the lexicon with the arguments it has and the sense that applies."""

    verb: Token
    args: Args
    sense: Sense


def find_frames(doc: Doc, lexicon: Lexicon, actor_of: ActorOf) -> list[Frame]:
    readings = {r.verb.i: r for r in (_reading(t, lexicon) for t in doc if t.pos_ in ("VERB", "ADJ", "AUX")) if r}
    nouns = {t.i: s for t in doc if t.pos_ == "NOUN" and (s := _noun_sense(t, lexicon)) is not None}
    triggers = set(readings) | set(nouns)
    consumed = _consumed(readings.values(), lexicon) | _purposes(doc, triggers)
    frames = []
    for r in readings.values():
        if r.verb.i in consumed or _governs_event(r, readings, nouns, lexicon):
            continue
        frames.append(_verb_frame(r, readings, nouns, lexicon, actor_of))
    verb_types = {f.trigger.i: f.type for f in frames}
    for i, (sense, args) in nouns.items():
        noun = doc[i]
        if i in consumed or anaphoric(noun):
            continue
        frame = _noun_frame(noun, sense, args, verb_types, lexicon, actor_of)
        if frame is not None:
            frames.append(frame)
    return sorted(frames, key=lambda f: (f.span[0], f.trigger.i))


# --------------------------------------------------------------------------- verbs


def _reading(verb: Token, lexicon: Lexicon) -> Reading | None:
    senses = lexicon.verb_senses(verb.lemma_) or lexicon.verb_senses(first_group_lemma(verb))
    if not senses or verb.pos_ == "AUX" and verb.lemma_ in ("être", "avoir"):
        return None
    args = verb_args(verb, lexicon)
    sense = next((s for s in senses if sense_applies(s, args, lexicon.quantities)), None)
    return Reading(verb, args, sense) if sense is not None else None


FIRST_GROUP_ENDINGS = ("aient", "ent", "ons", "ez", "es", "e", "ait", "ais", "ant", "ées", "és", "ée", "é")


def first_group_lemma(verb: Token) -> str:
    """The lemmatizer leaves some inflected forms as they are ("contrôlent"): try the -er infinitive."""
    low = verb.lower_
    if verb.lemma_.lower() != low:
        return verb.lemma_
    ending = next((e for e in FIRST_GROUP_ENDINGS if low.endswith(e) and len(low) > len(e) + 2), None)
    return low[: -len(ending)] + "er" if ending else low


def _consumed(readings, lexicon: Lexicon) -> set[int]:
    """Tokens whose event is part of another's: consumed complements and condition nouns."""
    out: set[int] = set()
    for r in readings:
        w, args = r.sense.when, r.args
        if r.sense.complement is ComplementUse.CONSUME:
            for tok in (args.inf, args.obj):
                if tok is not None and (tok.pos_ in ("VERB", "AUX") or lexicon.noun_senses(tok.lemma_)):
                    out.update(content_tokens(tok))
        if w.obj and args.obj is not None:  # not the participle itself ("des officiers formés par")
            inside = {t.i for t in r.verb.subtree} if args.obj.is_ancestor(r.verb) else set()
            out.update({t.i for t in args.obj.subtree} - inside)
        for prep, noun in w.obl:
            if noun is not None:
                out.update(t for p, h in args.comps if p == prep for t in content_tokens(h))
            elif r.sense.complement is ComplementUse.CONSUME:  # "appeler à la grève": the noun only
                out.update(h.i for p, h in args.comps if p == prep)
    return out


def content_tokens(head: Token) -> set[int]:
    """A complement's tokens without the independent clauses inside it (concessive, relative...)."""
    inner = {t.i for d in head.subtree if d.i != head.i and d.dep_ in ("advcl", "parataxis", "acl:relcl")
             and not d.morph.get("VerbForm") == ["Inf"] for t in d.subtree}
    return {t.i for t in head.subtree} - inner


def _purposes(doc: Doc, triggers: set[int]) -> set[int]:
    """Tokens of purpose clauses and phrases of a trigger: the motive, not another event."""
    out: set[int] = set()
    for tok in doc:
        gov = purpose_clause_of(tok)
        if gov is not None and gov.i in triggers:
            out.update(t.i for t in tok.subtree)
    return out


def _governs_event(r: Reading, readings: dict[int, Reading], nouns: dict, lexicon: Lexicon) -> bool:
    """An intent/announce/transparent verb whose complement states the event yields to it
    ("a promis de remettre le pouvoir", "en ordonnant le retrait")."""
    if r.sense.complement is ComplementUse.CONSUME or r.sense.when.obj:
        return False
    governor = lexicon.governor(r.verb.lemma_)
    inf, obj = r.args.inf, r.args.obj
    if inf is not None and inf.i in readings:
        return governor is not None or lexicon.is_transparent(r.verb.lemma_)
    return governor is not None and governor.kind is not GovernorKind.TRANSPARENT and obj is not None \
        and obj.i in nouns


def _verb_frame(r: Reading, readings: dict[int, Reading], nouns: dict, lexicon: Lexicon,
                actor_of: ActorOf) -> Frame:
    etype, anchor = _climb(r.verb, r.sense.type, lexicon)
    source = fill(r.sense.source, r.args, actor_of, quantities=lexicon.quantities, means=lexicon.means)
    if source is None and r.sense.type is EventType.ASSAULT and r.args.subj is None:
        source = cause_doer(r.verb, lexicon.means, actor_of)  # "tué à la suite des tirs de X"
    target = fill(r.sense.target, r.args, actor_of, exclude=source, quantities=lexicon.quantities,
                  means=lexicon.means)
    if r.sense.reciprocal and target is None and source is not None:
        others = conjuncts(source)[1:]
        target = others[0] if others else None
    mode = r.sense.mode or _complement_mode(r, readings, nouns) or mode_cue(anchor, etype, lexicon)
    keep = (source,) if source is not None and source.i < anchor.i else ()
    return Frame(r.verb, anchor, r.sense, etype, mode, source, target, clause_range(anchor, keep),
                 content=r.args.obj)


def _climb(verb: Token, etype: EventType, lexicon: Lexicon) -> tuple[EventType, Token]:
    """Up the control chain: "a décidé d'accorder" (transparent), "a promis de remettre" (intent)."""
    cur = verb
    for _ in range(4):
        gov = cur.head
        if gov.i == cur.i or infinitive_complement(gov) is None or infinitive_complement(gov).i != cur.i:
            break
        governor = lexicon.governor(gov.lemma_)
        if governor is None and not lexicon.is_transparent(gov.lemma_):
            break
        if governor is not None and governor.kind is GovernorKind.INTENT:
            etype = lexicon.intent_types.get(etype, etype)
        elif governor is not None and governor.kind is GovernorKind.ANNOUNCE:
            etype = lexicon.announce_types.get(etype, etype)
        cur = gov
    return etype, cur


def _complement_mode(r: Reading, readings: dict[int, Reading], nouns: dict) -> str | None:
    if not r.sense.complement_modes:
        return None
    for tok in (r.args.inf, r.args.obj):
        if tok is None:
            continue
        inner = readings.get(tok.i)
        kind = inner.sense.type if inner else nouns[tok.i][0].type if tok.i in nouns else None
        if kind is not None and kind.value in r.sense.complement_modes:
            return r.sense.complement_modes[kind.value]
    return None


def mode_cue(head: Token, etype: EventType, lexicon: Lexicon) -> str | None:
    cues = lexicon.mode_cues.get(etype)
    if not cues:
        return None
    for tok in head.subtree:
        mode = cues.get(tok.lemma_.lower()) or cues.get(tok.lower_)
        if mode is not None:
            return mode
    return None


# --------------------------------------------------------------------------- nouns


def _noun_sense(noun: Token, lexicon: Lexicon) -> tuple[Sense, Args] | None:
    senses = lexicon.noun_senses(noun.lemma_)
    if not senses:
        return None
    args = noun_args(noun, lexicon)
    sense = next((s for s in senses if sense_applies(s, args, lexicon.quantities)), None)
    if sense is None:
        return None
    if sense.when.de:  # "coup d'État", "prise d'otages": the complement is part of the name, not a participant
        args = replace(args, comps=tuple((p, h) for p, h in args.comps if not (
            p == "de" and h.lemma_.lower() in sense.when.de and not any(c.dep_ == "det" for c in h.children))))
    return sense, args


def _noun_frame(noun: Token, sense: Sense, args: Args, verb_types: dict[int, EventType], lexicon: Lexicon,
                actor_of: ActorOf) -> Frame | None:
    gv = governing_verb(noun)
    if gv is not None and _anaphoric_subject(gv):
        return None  # "Ces actes de destruction sont des représailles ...": told before
    source = fill(sense.source, args, actor_of, quantities=lexicon.quantities, means=lexicon.means)
    target = fill(sense.target, args, actor_of, exclude=source, quantities=lexicon.quantities,
                  means=lexicon.means)
    if gv is not None and verb_types.get(gv.i) is sense.type and not presupposed(noun, lexicon) and (
            prep_of(noun) != "à" or not _own_participant(noun, source, target)):
        return None  # "tué d'un tir", "rassemblées pour une manifestation": the verb's own event
    if target is None and args.undergoer is not None and (source is None or args.undergoer.i != source.i):
        target = args.undergoer
    if source is not None and (target is None and any(p == "entre" and h.i == source.i for p, h in args.comps)
                               or target is not None and source.i == target.i):
        target = _other_side(source)  # "les négociations entre Paris et Berlin": one side each
    if sense.requires_arg and source is None and target is None:
        return None
    given = presupposed(noun, lexicon)
    etype, anchor = sense.type, noun
    if gv is not None and not given and not _reported_content(gv, lexicon):
        etype, anchor = _governed_type(noun, gv, sense.type, lexicon)
        if _declared_by(noun, gv, lexicon) and args.support is not None and actor_of(args.support) is not None:
            source = args.support  # "Hollande ... en ordonnant le retrait de 2 000 soldats": Hollande's act
    clause = gv if gv is None or given or anchor.i == noun.i else anchor
    span = clause_range(clause, (noun,)) if clause is not None and clause.pos_ in ("VERB", "AUX", "NOUN", "ADJ") \
        else np_range(noun)
    mode = sense.mode or mode_cue(noun, sense.type, lexicon)
    return Frame(noun, anchor, sense, etype, mode, source, target, span, presupposed=given, nominal=True)


def _other_side(first: Token) -> Token | None:
    """The second member of "entre X et Y", also when the parser hung Y elsewhere."""
    others = conjuncts(first)[1:]
    if others:
        return others[0]
    doc, i = first.doc, first.right_edge.i + 1
    if i >= first.sent.end or doc[i].lower_ != "et":
        return None
    return next((t for t in doc[i + 1:min(i + 5, first.sent.end)] if t.pos_ in ("NOUN", "PROPN")), None)


def _declared_by(noun: Token, gv: Token, lexicon: Lexicon) -> bool:
    governor = lexicon.governor(gv.lemma_)
    return noun.dep_ == "obj" and governor is not None and governor.kind is not GovernorKind.TRANSPARENT


def _anaphoric_subject(pred: Token) -> bool:
    subj = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    return subj is not None and any(c.dep_ == "cop" for c in pred.children) and anaphoric(subj)


def _reported_content(verb: Token, lexicon: Lexicon) -> bool:
    """ "constate des attaques", "a fait état de l'exécution": the noun's event is the report's content,
    its status is read from the noun (reported), not from the reporting verb (asserted)."""
    cues = lexicon.claims
    return verb.lemma_.lower() in cues.reporting_verbs or is_content_reporting(verb, cues)


def _own_participant(noun: Token, *tokens: Token | None) -> bool:
    """A participant named inside the noun phrase itself ("à l'appel des Frères musulmans")."""
    return any(t is not None and noun.is_ancestor(t) for t in tokens)


def _governed_type(noun: Token, gv: Token, etype: EventType, lexicon: Lexicon) -> tuple[EventType, Token]:
    """ "en ordonnant le retrait" (announce → CONCEDE), "a promis des élections" (intent)."""
    governor = lexicon.governor(gv.lemma_) if noun.dep_ == "obj" else None
    if governor is not None and governor.kind is GovernorKind.INTENT:
        etype = lexicon.intent_types.get(etype, etype)
    elif governor is not None and governor.kind is GovernorKind.ANNOUNCE:
        etype = lexicon.announce_types.get(etype, etype)
    return _climb(gv, etype, lexicon) if gv.pos_ in ("VERB", "AUX") else (etype, gv)
