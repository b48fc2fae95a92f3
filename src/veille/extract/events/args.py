"""Arguments of a predicate, in active-voice terms, and the filling of a sense's slots.

The parser's passive is undone (the agent becomes the subject, the passive subject the object),
missing subjects are carried over (coordination, control, relative clauses, the previous
sentence), and the agent of a passive is looked for anywhere in the clause, because the parser
often hangs the "par" phrase on a noun ("reçu en audience par les militaires").
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Token

from veille.extract.events.syntax import (
    COMPLEX_PREP_NOUNS, OBL_DEPS, RELATIVE_SUBJECTS, complement, has_en_clitic, infinitive_complement, is_passive,
    is_reflexive, norm_prep, prep_of, subject,
)
from veille.extract.lexicon import Condition, Lexicon, Sense, Slot, SlotKind
from veille.model import Actor

ActorOf = Callable[[Token], Actor | None]
PLACE_PREPS = ("à", "en", "dans")
MULTIWORD_ADVS = {"auprès": "auprès de", "près": "près de", "face": "face à", "loin": "loin de"}


@dataclass(frozen=True, slots=True)
class Args:
    """The dependents of one predicate that can fill a slot."""

    subj: Token | None = None
    obj: Token | None = None
    iobj: Token | None = None
    comps: tuple[tuple[str, Token], ...] = ()  # (preposition, head) complements, nearest first
    inf: Token | None = None  # infinitive complement
    refl: bool = False
    en: bool = False
    support: Token | None = None  # nouns: subject of a "give" support verb
    undergoer: Token | None = None  # nouns: subject of an "undergo" support verb
    poss: Token | None = None
    adj: tuple[Token, ...] = field(default=())
    case: str | None = None  # nouns: the preposition introducing the noun
    clause: Token | None = None  # finite complement clause ("demande que X ...", "appelle à ce que X ...")


# --------------------------------------------------------------------------- verbs


def verb_args(verb: Token, lexicon: Lexicon) -> Args:
    surface = surface_subject(verb, lexicon)
    passive = is_passive(verb, lexicon.etre_verbs)
    obj = next((c for c in verb.children if c.dep_ == "obj" and c.pos_ != "SCONJ"), None) or next(
        (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "NOUN"), None)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON") and subject(verb) is None:
        surface = None if passive else verb.head
        obj = verb.head if passive else obj
    if passive:
        agent = find_agent(verb)
        subj, obj = agent, surface if surface is not None else obj
    else:
        subj = surface
    iobj = next((c for c in verb.children if c.dep_ == "iobj"), None)
    return Args(subj=subj, obj=obj, iobj=iobj, comps=verb_complements(verb, obj), inf=infinitive_complement(verb),
                refl=is_reflexive(verb), en=has_en_clitic(verb), clause=que_clause(verb))


def que_clause(verb: Token) -> Token | None:
    """The finite clause a verb governs: "demande que le gouvernement retire", "appelle à ce que les
    militaires soient jugés" (the parser hangs the latter on "ce")."""
    for c in verb.children:
        heads = [c] if c.dep_ in ("ccomp", "obj") else [
            g for g in c.children if g.dep_ in ("acl", "acl:relcl")] if c.lower_ == "ce" else []
        for h in heads:
            if h.pos_ in ("VERB", "AUX") and any(m.dep_ == "mark" and m.lower_ in ("que", "qu'", "qu’")
                                                 for m in h.children):
                return h
    return None


def verb_complements(verb: Token, obj: Token | None) -> tuple[tuple[str, Token], ...]:
    """Prepositional complements of the verb, then those of its object (light verbs: "l'ordre au ministre")."""
    out = []
    for c in verb.children:
        if c.dep_ in OBL_DEPS and c.dep_ != "obl:agent":
            prep, head = complement(c)
            if prep:
                out.append((prep, head))
        elif c.dep_ == "advmod" and c.lower_ in MULTIWORD_ADVS:
            out.extend((MULTIWORD_ADVS[c.lower_], g) for g in c.children if g.dep_ in OBL_DEPS + ("nmod",))
    if obj is not None and obj.head.i == verb.i:
        for c in obj.children:
            if c.dep_ == "nmod":
                prep, head = complement(c)
                if prep and prep != "de":
                    out.append((prep, head))
    return tuple(out)


def surface_subject(verb: Token, lexicon: Lexicon, depth: int = 0) -> Token | None:
    """The subject the verb has or inherits (coordination, control, relative clause, gerund)."""
    subj = subject(verb)
    if subj is not None:
        if subj.lower_ in RELATIVE_SUBJECTS and verb.dep_ == "acl:relcl":
            return verb.head
        return _true_subject(subj)
    if depth > 4:
        return None
    head = verb.head
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX", "ADJ"):
        return surface_subject(head, lexicon, depth + 1)
    if verb.dep_ == "acl:relcl":
        return None
    if _finite(verb):
        found = positional_subject(verb)
        if found is not None:
            return found
    if head.i != verb.i and head.pos_ in ("VERB", "AUX", "ADJ", "NOUN") and verb.dep_ in (
            "xcomp", "ccomp", "advcl", "obl", "obl:arg", "obl:mod", "obj", "nmod", "acl"):
        if verb.dep_ in ("nmod", "acl") and head.pos_ == "NOUN":
            return _support_subject(head, lexicon, depth)
        controller = _controller(head, lexicon)
        return controller if controller is not None else surface_subject(head, lexicon, depth + 1)
    if verb.dep_ == "ROOT":
        return positional_subject(verb) or previous_subject(verb, lexicon)
    return positional_subject(verb)


def _finite(verb: Token) -> bool:
    group = [verb] + [c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    return any(t.morph.get("VerbForm") == ["Fin"] for t in group)


def positional_subject(verb: Token) -> Token | None:
    """Last resort on a broken parse: the noun phrase right before the verb group, when nothing but
    auxiliaries, clitics, negation and adverbs stand between ("Yasser Arafat aurait été empoisonné")."""
    doc = verb.doc
    i = verb.i - 1
    while i >= verb.sent.start and (doc[i].pos_ in ("AUX", "ADV") or doc[i].dep_ in ("expl:comp", "expl:pv", "expl:pass")
                                    or doc[i].lower_ in ("ne", "n'", "n’", "se", "s'", "s’")):
        i -= 1
    if i < verb.sent.start or doc[i].i == verb.i:
        return None
    tok = doc[i]
    if tok.pos_ in ("PROPN", "NOUN") and tok.dep_ in ("nsubj", "flat:name", "nsubj:pass", "appos", "dep", "nmod"):
        while tok.dep_ == "flat:name" and tok.head.i < tok.i:
            tok = tok.head
        return tok if tok.pos_ in ("PROPN", "NOUN") or tok.ent_type_ else None
    return None


def _true_subject(subj: Token) -> Token | None:
    """A "subject" with a preposition is a misparse of a fronted complement ("sur les cinq pays, seule
    la Mauritanie n'a pas signé"): the noun hanging on it without a preposition is the subject."""
    if not any(c.dep_ == "case" and c.i < subj.i and norm_prep(c.text) != "de" for c in subj.children):
        return _comma_split_subject(subj) or subj
    for c in subj.children:
        if c.dep_ in ("nmod", "appos") and c.i > subj.i and not any(g.dep_ == "case" for g in c.children):
            return c
    return None


def _comma_split_subject(subj: Token) -> Token | None:
    """ "N'ayant pas ratifié la convention de la CPI, l'ONG a demandé ...": the parser made one phrase of
    the fronted object and the subject; the bare noun phrase after the comma, right before the verb
    group, is the subject."""
    verb = subj.head
    for c in subj.children:
        if c.dep_ != "nmod" or c.i < subj.i or any(g.dep_ == "case" for g in c.children):
            continue
        before = subj.doc[c.left_edge.i - 1] if c.left_edge.i > 0 else None
        between = subj.doc[c.right_edge.i + 1:verb.i]
        if before is not None and before.text == "," and verb.i > c.i and all(
                t.pos_ in ("AUX", "ADV") or t.dep_.startswith("expl") for t in between):
            return c
    return None


def _support_subject(noun: Token, lexicon: Lexicon, depth: int) -> Token | None:
    """ "intimé l'ordre au ministre de le faire": the infinitive hangs on the noun of a light verb."""
    if noun.head.pos_ in ("VERB", "AUX") and noun.dep_ == "obj":
        return surface_subject(noun.head, lexicon, depth + 1)
    return None


def _controller(governor: Token, lexicon: Lexicon) -> Token | None:
    if governor.lemma_.lower() not in lexicon.object_control:
        return None
    for c in governor.children:
        if c.dep_ in ("iobj", "obj") and c.pos_ in ("NOUN", "PROPN", "PRON"):
            return c
    return None


def previous_subject(verb: Token, lexicon: Lexicon) -> Token | None:
    """A subjectless main verb takes up the subject of the previous sentence of its paragraph."""
    sent = verb.sent
    if sent.start == 0 or "\n" in verb.doc[sent.start - 1].whitespace_ + verb.doc[sent.start - 1].text:
        return None
    prev = verb.doc[sent.start - 1].sent
    root = prev.root
    subj = subject(root)
    if subj is None or subj.pos_ == "PRON" and subj.lower_ in ("ce", "c'", "c’", "cela", "il"):
        return None
    return subj


def find_agent(head: Token, depth: int = 2) -> Token | None:
    """The "par" phrase of a passive clause or of an event noun, wherever the parser attached it
    within ``depth`` nominal steps ("reçu en audience par les militaires": on "audience")."""
    for c in head.children:
        if c.dep_ == "obl:agent":
            return c
    for tok in clause_nominals(head, depth):
        if prep_of(tok) == "par" and tok.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok
    return None


def clause_nominals(head: Token, depth: int):
    """Nominal dependents of the head down to ``depth`` levels, not inside nested clauses."""
    level = [c for c in head.children if c.dep_ not in ("conj", "parataxis", "advcl", "ccomp", "xcomp", "acl:relcl")]
    for _ in range(depth):
        level.sort(key=lambda t: t.i)
        yield from level
        level = [c for t in level if t.pos_ not in ("VERB", "AUX")
                 for c in t.children if c.dep_ not in ("acl:relcl", "acl", "conj", "appos")]


# --------------------------------------------------------------------------- conditions and slots


def sense_applies(sense: Sense, args: Args, quantities: frozenset[str] = frozenset()) -> bool:
    w: Condition = sense.when
    if w.obj and not (_in(args.obj, w.obj) or _in(_counted(args.obj, quantities), w.obj)):
        return False
    if w.supported is not None and w.supported != (args.support is not None or args.undergoer is not None):
        return False
    return _rest_applies(w, args)


def _counted(tok: Token | None, quantities: frozenset[str]) -> Token | None:
    """ "l'intégralité de ses forces", "des dizaines de civils": the counted noun."""
    if tok is None or tok.lemma_.lower() not in quantities and tok.pos_ != "NUM":
        return None
    return next((c for c in tok.children if c.dep_ == "nmod" and prep_of(c) == "de"), None)


def _rest_applies(w: Condition, args: Args) -> bool:
    obj_lemma = _lemma(args.obj)
    if w.obj_not and obj_lemma and _in(args.obj, w.obj_not):
        return False
    if w.subj and not _in(args.subj, w.subj):
        return False
    if w.obl and not any(_comp_matches(p, n, args) for p, n in w.obl):
        return False
    if w.obl_not and any(_comp_matches(p, n, args) for p, n in w.obl_not):
        return False
    if w.refl is not None and w.refl != args.refl:
        return False
    if w.en is not None and w.en != args.en:
        return False
    if w.inf is not None and w.inf != (args.inf is not None):
        return False
    if w.de and not any(p == "de" and _in(h, w.de) for p, h in args.comps):
        return False
    if w.adj and not any(_in(a, w.adj) for a in args.adj):
        return False
    if w.case and args.case not in w.case:
        return False
    return not (w.case_not and args.case in w.case_not)


def _lemma(tok: Token | None) -> str | None:
    return tok.lemma_.lower() if tok is not None else None


def _in(tok: Token | None, words: frozenset[str]) -> bool:
    if tok is None:
        return False
    return tok.lemma_.lower() in words or tok.lower_ in words or ("@propn" in words and tok.pos_ == "PROPN")


def _comp_matches(prep: str, noun: str | None, args: Args) -> bool:
    for p, head in args.comps:
        if p == prep and (noun is None or head.lemma_.lower() == noun or head.lower_ == noun):
            return True
    if prep in ("à", "de") and noun is None and args.inf is not None and prep_of(args.inf) == prep:
        return True
    return False


def fill(slots: tuple[Slot, ...], args: Args, actor_of: ActorOf, exclude: Token | None = None,
         quantities: frozenset[str] = frozenset(), means: frozenset[str] = frozenset()) -> Token | None:
    """The first slot that yields a participant (a token the resolver or the fallback can name);
    an event noun or a weapon in a slot yields its doer."""
    for slot in slots:
        if slot.kind is SlotKind.NONE:
            return None
        for tok in _candidates(slot, args):
            if exclude is not None and tok.i == exclude.i:
                continue
            for cand in (tok, _counted(tok, quantities), *_inner_doers(tok, means)):
                if cand is not None and actor_of(cand) is not None:
                    return cand
    return None


def _candidates(slot: Slot, args: Args) -> list[Token]:
    kind = slot.kind
    if kind is SlotKind.SUBJ:
        return [args.subj] if args.subj is not None else []
    if kind is SlotKind.OBJ:
        return [args.obj] if args.obj is not None else []
    if kind is SlotKind.IOBJ:
        return [args.iobj] if args.iobj is not None else []
    if kind is SlotKind.SUPPORT:
        return [args.support] if args.support is not None else []
    if kind is SlotKind.POSS:
        return [args.poss] if args.poss is not None else []
    if kind is SlotKind.ADJ:
        return list(args.adj)
    if kind is SlotKind.OBL:
        return [h for p, h in args.comps if p == slot.prep]
    if kind is SlotKind.LOC:
        return [h for p, h in args.comps if p in PLACE_PREPS and h.pos_ == "PROPN"]
    comp = args.inf if args.inf is not None else args.clause
    if kind is SlotKind.COMP_SUBJ and comp is not None:
        s = subject(comp)
        return [s] if s is not None else []
    if kind is SlotKind.COMP_OBJ and args.inf is not None:
        return [c for c in args.inf.children if c.dep_ in ("obj", "obl:arg", "obl")]
    return []


def cause_doer(verb: Token, means: frozenset[str], actor_of: ActorOf) -> Token | None:
    """The doer of the attack or weapon a harm is told by when the clause names no agent: "tué d'un tir
    lancé par X", "blessés à la suite des tirs de X", "tués dans une embuscade tendue par X"."""
    for c in verb.children:
        if c.dep_ not in OBL_DEPS:
            continue
        _, head = complement(c)
        causes = [head, *(g for g in c.children if g.dep_ == "nmod")] if c.lemma_.lower() in COMPLEX_PREP_NOUNS \
            else [head]
        for cause in causes:
            if cause.lemma_.lower() in means or cause.lower_ in means:
                doer = next((d for d in _inner_doers(cause, means) if actor_of(d) is not None), None)
                if doer is not None:
                    return doer
    return None


def _inner_doers(tok: Token, means: frozenset[str] = frozenset(), depth: int = 2) -> Iterator[Token]:
    """The doer an event noun stands for: "la suggestion de Clinton", "la publication par la
    commission"; the doer of an attack or a weapon ("means"): "une roquette tirée par les rebelles",
    "des tirs de roquettes par les insurgés", "des tirs d'artillerie de l'armée"."""
    if tok.pos_ != "NOUN":
        return
    agent = find_agent(tok)
    if agent is not None and agent.pos_ != "PRON":
        yield agent
    weapon = tok.lemma_.lower() in means or tok.lower_ in means
    if weapon:  # "une roquette tirée par les rebelles"
        yield from (g for c in tok.children if c.dep_ == "acl" and c.pos_ == "VERB"
                    for g in c.children if g.dep_ == "obl:agent" and g.pos_ != "PRON")
    for c in tok.children:
        if c.dep_ == "nmod" and prep_of(c) == "de" and c.pos_ in ("PROPN", "NOUN"):
            yield c
            if weapon and depth > 1:
                yield from _inner_doers(c, means, depth - 1)
