"""Syntactic helpers over the French UD parse, shared by events and claims.

Everything here reads a spaCy Token's dependency neighbourhood; nothing knows about PLOVER.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Span, Token

SUBJ_DEPS = ("nsubj", "nsubj:pass", "csubj")
OBL_DEPS = ("obl", "obl:arg", "obl:mod", "obl:agent")
NOMINAL_POS = ("NOUN", "PROPN", "PRON", "NUM", "X")
CLAUSE_DEPS = ("conj", "parataxis", "advcl", "ccomp", "xcomp", "acl", "acl:relcl", "csubj")
# Contracted and elided forms of the prepositions.
PREP_FORMS = {"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de", "d’": "de", "à": "à", "a": "à"}
# "à l'égard de X", "à l'encontre de X", "en faveur de X": a noun inside a complex preposition.
COMPLEX_PREP_NOUNS = {"égard": "à l'égard de", "encontre": "à l'encontre de", "faveur": "en faveur de",
                      "suite": "à la suite de", "lendemain": "au lendemain de", "veille": "à la veille de",
                      "moment": "au moment de", "cadre": "dans le cadre de", "part": "de la part de",
                      "initiative": "à l'initiative de", "appel": "à l'appel de"}
RELATIVE_SUBJECTS = ("qui", "lequel", "laquelle", "lesquels", "lesquelles")
MULTIWORD_STARTS = ("auprès", "près", "face", "lors", "suite", "loin", "grâce", "quant")
PREP_HEAD_ADVERBS = MULTIWORD_STARTS + ("afin",)
PURPOSE_DEPS = ("advcl", "obl", "obl:mod", "obl:arg", "acl", "xcomp")
REFLEXIVE = ("se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous")


def norm_prep(text: str) -> str:
    low = text.lower()
    return PREP_FORMS.get(low, low)


def prep_of(tok: Token) -> str | None:
    """The preposition introducing a nominal or infinitive ("auprès des forces" → "auprès de").

    Only the dependents before the token can introduce it: ``Token.lefts`` walks the subtree's left
    part alone, where ``children`` walks all of it (a verb's whole clause)."""
    words = []
    for child in tok.lefts:
        if child.dep_ in ("case", "mark"):
            words.append(norm_prep(child.text))
            words.extend(norm_prep(f.text) for f in child.children if f.dep_ == "fixed")
    head = tok.head
    if head.i != tok.i and head.pos_ == "ADV" and head.lower_ in PREP_HEAD_ADVERBS and head.i < tok.i:
        return f"{head.lower_} {words[0]}" if words else head.lower_  # "lors de l'assassinat", "afin d'obtenir"
    if not words:
        return None
    if len(words) > 1 and words[0] in MULTIWORD_STARTS:
        return f"{words[0]} {words[1]}"
    return words[0]


def complement(tok: Token) -> tuple[str | None, Token]:
    """(preposition, head noun) of a complement, seeing through complex prepositions.

    "à l'égard de la junte" → ("à l'égard de", junte); "à son égard" → ("à l'égard de", son).
    """
    prep = prep_of(tok)
    complex_prep = COMPLEX_PREP_NOUNS.get(tok.lemma_.lower())
    if complex_prep and prep in ("à", "en", "dans", "de"):
        for child in tok.children:
            if child.dep_ == "nmod" and prep_of(child) == "de":
                return complex_prep, child
            if child.dep_ == "det" and "Poss=Yes" in str(child.morph):
                return complex_prep, child
    return prep, tok


def has_child(tok: Token, deps: Iterable[str], lemmas: Iterable[str] | None = None) -> bool:
    wanted = set(lemmas) if lemmas is not None else None
    return any(c.dep_ in deps and (wanted is None or c.lemma_.lower() in wanted or c.lower_ in wanted)
               for c in tok.children)


def is_passive(verb: Token, etre_verbs: frozenset[str] = frozenset()) -> bool:
    """Passive voice: "a été reçu", "formés par", "aurait été empoisonné" (participle + copula); not the
    pronominal "se sont rassemblées" nor the compound past of être-verbs "sont descendus"."""
    if is_reflexive(verb) or verb.lemma_.lower() in etre_verbs:
        return False
    if any(c.dep_ in ("aux:pass", "nsubj:pass", "obl:agent") for c in verb.children):
        return True
    participle = verb.morph.get("VerbForm") == ["Part"] or verb.pos_ == "ADJ" and verb.lower_.endswith(("é", "és", "ée", "ées", "is", "it", "ite", "its", "ites"))
    if participle and any(c.dep_ == "cop" and c.lemma_ == "être" for c in verb.children):
        return True
    return verb.dep_ in ("acl", "amod") and verb.morph.get("VerbForm") == ["Part"] \
        and verb.morph.get("Tense") == ["Past"]


def is_reflexive(verb: Token) -> bool:
    return any(c.dep_ in ("expl:comp", "expl:pv", "expl:pass", "expl", "obj", "iobj") and c.pos_ == "PRON"
               and (c.lower_ in REFLEXIVE[:3] or "Reflex=Yes" in str(c.morph)) for c in verb.children)


def has_coordinator(tok: Token) -> bool:
    """True coordination has "et"/"ou"/"ni" somewhere in the group; a bare comma is an apposition."""
    group = [tok] + list(tok.conjuncts)
    return any(c.dep_ == "cc" for t in group for c in t.children)


def has_en_clitic(verb: Token) -> bool:
    return any(c.lower_ == "en" and c.pos_ == "PRON" for c in verb.children)


def subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in SUBJ_DEPS:
            return c
    return None


def infinitive_complement(verb: Token) -> Token | None:
    """The infinitive (or "à ce que" clause) a verb governs: "décider d'accorder", "appeler à ce que"."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp", "obl:arg", "obj", "obl", "advcl") and c.pos_ in ("VERB", "AUX") \
                and c.morph.get("VerbForm") == ["Inf"] and prep_of(c) not in ("pour", "afin", "sans", "avant", "après"):
            return c
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "ADJ"):
            return c
        if c.dep_ in ("obl:arg", "ccomp") and c.pos_ == "VERB" and _introduced_by_a_ce_que(c):
            return c
    return None


def _introduced_by_a_ce_que(verb: Token) -> bool:
    words = [t.lower_ for t in verb.doc[max(verb.left_edge.i, verb.i - 12):verb.i]]
    return "ce" in words and any(w in ("que", "qu'", "qu’") for w in words)


def purpose_clause_of(verb: Token) -> Token | None:
    """The governor of a purpose infinitive ("pour exiger", "afin d'obtenir"), else None."""
    if verb.dep_ not in PURPOSE_DEPS:  # first: _purposes asks every token of the article
        return None
    if (prep_of(verb) or "").split(" ")[0] in ("pour", "afin"):
        head = verb.head
        return head.head if head.pos_ == "ADV" and head.lower_ == "afin" else head
    return None


def conjuncts(tok: Token) -> list[Token]:
    """The token and the phrases coordinated with it ("la Chine et la Russie"), not hyphen parts."""
    out = [tok]
    if not has_coordinator(tok):
        return out
    for c in tok.conjuncts:
        if c.i == tok.i or c.pos_ not in NOMINAL_POS or _hyphen_joined(c):
            continue
        out.append(c)
    return sorted(out, key=lambda t: t.i)


def _hyphen_joined(tok: Token) -> bool:
    doc = tok.doc
    return tok.i > 0 and doc[tok.i - 1].text in ("-", "‑") and not doc[tok.i - 1].whitespace_


def clause_tokens(head: Token, keep: Iterable[Token] = ()) -> Iterator[Token]:
    """The head's subtree without its own sub-clauses (conjoined verbs, parataxis, adverbial clauses)."""
    keep_ids = {t.i for t in keep}
    skip: set[int] = set()
    for c in head.children:
        if c.i in keep_ids or c.dep_ == "advcl" and (prep_of(c) or "").split(" ")[0] in ("pour", "afin"):
            continue  # the purpose of an act belongs with it ("se rendra en Guyane pour rendre hommage")
        if (c.dep_ in ("conj",) and c.pos_ in ("VERB", "AUX")) or c.dep_ in ("parataxis", "advcl", "cc", "mark") \
                or (c.dep_ == "punct" and (c.i < head.left_edge.i + 1 or c.i == head.right_edge.i)):
            skip.update(t.i for t in c.subtree)
    for t in head.subtree:
        if t.i not in skip:
            yield t


def sentence_of(tok: Token) -> Span:
    return tok.sent


def governing_verb(tok: Token) -> Token | None:
    """The verb (or predicative noun/adjective with a subject) a nominal depends on, through nmod chains."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "ROOT" and cur.pos_ not in ("VERB", "AUX"):
            return cur if subject(cur) is not None else None
        head = cur.head
        if head.pos_ == "ADV" and head.lower_ in PREP_HEAD_ADVERBS and head.head.i != head.i:
            head = head.head  # "lors de l'assaut": the adverb of a complex preposition
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head.pos_ in ("NOUN", "ADJ") and subject(head) is not None and any(
                c.dep_ == "cop" for c in head.children):
            return head
        if cur.dep_ not in ("nmod", "conj", "appos", "amod", "det", "nummod", "flat:name", "fixed"):
            return None
        cur = head
    return None


def clause_anchor(trigger: Token) -> Token:
    """The verb whose clause carries an event's mood and tense: an event noun's governing verb, else the
    trigger itself."""
    return (governing_verb(trigger) or trigger) if trigger.pos_ == "NOUN" else trigger
