"""Arguments of event nouns: "les sanctions de la CEDEAO contre le Mali", "recevoir une formation".

A noun's participants come from its own complements ("de X", "par X", "contre Y", "sa", a demonym
adjective), then from the verb it depends on when that verb is a support verb (its subject is
the source of "lancer une attaque", the target of "essuyer des tirs", "être victime de"), then
from that verb's complements ("une formation à Moscou auprès des forces russes").
"""
from __future__ import annotations

from spacy.tokens import Token

from veille.extract.events.args import MULTIWORD_ADVS, Args, find_agent, surface_subject, verb_args
from veille.extract.events.syntax import OBL_DEPS, complement, governing_verb, prep_of
from veille.extract.lexicon import Lexicon, SupportRole

NOUN_COMP_DEPS = ("nmod", "obl", "obl:arg", "obl:mod", "acl", "acl:relcl")
CORE_DEPS = ("obj", "nsubj", "nsubj:pass", "obl:arg", "obl", "obl:mod", "iobj", "xcomp", "ccomp", "nmod")


def noun_args(noun: Token, lexicon: Lexicon) -> Args:
    comps = list(_own_complements(noun, lexicon))
    poss = next((c for c in noun.children if c.dep_ == "det" and "Poss=Yes" in str(c.morph)), None)
    adj = tuple(c for c in noun.children if c.dep_ == "amod" and c.pos_ in ("ADJ", "VERB"))
    support = undergoer = None
    frame = _frame_noun(noun, lexicon)
    gv = governing_verb(frame)
    if gv is not None and _depends_directly(frame, gv) and not presupposed(frame, lexicon):
        role = lexicon.support.get(gv.lemma_.lower())
        if role is SupportRole.UNDERGO:
            undergoer = surface_subject(gv, lexicon) if gv.pos_ in ("VERB", "AUX") else _nominal_subject(gv)
        elif role is SupportRole.GIVE and gv.pos_ in ("VERB", "AUX") and frame.dep_ not in ("nsubj", "nsubj:pass"):
            support = verb_args(gv, lexicon).subj
        elif role is SupportRole.GATHER and frame.dep_ == "nsubj":
            support = next((c for c in gv.children if c.dep_ == "obj"), None)
        if role is not None and gv.pos_ in ("VERB", "AUX"):
            comps.extend(_verb_complements(gv, frame))
    comps.extend(_adjacent_complements(noun, gv))
    agent = find_agent(noun, depth=2)
    if agent is not None and not any(p == "par" for p, _ in comps):
        comps.append(("par", agent))
    comps.extend(_frame_agent(noun))
    return Args(comps=tuple(comps), poss=poss, adj=adj, support=support, undergoer=undergoer, case=prep_of(noun))


def _frame_noun(noun: Token, lexicon: Lexicon) -> Token:
    """ "continuer les projets d'aide": the event noun takes the place of its frame noun."""
    if noun.dep_ == "nmod" and prep_of(noun) == "de" and noun.head.lemma_.lower() in lexicon.frame_nouns:
        return noun.head
    return noun


def _adjacent_complements(noun: Token, verb: Token):
    """A complement the parser hung elsewhere but that directly follows the noun phrase
    ("sa rencontre de décembre 2006 avec Richard Stallman")."""
    end = noun.right_edge.i
    for c in noun.sent:
        if c.dep_ in OBL_DEPS + ("nmod",) and c.left_edge.i == end + 1 and not noun.is_ancestor(c):
            prep, head = complement(c)
            if prep in ("avec", "contre", "entre", "envers", "à l'encontre de"):
                yield prep, head


def _own_complements(noun: Token, lexicon: Lexicon):
    for c in noun.children:
        if c.dep_ in NOUN_COMP_DEPS:
            if c.dep_ == "acl" and c.pos_ == "VERB":
                yield from _participle_complements(c)
                continue
            if c.dep_ == "acl:relcl":
                yield from _relative_complements(c)
                continue
            if c.dep_ == "nmod":  # "les négociations sur le programme qui se déroulent entre X et Y"
                for g in c.children:
                    if g.dep_ == "acl:relcl":
                        yield from _relative_complements(g)
            prep, head = complement(c)
            if prep and not _is_date(head, lexicon):
                yield prep, head
        elif c.dep_ == "advmod" and c.lower_ in MULTIWORD_ADVS:
            yield from ((MULTIWORD_ADVS[c.lower_], g) for g in c.children if g.dep_ in OBL_DEPS + ("nmod",))


def _relative_complements(verb: Token):
    """ "les négociations qui se déroulent entre Washington et Téhéran"."""
    for c in verb.children:
        if c.dep_ in OBL_DEPS:
            prep, head = complement(c)
            if prep in ("entre", "avec", "contre"):
                yield prep, head


def _participle_complements(participle: Token):
    """ "l'audience accordée à l'ambassadeur par la junte": the participle's complements are the noun's."""
    for c in participle.children:
        if c.dep_ in OBL_DEPS + ("iobj", "nmod"):
            prep, head = complement(c)
            if c.dep_ == "obl:agent":
                prep = "par"
            if prep:
                yield prep, head


def _verb_complements(verb: Token, noun: Token):
    for c in verb.children:
        if c.i == noun.i:
            continue
        if c.dep_ in OBL_DEPS and c.dep_ != "obl:agent":
            prep, head = complement(c)
            if prep in ("auprès de", "à", "en", "avec", "contre", "par"):
                yield prep, head
        elif c.dep_ == "advmod" and c.lower_ in MULTIWORD_ADVS:
            yield from ((MULTIWORD_ADVS[c.lower_], g) for g in c.children if g.dep_ in OBL_DEPS + ("nmod",))


def _frame_agent(noun: Token):
    """ "un programme de formation organisé par les forces russes": the agent of the frame noun."""
    if noun.dep_ != "nmod" or noun.head.pos_ != "NOUN":
        return
    for c in noun.head.children:
        if c.dep_ == "acl" and c.pos_ == "VERB":
            for g in c.children:
                if g.dep_ == "obl:agent" or (g.dep_.startswith("obl") and prep_of(g) == "par"):
                    yield "par", g


def _nominal_subject(pred: Token) -> Token | None:
    return next((c for c in pred.children if c.dep_ in ("nsubj", "nsubj:pass")), None)


def _depends_directly(noun: Token, gv: Token) -> bool:
    cur = noun
    while cur.head.i != gv.i:
        if cur.dep_ not in ("conj",) or cur.head.i == cur.i:
            return False
        cur = cur.head
    return cur.dep_ in CORE_DEPS


def _is_date(tok: Token, lexicon: Lexicon) -> bool:
    return tok.lemma_.lower() in lexicon.date_nouns or tok.pos_ == "NUM" or tok.ent_type_ == "DATE"


def anaphoric(noun: Token) -> bool:
    """ "Cette audience", "ces attaques": a demonstrative takes up an event told before."""
    return any(c.dep_ == "det" and c.morph.get("PronType") == ["Dem"] for c in noun.children)


def presupposed(noun: Token, lexicon: Lexicon) -> bool:
    """A noun in a temporal adjunct ("avant le renversement", "lors de la mobilisation") is taken as given."""
    prep = prep_of(noun)
    words = {w.lower_ for w in noun.children if w.dep_ in ("case", "mark")}
    cues = lexicon.claims.presupposing_preps
    return bool(prep and (prep in cues or prep.split()[0] in cues or words & cues))
