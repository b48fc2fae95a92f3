"""From a speaker phrase to an Actor: name and role, identity from the resolver, coreference.

The phrase is split into name and role by quotes_describe; "le quotidien" after "Le quotidien
français Le Figaro" -> the same speaker, named at its most complete mention (GUIDELINES §4). Country,
sector and organisation come from the knowledge resolver (DocActors) when it knows the phrase;
a quote is never dropped for lack of an identity: the phrase itself then names the speaker.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from veille.extract.quotes.agreement import agrees, gender_of, number_of
from veille.extract.quotes.clauses import ADDRESSEE_CASES, np_right
from veille.extract.quotes.describe import Described, describe, expand_acronym
from veille.extract.quotes.marks import QuotedSegment
from veille.extract.quotes.subjects import SpeakerRef, preposed_subject
from veille.extract.reporting import ReportingLexicon
from veille.model import Actor, EntityKind

if TYPE_CHECKING:
    from veille.knowledge.resolver import DocActors

DEFINITE = frozenset({"le", "la", "l'", "l’", "les", "ce", "cet", "cette", "ces"})
PLACE_LABELS = ("LOC", "GPE")
LOOKBACK_SENTENCES = 4
# "je", "nous" ... name whoever is talking: inside a quote, its speaker; never a name of their own
SPEAKING_PERSONS = frozenset({"je", "j'", "j’", "moi", "nous", "tu", "vous"})


@dataclass
class _Known:
    actor: Actor
    head: Token
    lemmas: frozenset[str]
    sentence: int
    named: bool = False  # met by its proper name, not a description or a pronoun


@dataclass(frozen=True, slots=True)
class _Said:
    """A quote attributed so far: its characters, the sentence it ends in, its speaker."""

    start: int
    end: int
    sentence: int
    actor: Actor


def _definite_before(doc: Doc, start: int) -> bool:
    k = start - 1
    while k >= 0 and doc[k].pos_ == "ADJ":
        k -= 1  # "la jeune chercheuse"
    return k >= 0 and doc[k].lower_ in ("le", "la", "l'", "l’")


def _sectors_fit(person: Actor, described: Actor) -> bool:
    """The trade of a description may be that person's: no sector known, or one shared."""
    known = set(person.sector) - {"CVL"}
    return not known or not described.sector or bool(known & set(described.sector))


@dataclass
class SpeakerBook:
    """Speakers met so far in one article, in text order: coreference for pronouns and repeated
    descriptions. One book per find_quotes call."""

    doc: Doc
    actors: "DocActors | None"
    lex: ReportingLexicon
    segments: list[QuotedSegment] = field(default_factory=list)
    known: list[_Known] = field(default_factory=list)
    said: list[_Said] = field(default_factory=list)  # quotes attributed so far
    sentence_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.sentence_starts = [s.start for s in self.doc.sents]

    def _sentence_index(self, tok: Token) -> int:
        return bisect_right(self.sentence_starts, tok.i) - 1

    def actor(self, ref: SpeakerRef | None) -> Actor | None:
        if ref is None:
            return None
        if self.doc[ref.head].lower_ in SPEAKING_PERSONS:
            return self._speaking_person(self.doc[ref.head])
        if ref.is_pronoun(self.doc):
            actor = self._pronoun(self.doc[ref.head])
            if actor is not None:
                self.remember(actor, self.doc[ref.head])
            return actor
        desc = describe(self.doc, ref, self.lex)
        if desc is None:
            return None
        earlier = self._earlier(desc)
        actor = earlier or self._build(ref, desc)
        actor = self._named_person(ref, desc, actor) \
            or (self._introduced_person(ref, desc, actor) if earlier is None else None) or actor
        self.remember(actor, self.doc[ref.head], desc.lemmas, named=desc.proper)
        return actor

    def heard(self, start: int, end: int, actor: Actor | None) -> None:
        """A quote [start, end) of doc.text and its speaker, for the "je" of a later cue."""
        if actor is not None and end > start:
            last = self.doc.char_span(start, end, alignment_mode="expand")
            sentence = self._sentence_index(last[-1]) if last is not None and len(last) else len(self.sentence_starts)
            self.said.append(_Said(start, end, sentence, actor))

    def _speaking_person(self, tok: Token) -> Actor | None:
        """"« Je ne viendrai pas », a-t-il dit, ajoutant que ...": the parser may give the quote's
        "Je" as the subject of a cue outside it; it is the quote's speaker who talks. Outside
        quotes, a "je" a few sentences after a quote is the interviewee answering on."""
        inside = next((said.actor for said in reversed(self.said) if said.start <= tok.idx < said.end), None)
        if inside is not None:
            return inside
        here = self._sentence_index(tok)
        return next((said.actor for said in reversed(self.said)
                     if said.end <= tok.idx and here - said.sentence <= LOOKBACK_SENTENCES), None)

    def remember(self, actor: Actor, head: Token, lemmas: frozenset[str] = frozenset(), named: bool = False) -> None:
        sent_index = self._sentence_index(head)
        self.known.append(_Known(actor, head, lemmas | {t.lower() for t in actor.name.split()}, sent_index, named))

    def _named_person(self, ref: SpeakerRef, desc: Described, actor: Actor) -> Actor | None:
        """"l'experte", "le chercheur" after a named expert spoke: a singular definite description
        of someone's trade, naming no one, is the person of that trade who spoke last."""
        head = self.doc[ref.head]
        if desc.proper or actor.kb_id or actor.kind is not EntityKind.PERSON or head.pos_ != "NOUN" \
                or "Plur" in head.morph.get("Number") or not _definite_before(self.doc, desc.name_start):
            return None
        gender = next(iter(head.morph.get("Gender")), None)
        here = self._sentence_index(head)
        for known in reversed(self.known):
            if here - known.sentence > LOOKBACK_SENTENCES:
                break
            if known.named and _is_person(known) and _sectors_fit(known.actor, actor) \
                    and (known.head.pos_ != "PROPN" or agrees(known.head, "Sing", gender)):
                return known.actor
        return None

    def _introduced_person(self, ref: SpeakerRef, desc: Described, actor: Actor) -> Actor | None:
        """"le sociologue" after "Le sociologue camerounais Jean X a publié ...": a singular definite
        description naming no one is the person the article introduced earlier with that noun,
        right before the name or in apposition after it, even if that person has not spoken yet."""
        head = self.doc[ref.head]
        if desc.proper or actor.kb_id or head.pos_ != "NOUN" or "Plur" in head.morph.get("Number") \
                or not _definite_before(self.doc, desc.name_start):
            return None
        # every word of the description is said of that person ("le directeur de la banque centrale"
        # is not "le directeur X" of a school)
        words = {t.lemma_.lower() for t in self.doc[desc.name_start:desc.name_end] if t.pos_ in ("NOUN", "ADJ", "PROPN")}
        people = [e for e in self.doc.ents if e.label_ == "PER" and e.end <= desc.name_start
                  and not any(s.contains(e[0].idx) for s in self.segments)]
        for ent in reversed(people):
            said = {t.lemma_.lower() for t in ent.sent} | {t.lower_ for t in ent.sent}
            if _introduces(self.doc, ent, head) and words <= said:
                return self._person_actor(ent)
        return None

    def _earlier(self, desc: Described) -> Actor | None:
        """"le rapport" after "Le rapport d'Amnesty International": the same, most complete speaker."""
        if desc.proper:
            return None
        first = self.doc[desc.name_start - 1] if desc.name_start > 0 else None
        if first is None or first.lower_ not in DEFINITE:
            return None
        for known in reversed(self.known):
            if desc.lemmas & known.lemmas and known.actor.name != desc.name:
                return known.actor
        return None

    def _build(self, ref: SpeakerRef, desc: Described) -> Actor:
        span = self.doc[desc.name_start:desc.name_end]
        found = self._resolve_span(span) or self._resolve_token(self.doc[ref.head])
        kind = EntityKind.PERSON if self.doc[desc.name_start].ent_type_ == "PER" else None
        if found is None:
            country = self._place_country(ref)
            return Actor(name=expand_acronym(self.doc, desc.name), country=country, role=desc.role, kind=kind,
                         confidence=0.3)
        name = expand_acronym(self.doc, desc.name) if desc.proper or not found.kb_id else found.name
        country = found.country or self._place_country(ref)
        return replace(found, name=name, role=desc.role or found.role, country=country, kind=found.kind or kind)

    def _pronoun(self, tok: Token) -> Actor | None:
        """"a-t-il souligné": a speaker of the last few sentences first (quotes run on from one
        speaker), then the nearest agreeing subject outside quotes, then the resolver's coreference."""
        number, gender = number_of(tok), gender_of(tok)
        asked = self._asked(tok, number, gender)
        if asked is not None:
            return asked
        here = self._sentence_index(tok)
        if not tok.lower_.startswith("-"):  # "Il a déclaré que": the previous sentence's subject first
            subject = self._previous_subject(tok, number, gender) or self._named_to_writer(tok, number, gender)
            if subject is not None:
                return subject
        recent = [known for known in reversed(self.known)
                  if here - known.sentence <= LOOKBACK_SENTENCES and known.head.i < tok.i
                  and _agrees_known(known, number, gender)]
        if number == "Sing":  # "ajoute-t-elle": a person who spoke is likelier than a country named since
            person = next((known for known in recent if _is_person(known)), None)
            if person is not None:
                return person.actor
        if recent:
            return recent[0].actor
        return self._nearest_subject(tok, number, gender) or self._resolve_token(tok) \
            or self._nearest_person(tok, number, gender)

    def _asked(self, tok: Token, number: str | None, gender: str | None) -> Actor | None:
        """"X lui a demandé s'il signerait ... « Sans doute », a-t-elle répondu": who answers is the one asked — the
        "à Y" of the question verb of this sentence or the one before, or the person its "lui"
        stands for, met before the question — never X, the asker."""
        if tok.head.lemma_.lower() not in self.lex.answer_verbs:
            return None
        first = self.doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
        question = next((t for t in reversed(self.doc[first:tok.i]) if t.pos_ == "VERB"
                         and t.lemma_.lower() in self.lex.question_verbs
                         and not any(s.contains(t.idx) for s in self.segments)), None)
        if question is None:
            return None
        hearer = next((c for c in question.children if c.pos_ in ("NOUN", "PROPN")
                       and any(g.dep_ == "case" and g.lower_ in ADDRESSEE_CASES for g in c.children)), None)
        if hearer is not None:
            start = min(k for k in range(hearer.left_edge.i, hearer.i + 1) if self.doc[k].pos_ != "ADP")
            return self.actor(SpeakerRef(start, np_right(self.doc, hearer.i, tok.sent.end), hearer.i))
        if not any(c.lower_ in ("lui", "leur") and c.i < question.i for c in question.children):
            return None
        before = question.sent.start
        here = self._sentence_index(tok)
        known = next((k for k in reversed(self.known) if k.head.i < before and _is_person(k)
                      and here - k.sentence <= LOOKBACK_SENTENCES and _agrees_known(k, number, gender)), None)
        return known.actor if known is not None else self._nearest_subject(self.doc[before], number, gender)

    def _previous_subject(self, tok: Token, number: str | None, gender: str | None) -> Actor | None:
        """The subject of the main verb of the sentence before, when it is a name that agrees:
        "Le président X a critiqué Y. Il a déclaré que ..." is X, not Y nor an earlier speaker."""
        start = tok.sent.start
        if start == 0 or any(t.pos_ in ("NOUN", "PROPN") for t in self.doc[start:tok.i]):
            return None
        prev = self.doc[start - 1].sent
        subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subj is None or subj.pos_ != "PROPN" and not any(t.ent_type_ == "PER" for t in subj.subtree) \
                or any(s.contains(subj.idx) for s in self.segments) or not agrees(subj, number, gender):
            return None
        known = next((k for k in reversed(self.known) if k.head.i == subj.i), None)
        if known is not None:
            return known.actor
        ref = preposed_subject(self.doc, prev.root, self.lex)
        desc = describe(self.doc, ref, self.lex) if ref is not None and ref.head == subj.i else None
        if desc is None or not desc.proper:
            return None
        actor = self._build(ref, desc)
        self.remember(actor, subj, desc.lemmas, named=True)
        return actor

    def _named_to_writer(self, tok: Token, number: str | None, gender: str | None) -> Actor | None:
        """"Nous avons interrogé le général X. Il a nié ...": when the sentence before tells what
        the writer did ("nous", "je"), a third person "il" is the person it names, not someone
        quoted earlier."""
        start = tok.sent.start
        if start == 0 or number != "Sing" or tok.dep_ not in ("nsubj", "nsubj:pass", "expl:subj") \
                or any(t.dep_.startswith("nsubj") for t in self.doc[start:tok.i]):
            return None
        prev = self.doc[start - 1].sent
        subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subj is None or subj.lower_ not in SPEAKING_PERSONS:
            return None
        people = [e for e in prev.ents if e.label_ == "PER" and agrees(e[-1], number, gender)
                  and not any(s.contains(e[-1].idx) for s in self.segments)]
        return self._person_actor(people[-1]) if people else None

    def _nearest_subject(self, tok: Token, number: str | None, gender: str | None) -> Actor | None:
        """The closest earlier subject noun phrase that agrees with the pronoun; for "il" or "elle",
        a named person subject of the last two sentences first ("X, directeur de ..., affirme que
        l'enlèvement a ... « ... », dit-il": X, not "l'enlèvement")."""
        candidates = [self.doc[k] for k in range(tok.i - 1, max(-1, tok.i - 400), -1)]
        candidates = [c for c in candidates if _subject_like(c) and agrees(c, number, gender)
                      and not any(s.contains(c.idx) for s in self.segments)]
        here = self._sentence_index(tok)
        if number == "Sing":
            people = [c for c in candidates if c.ent_type_ == "PER" and here - self._sentence_index(c) <= 2]
            candidates = people + candidates
        for cand in candidates:
            actor = self._subject_actor(cand)
            if actor is not None:
                return actor
        return None

    def _nearest_person(self, tok: Token, number: str | None, gender: str | None) -> Actor | None:
        """"C'est dans une lettre que la juge X a pris position. Elle y écrit ...": when the
        parser gives no subject to stand for "il", a person named in the last two sentences."""
        if number != "Sing":
            return None
        here = self._sentence_index(tok)
        for ent in reversed([e for e in self.doc.ents if e.label_ == "PER" and e.end <= tok.i]):
            if here - self._sentence_index(ent[0]) > 2:
                break
            last = ent[-1]
            if any(s.contains(last.idx) for s in self.segments) or not agrees(last, number, gender):
                continue
            actor = self._person_actor(ent)
            if actor is not None:
                return actor
        return None

    def _person_actor(self, ent) -> Actor | None:
        """The speaker a person's name (an entity span) makes, remembered for later pronouns."""
        ref = SpeakerRef(ent.start, ent.end, ent.end - 1)
        desc = describe(self.doc, ref, self.lex)
        if desc is None or not desc.proper:
            return None
        actor = self._build(ref, desc)
        self.remember(actor, self.doc[ent.end - 1], desc.lemmas, named=True)
        return actor

    def _subject_actor(self, cand: Token) -> Actor | None:
        ref = preposed_subject(self.doc, cand.head, self.lex) if cand.head.i > cand.i else None
        if ref is None or not (ref.start <= cand.i < max(ref.end, cand.i + 1)):
            ref = SpeakerRef(cand.left_edge.i if cand.left_edge.i >= cand.sent.start else cand.i, cand.i + 1, cand.i)
        desc = describe(self.doc, ref, self.lex)
        if desc is None:
            return None
        actor = self._earlier(desc) or self._build(ref, desc)
        self.remember(actor, cand, desc.lemmas, named=desc.proper)
        return actor

    def _resolve_span(self, span) -> Actor | None:
        return self.actors.actor_for_span(span) if self.actors is not None else None

    def _resolve_token(self, tok: Token) -> Actor | None:
        return self.actors.actor_for_token(tok) if self.actors is not None else None

    def _place_country(self, ref: SpeakerRef) -> str | None:
        """The country of a place named inside the phrase ("juriste à Niamey")."""
        for k in range(ref.start, ref.end):
            tok = self.doc[k]
            if tok.ent_type_ in PLACE_LABELS or tok.pos_ == "PROPN":
                found = self._resolve_token(tok)
                if found is not None and found.country:
                    return found.country
        return None


def _introduces(doc: Doc, ent, head: Token, reach: int = 6) -> bool:
    """The noun `head` heads the words just before a person's name ("le sociologue camerounais
    Jean X", "la juriste et militante Awa X") or opens the apposition after it ("Jean X,
    sociologue à Douala"); the tagger's lemma or the word itself (it mistakes such nouns for
    adjectives)."""
    def same(tok: Token) -> bool:
        return tok.lemma_.lower() == head.lemma_.lower() or tok.lower_ == head.lower_

    k = ent.start - 1
    while k >= max(ent.sent.start, ent.start - reach) and doc[k].pos_ in ("ADJ", "NOUN", "CCONJ"):
        if doc[k].pos_ == "NOUN" and same(doc[k]):
            return True
        k -= 1
    k = ent.end + 1
    if ent.end < ent.sent.end - 1 and doc[ent.end].text == ",":
        while k < ent.sent.end and doc[k].pos_ == "DET":
            k += 1
        return k < ent.sent.end and doc[k].pos_ in ("NOUN", "ADJ") and same(doc[k])
    return False


def _subject_like(tok: Token) -> bool:
    """A subject, or a name opening its sentence (the parser sometimes makes it the root)."""
    if tok.pos_ not in ("NOUN", "PROPN", "X"):
        return False
    if tok.dep_ in ("nsubj", "nsubj:pass"):
        return True
    first = tok.sent.start
    while first < tok.i and tok.doc[first].pos_ == "DET":
        first += 1
    return tok.pos_ == "PROPN" and first == tok.i and tok.dep_ == "ROOT"


def _is_person(known: _Known) -> bool:
    return known.actor.kind is EntityKind.PERSON or known.head.ent_type_ == "PER"


def _agrees_known(known: _Known, number: str | None, gender: str | None) -> bool:
    """A named person's gender is not that of the role noun heading the phrase ("le professeur
    Anne Diallo ... ajoute-t-elle"): only the number and a title ("Mme") decide."""
    if not (_is_person(known) and known.head.pos_ == "NOUN"):
        return agrees(known.head, number, gender)
    c_number = known.head.morph.get("Number")
    return not (number and c_number and number not in c_number)
