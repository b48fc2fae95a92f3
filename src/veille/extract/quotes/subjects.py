"""Where the speaker phrase of a reporting cue is: before the verb, after it (incise), after a
preposition ("selon X"), or the antecedent of a relative pronoun ("..., qui affirme").

A SpeakerRef is a token range (appositions included: "Nadim Houry, responsable de
l'organisation, précise ...") and the head token, which may be a pronoun left to coreference.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from veille.extract.quotes.clauses import (
    OBJECT_CLITICS,
    STOP_PUNCT,
    is_aux,
    is_clitic_subject,
    is_finite,
    name_like,
    np_left,
    skip_addressee,
    np_right,
)
from veille.extract.reporting import ReportingLexicon

PERSONAL_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "lui", "eux", "-il", "-elle", "-ils", "-elles",
                               "-t-il", "-t-elle"})
RELATIVE = frozenset({"qui", "lequel", "laquelle", "lesquels", "lesquelles"})
CLAUSE_WORDS = frozenset({"où", "dont", "que", "qu'", "qu’"})
NP_START = ("DET", "NOUN", "PROPN", "ADJ", "NUM")


@dataclass(frozen=True, slots=True)
class SpeakerRef:
    """Tokens [start, end) of the speaker phrase and its head token index."""

    start: int
    end: int
    head: int

    def is_pronoun(self, doc: Doc) -> bool:
        return doc[self.head].lower_ in PERSONAL_PRONOUNS or doc[self.head].lower_ in RELATIVE


def _subject_child(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in ("nsubj", "expl:subj") and not is_clitic_subject(c)
                 and c.i < tok.i), None)


def verb_group_start(doc: Doc, verb: int) -> int:
    """First token of "n'a de son côté pas dénoncé": auxiliaries, clitics, adverbs before the verb."""
    k = verb
    while k - 1 >= doc[verb].sent.start:
        prev = doc[k - 1]
        if is_aux(prev) or prev.pos_ == "ADV" or prev.lower_ in OBJECT_CLITICS or prev.lower_ in ("ne", "n'", "n’"):
            k -= 1
        elif k - 4 >= doc[verb].sent.start and doc[k - 3].pos_ == "ADP" and doc[k - 2].pos_ == "DET" \
                and prev.pos_ == "NOUN" and is_aux(doc[k - 4]):
            k -= 3  # "a de son côté dénoncé", "a pour sa part condamné"
        else:
            break
    return k


def preposed_subject(doc: Doc, verb: Token, lex: ReportingLexicon, partner: Token | None = None) -> SpeakerRef | None:
    """The subject before a reporting verb (syntactic nsubj, else the nearest noun phrase).
    `partner` is the other verb of a two-word cue ("fait remarquer"), which may hold the subject."""
    subj = _subject_child(verb) or (_subject_child(partner) if partner is not None else None)
    group = verb_group_start(doc, verb.i)
    if subj is None and verb.dep_ in ("conj", "xcomp") and verb.head.i < verb.i:
        subj = _subject_child(verb.head)  # "a condamné ... et estimé que": the first verb's subject
        group = verb_group_start(doc, verb.head.i)
    sent_start = verb.sent.start
    if subj is not None and (subj.i < sent_start or subj.i >= group or _object_position(doc, subj, sent_start)
                             or any(c.dep_ == "case" for c in subj.children)):
        subj = None  # "Dans une interview à la radio, X a dit": a phrase after a preposition is no subject
    if subj is None:
        group, sent_start = _before_dashes(doc, group, sent_start)
    head = subj.i if subj is not None else _nearest_left_head(doc, group, sent_start)
    if subj is None and head is not None:
        head = _modified_noun(doc, head, sent_start)
    if head is None or lex.is_impersonal(doc[head].text):
        return None
    if doc[head].lower_ in RELATIVE:
        return antecedent(doc, doc[head])
    if doc[head].lower_ in PERSONAL_PRONOUNS:
        return SpeakerRef(head, head + 1, head)
    start = np_left(doc, head, sent_start)
    return SpeakerRef(start, _cut_relative(doc, start, group), head)


DASHES = frozenset({"-", "–", "—"})
DASH_REACH = 60  # tokens back from a closing dash where its opening dash is looked for


def _before_dashes(doc: Doc, group: int, floor: int) -> tuple[int, int]:
    """"La ministre X - qui a longtemps ... - a prévenu que": a verb right after a closing dash has
    its subject before the opening one (the parser often ends a sentence at a dash). The opening
    dash as the verb group's start and its sentence's start as the floor; else unchanged."""
    if group < 1 or doc[group - 1].text not in DASHES:
        return group, floor
    k = group - 2
    while k >= max(0, group - DASH_REACH) and doc[k].text not in DASHES:
        if doc[k].text in STOP_PUNCT:
            return group, floor
        k -= 1
    if k < max(0, group - DASH_REACH) or k < 1:
        return group, floor
    return k, doc[k - 1].sent.start


def _modified_noun(doc: Doc, head: int, floor: int) -> int:
    """"Une femme tenant un drapeau rouge chante", "Une infirmière qui a voulu rester anonyme a
    indiqué": the noun next to the verb may sit inside a participle or relative clause that
    modifies the subject; the subject is the noun that clause modifies."""
    for anc in doc[head].ancestors:
        if anc.i < floor:
            break
        if anc.dep_ in ("acl", "acl:relcl") and floor <= anc.head.i < anc.i and anc.head.pos_ in ("NOUN", "PROPN"):
            return anc.head.i
    return head


def _object_position(doc: Doc, subj: Token, floor: int) -> bool:
    """A "subject" right after a verb is that verb's object ("n'ayant pas ratifié la convention")."""
    start = np_left(doc, subj.i, floor)
    return start > floor and doc[start - 1].pos_ in ("VERB", "AUX")


def _nearest_left_head(doc: Doc, group: int, floor: int) -> int | None:
    """The noun or pronoun heading the phrase left of the verb group, over comma-closed appositions."""
    k = group - 1
    while k >= floor:
        tok = doc[k]
        if tok.text == ",":
            k = _skip_apposition(doc, k, floor)
            continue
        if tok.pos_ in ("NOUN", "PROPN", "X") or (tok.pos_ == "PRON" and tok.lower_ in PERSONAL_PRONOUNS | RELATIVE):
            return tok.i
        if tok.pos_ == "ADJ":
            k -= 1
            continue
        return None
    return None


def _skip_apposition(doc: Doc, comma: int, floor: int) -> int:
    """From a comma closing an apposition, the index left of the apposition (or of the comma)."""
    k = comma - 1
    while k >= floor and doc[k].text != "," and not is_finite(doc[k]) and doc[k].text not in STOP_PUNCT:
        k -= 1
    if k >= floor and doc[k].text == ",":
        return k - 1
    return comma - 1


def _cut_relative(doc: Doc, start: int, end: int) -> int:
    for k in range(start, end):
        if doc[k].lower_ in RELATIVE and doc[k].pos_ == "PRON" or is_finite(doc[k]):
            return k
    return end


def antecedent(doc: Doc, rel: Token) -> SpeakerRef | None:
    """The noun phrase a relative pronoun stands for ("l'organisation islamique, qui affirme")."""
    head = None
    k = rel.i - 1
    while k >= rel.sent.start:
        if doc[k].pos_ in ("NOUN", "PROPN", "X"):
            head = k
            break
        if doc[k].text != "," and doc[k].pos_ not in ("ADP", "ADJ"):
            break
        k -= 1
    clause = rel.head
    if head is None and clause.dep_ == "acl:relcl" and clause.head.i < rel.i \
            and clause.head.pos_ in ("NOUN", "PROPN"):
        head = clause.head.i
    if head is None:
        return None
    ent = _entity_of(doc[head])
    if ent is not None:
        return SpeakerRef(ent[0], ent[1], head)
    start = head
    while start - 1 >= rel.sent.start and doc[start - 1].pos_ in ("DET", "ADJ", "NUM"):
        start -= 1
    end = min(np_right(doc, head, rel.i), rel.i)
    return SpeakerRef(start, end, head)


def _entity_of(tok: Token) -> tuple[int, int] | None:
    if tok.ent_type_ in ("PER", "ORG"):
        for ent in tok.sent.ents:
            if ent.start <= tok.i < ent.end:
                return ent.start, ent.end
    return None


def _apposition_follows(doc: Doc, comma: int, end: int, names_only: bool = False) -> bool:
    """After "Selon X," an apposition is a bare noun phrase ("juriste à Niamey"),
    or any noun phrase that runs to the end of the sentence ("ajoute Hassan, un autre manifestant.")."""
    if comma + 1 >= end or doc[comma + 1].pos_ not in NP_START:
        return False
    if names_only:
        return doc[comma + 1].pos_ == "PROPN"
    if doc[comma + 1].pos_ != "DET":
        return not _ends_in_verb(doc, comma + 1, end)
    rest = [t for t in doc[comma + 1:end] if not t.is_punct]
    return all(t.pos_ in NP_START or t.pos_ == "ADP" or t.dep_ == "flat:name" for t in rest)


def _ends_in_verb(doc: Doc, k: int, end: int) -> bool:
    """"Selon l'AFP, trois soldats ont été tués": the chunk after the comma is the clause's subject."""
    for j in range(k, end):
        if doc[j].text in (",", "«", ":") or doc[j].text in STOP_PUNCT:
            return False
        if is_finite(doc[j]) or is_aux(doc[j]) or doc[j].lower_ in OBJECT_CLITICS and doc[j].pos_ == "PRON":
            return True
    return False


def postposed_subject(doc: Doc, after: int, lex: ReportingLexicon) -> SpeakerRef | None:
    """The inverted subject after a verb: "-t-il", "le quotidien", "Hassan, un autre manifestant"."""
    k = after
    while k < len(doc) and doc[k].lower_ == "-t":
        k += 1
    if k < len(doc) and not is_clitic_subject(doc[k]):
        k = skip_addressee(doc, k)
    if k < len(doc) and is_clitic_subject(doc[k]):
        return None if lex.is_impersonal(doc[k].lower_.lstrip("-t").lstrip("-")) else SpeakerRef(k, k + 1, k)
    return phrase_after(doc, k, lex)


def phrase_after(doc: Doc, k: int, lex: ReportingLexicon, names_only: bool = False,
                 hearer: bool = True) -> SpeakerRef | None:
    """A speaker phrase starting at token k, up to a clause boundary (appositions kept; with
    names_only, only an apposed proper name: "comme le précise le ministre, Jean X :"; without
    hearer, "à X" after a name stays in the phrase: "selon notre correspondante à Dakar")."""
    if k >= len(doc) or doc[k].pos_ in ("VERB", "AUX") and not name_like(doc[k]):
        return None  # "Pour tester la fertilité, ..." names no one
    end = doc[k].sent.end
    j = k
    while j < end:
        tok = doc[j]
        if tok.text in STOP_PUNCT or tok.text in (":", "«", "»", "“", "”", '"') \
                or is_finite(tok) and not name_like(tok):
            break
        if tok.pos_ == "PRON" and tok.lower_ in RELATIVE or tok.pos_ == "SCONJ" or tok.lower_ in CLAUSE_WORDS:
            break
        if tok.text == "," and not _apposition_follows(doc, j, end, names_only):
            break
        if hearer and tok.lower_ in ("à", "au", "aux") and j > k and doc[j - 1].pos_ == "PROPN":
            break  # "a raconté Awa Konaté à la radio": the hearer is not part of the speaker
        j += 1
    head = next((m for m in range(k, j) if doc[m].pos_ in ("NOUN", "PROPN") or name_like(doc[m])
                 or doc[m].lower_ in PERSONAL_PRONOUNS | RELATIVE), None)
    if head is None or lex.is_impersonal(doc[head].text):
        return None
    if doc[head].lower_ in RELATIVE:
        return antecedent(doc, doc[head])
    return SpeakerRef(k, j, head)
