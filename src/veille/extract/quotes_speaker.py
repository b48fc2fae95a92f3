"""From a speaker phrase to an Actor: name and role, identity from the resolver, coreference.

"Fatoumata Coulibaly, enseignante-chercheuse à Bamako" -> name "Fatoumata Coulibaly", role
"enseignante-chercheuse à Bamako"; "un communiqué de la police londonienne" -> name "police
londonienne" (the author of the document); "le quotidien" after "Le quotidien français Le
Figaro" -> the same speaker, named at its most complete mention (GUIDELINES §4). Country,
sector and organisation come from the knowledge resolver (DocActors) when it knows the phrase;
a quote is never dropped for lack of an identity: the phrase itself then names the speaker.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from veille.extract.quotes_clauses import NP_LINKS, entities_in, name_like
from veille.extract.quotes_marks import QuotedSegment
from veille.extract.quotes_subjects import PERSONAL_PRONOUNS, RELATIVE, SpeakerRef, preposed_subject
from veille.extract.reporting import ReportingLexicon
from veille.model import Actor, EntityKind

if TYPE_CHECKING:
    from veille.knowledge.resolver import DocActors

DEFINITE = frozenset({"le", "la", "l'", "l’", "les", "ce", "cet", "cette", "ces"})
PLACE_LABELS = ("LOC", "GPE")
LOOKBACK_SENTENCES = 4


@dataclass(frozen=True, slots=True)
class Described:
    """A speaker phrase split into its name and role."""

    name: str
    role: str | None
    name_start: int  # token range of the name
    name_end: int
    proper: bool  # the name is a proper noun (a person or organisation named as such)
    lemmas: frozenset[str]  # head nouns of the phrase, to recognise a later "le documentaire"


def _parts(doc: Doc, ref: SpeakerRef) -> list[tuple[int, int]]:
    """Comma-separated parts of the phrase, leading adverbs dropped ("aujourd'hui professeur")."""
    parts, a = [], ref.start
    for k in range(ref.start, ref.end + 1):
        if k == ref.end or doc[k].text == ",":
            while a < k and doc[a].pos_ == "ADV":
                a += 1
            if a < k and (doc[a].pos_ not in ("VERB", "AUX", "SCONJ", "PUNCT") or name_like(doc[a])) \
                    and not (doc[a].pos_ == "PRON" and doc[a].lower_ in PERSONAL_PRONOUNS | RELATIVE):
                parts.append((a, k))
            a = k + 1
    return parts


def _strip_det(doc: Doc, a: int, b: int, lex: ReportingLexicon) -> int:
    """Drop articles, partitives and titles: "les", "d'autres", "Mme" — not the "De" of "De Santis"."""
    while a < b and (doc[a].pos_ == "DET" and doc[a].lower_ != "de" or doc[a].lower_.rstrip(".") + "." in lex.name_titles
                     or doc[a].lower_ in lex.name_titles
                     or doc[a].lower_ in ("d'", "d’", "de", "des", "du")
                     and not (a + 1 < b and doc[a + 1].pos_ == "PROPN" and doc[a].text[0].isupper())):
        a += 1
    return a


def _entity_in(doc: Doc, a: int, b: int, labels: tuple[str, ...]) -> tuple[int, int] | None:
    """A named entity heading the part (not one inside a "de X" complement), its end mended
    when the tagger cut a name ("Rami Abd al-" + "Rahman")."""
    for ent_start, ent_end in entities_in(doc, a, b, labels):
        k = ent_start - 1
        while k >= a and doc[k].pos_ == "DET":
            k -= 1
        if k >= a and (doc[k].pos_ == "ADP" or doc[k].lower_ in NP_LINKS):
            continue
        end = ent_end
        while end < b and not doc[end].is_punct and (doc[end].pos_ == "PROPN" and doc[end].ent_type_ == ""
                                                     or not doc[end - 1].whitespace_):
            end += 1
        return ent_start, end
    return None


def _all_proper(doc: Doc, a: int, b: int) -> bool:
    """An apposed name ("Timor Goksel", whatever the tagger's label): proper nouns only."""
    return b - a >= 2 and all(doc[k].pos_ == "PROPN" or doc[k].dep_ == "flat:name" for k in range(a, b))


def expand_acronym(doc: Doc, name: str) -> str:
    """"HRW" -> "Human Rights Watch" when the article spells the name out somewhere."""
    if not (2 <= len(name) <= 6 and name.isalpha() and name.isupper()):
        return name
    for ent in doc.ents:
        capitals = "".join(w[0] for w in ent.text.replace("-", " ").split() if w[0].isupper())
        if capitals == name and len(ent) > 1:
            return ent.text
    return name


def _text(doc: Doc, a: int, b: int) -> str:
    return doc[a:b].text.strip(" ,") if a < b else ""


def describe(doc: Doc, ref: SpeakerRef, lex: ReportingLexicon) -> Described | None:
    parts = _parts(doc, ref)
    if not parts:
        return None
    named = next((p for p in parts if _entity_in(doc, *p, ("PER",))), None) \
        or next((p for p in parts if _all_proper(doc, *p)), None) \
        or next((p for p in parts if _entity_in(doc, *p, ("ORG", "MISC"))), None)
    main = named or parts[0]
    others = [_text(doc, *p) for p in parts if p != main and doc[p[0]].pos_ != "ADP"]
    lemmas = frozenset(doc[a:b].root.lemma_.lower() for a, b in parts if b > a)
    ent = _entity_in(doc, *main, ("PER",)) or (main if _all_proper(doc, *main) else None) \
        or _entity_in(doc, *main, ("ORG", "MISC"))
    if ent is not None:
        name_a = _strip_det(doc, ent[0], ent[1], lex) if doc[ent[0]].lower_.rstrip(".") in _titles(lex) \
            else ent[0]
        rest_a = _strip_det(doc, main[0], main[1], lex)
        inner_role = _role_around(doc, rest_a, main[1], ent, lex)
        role = ", ".join(r for r in [inner_role, *others] if r) or None
        return Described(_text(doc, name_a, ent[1]), role, name_a, ent[1], True, lemmas)
    a = _strip_det(doc, *main, lex)
    if a >= main[1]:
        return None
    author = _document_author(doc, a, main[1], lex)
    if author is not None:
        role = ", ".join(r for r in [_text(doc, a, main[1]), *others] if r)
        return Described(_text(doc, *author), role, author[0], author[1], _has_propn(doc, *author), lemmas)
    role = ", ".join(others) or None
    return Described(_text(doc, a, main[1]), role, a, main[1], _has_propn(doc, a, main[1]), lemmas)


def _titles(lex: ReportingLexicon) -> set[str]:
    return {t.rstrip(".") for t in lex.name_titles}


def _role_around(doc: Doc, a: int, b: int, ent: tuple[int, int], lex: ReportingLexicon) -> str:
    """What the named part says besides the name: "président afghan" in "Le président afghan X"."""
    before = _text(doc, a, ent[0]) if ent[0] > a else ""
    after_a = ent[1]
    while after_a < b and (doc[after_a].lower_ in NP_LINKS or doc[after_a].pos_ == "DET"):
        after_a += 1
    after = _text(doc, after_a, b)
    return " ".join(x for x in (before, after) if x)


def _document_author(doc: Doc, a: int, b: int, lex: ReportingLexicon) -> tuple[int, int] | None:
    """"communiqué de la police londonienne" -> the police: a document noun and its "de" complement."""
    noun = lex.source_noun(doc[a].lemma_) if doc[a].pos_ == "NOUN" else None
    if noun is None or not noun.document:
        return None
    k = a + 1
    while k < b and doc[k].pos_ == "ADJ":
        k += 1
    if k >= b or doc[k].lower_ not in ("de", "du", "des", "d'", "d’"):
        return None
    start = _strip_det(doc, k, b, lex)
    return (start, b) if start < b else None


def _has_propn(doc: Doc, a: int, b: int) -> bool:
    """A name that starts with a proper noun ("HRW", "Hassan"), not a description naming a place."""
    return a < b and doc[a].pos_ == "PROPN"


@dataclass
class _Known:
    actor: Actor
    head: Token
    lemmas: frozenset[str]
    sentence: int


@dataclass
class SpeakerBook:
    """Speakers met so far in one article, in text order: coreference for pronouns and repeated
    descriptions. One book per find_quotes call."""

    doc: Doc
    actors: "DocActors | None"
    lex: ReportingLexicon
    segments: list[QuotedSegment] = field(default_factory=list)
    known: list[_Known] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.sentence_starts = [s.start for s in self.doc.sents]

    def _sentence_index(self, tok: Token) -> int:
        return bisect_right(self.sentence_starts, tok.i) - 1

    def actor(self, ref: SpeakerRef | None) -> Actor | None:
        if ref is None:
            return None
        if ref.is_pronoun(self.doc):
            actor = self._pronoun(self.doc[ref.head])
            if actor is not None:
                self.remember(actor, self.doc[ref.head])
            return actor
        desc = describe(self.doc, ref, self.lex)
        if desc is None:
            return None
        actor = self._earlier(desc) or self._build(ref, desc)
        self.remember(actor, self.doc[ref.head], desc.lemmas)
        return actor

    def remember(self, actor: Actor, head: Token, lemmas: frozenset[str] = frozenset()) -> None:
        sent_index = self._sentence_index(head)
        self.known.append(_Known(actor, head, lemmas | {t.lower() for t in actor.name.split()}, sent_index))

    def _earlier(self, desc: Described) -> Actor | None:
        """"le documentaire" after "Le documentaire d'Al Jazeera": the same, most complete speaker."""
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
        number, gender = _number(tok), _gender(tok)
        here = self._sentence_index(tok)
        recent = [known for known in reversed(self.known)
                  if here - known.sentence <= LOOKBACK_SENTENCES and known.head.i < tok.i
                  and _agrees_known(known, number, gender)]
        if number == "Sing":  # "ajoute-t-elle": a person who spoke is likelier than a country named since
            person = next((known for known in recent if _is_person(known)), None)
            if person is not None:
                return person.actor
        if recent:
            return recent[0].actor
        return self._nearest_subject(tok, number, gender) or self._resolve_token(tok)

    def _nearest_subject(self, tok: Token, number: str | None, gender: str | None) -> Actor | None:
        """The closest earlier subject noun phrase that agrees with the pronoun."""
        for k in range(tok.i - 1, max(-1, tok.i - 400), -1):
            cand = self.doc[k]
            if _subject_like(cand) and _agrees(cand, number, gender) \
                    and not any(s.contains(cand.idx) for s in self.segments):
                ref = preposed_subject(self.doc, cand.head, self.lex) if cand.head.i > cand.i else None
                if ref is None or not (ref.start <= cand.i < max(ref.end, cand.i + 1)):
                    ref = SpeakerRef(cand.left_edge.i if cand.left_edge.i >= cand.sent.start else cand.i,
                                     cand.i + 1, cand.i)
                desc = describe(self.doc, ref, self.lex)
                if desc is not None:
                    actor = self._earlier(desc) or self._build(ref, desc)
                    self.remember(actor, cand, desc.lemmas)
                    return actor
        return None

    def _resolve_span(self, span) -> Actor | None:
        return self.actors.actor_for_span(span) if self.actors is not None else None

    def _resolve_token(self, tok: Token) -> Actor | None:
        return self.actors.actor_for_token(tok) if self.actors is not None else None

    def _place_country(self, ref: SpeakerRef) -> str | None:
        """The country of a place named inside the phrase ("enseignante-chercheuse à Bamako")."""
        for k in range(ref.start, ref.end):
            tok = self.doc[k]
            if tok.ent_type_ in PLACE_LABELS or tok.pos_ == "PROPN":
                found = self._resolve_token(tok)
                if found is not None and found.country:
                    return found.country
        return None


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




def _number(tok: Token) -> str | None:
    if tok.lower_.lstrip("-t").lstrip("-") in ("ils", "elles", "eux"):
        return "Plur"
    if tok.lower_.lstrip("-t").lstrip("-") in ("il", "elle", "lui"):
        return "Sing"
    values = tok.morph.get("Number")
    return values[0] if values else None


def _gender(tok: Token) -> str | None:
    bare = tok.lower_.lstrip("-t").lstrip("-")
    if bare in ("elle", "elles"):
        return "Fem"
    if bare in ("il", "ils", "eux"):
        return "Masc"
    return None


def _is_person(known: _Known) -> bool:
    return known.actor.kind is EntityKind.PERSON or known.head.ent_type_ == "PER"


def _agrees_known(known: _Known, number: str | None, gender: str | None) -> bool:
    """A named person's gender is not that of the role noun heading the phrase ("le professeur
    Anne Diallo ... ajoute-t-elle"): only the number and a title ("Mme") decide."""
    if not (_is_person(known) and known.head.pos_ == "NOUN"):
        return _agrees(known.head, number, gender)
    c_number = known.head.morph.get("Number")
    return not (number and c_number and number not in c_number)


MASCULINE_TITLES = frozenset({"m.", "m", "monsieur"})
FEMININE_TITLES = frozenset({"mme", "mme.", "madame", "mlle", "mademoiselle"})


def _title_gender(cand: Token) -> str | None:
    """The gender a title gives a name: "M. Diallo" is Masc, "Mme Diallo" Fem."""
    k = cand.i - 1
    while k >= cand.sent.start and cand.doc[k].pos_ == "PROPN" and cand.i - k < 4 \
            and cand.doc[k].lower_ not in MASCULINE_TITLES | FEMININE_TITLES:
        k -= 1
    word = cand.doc[k].lower_ if k >= cand.sent.start else ""
    return "Masc" if word in MASCULINE_TITLES else "Fem" if word in FEMININE_TITLES else None


def _agrees(cand: Token, number: str | None, gender: str | None) -> bool:
    c_number = cand.morph.get("Number")
    c_gender = cand.morph.get("Gender")
    if number and c_number and number not in c_number:
        return False
    if cand.pos_ == "PROPN":
        titled = _title_gender(cand)
        return not (gender and titled and gender != titled)
    return not (gender and c_gender and gender not in c_gender)
