"""In-article coreference: pronouns, anaphoric descriptions, role nouns and short names.

    "il", "elle", "ce dernier"          -> the closest earlier actor that agrees in number and gender
    "l'ONG", "l'organisation"           -> the last NGO / organisation mentioned (roles.yaml `anaphor`)
    "le candidat des Frères musulmans"  -> the person named earlier with that role ("Mohamed Morsi,
                                           candidat des Frères musulmans"): same role, compatible
                                           complement and country, agreeing gender
    "le documentaire", "les rebelles"   -> the same description given earlier with its author or
                                           country ("le documentaire d'Al Jazeera", "les rebelles syriens")
    "le Conseil"                        -> the organisation named earlier whose name starts with that
                                           word ("le Conseil national syrien")
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from veille.knowledge.normalize import fold, key, words
from veille.knowledge.phrases import RoleMatch
from veille.knowledge.views import Descriptions
from veille.model import Actor, EntityKind


PRONOUNS = frozenset(words("il elle ils elles lui eux celui-ci celle-ci ceux-ci celles-ci celui-là celle-là "
                           "ceux-là dernier dernière derniers dernières"))
DEMONSTRATIVES = frozenset({("celui",), ("celle",), ("ceux",), ("celles",)})
RELATIVES = frozenset(words("qui que lequel laquelle lesquels lesquelles"))
IMPERSONAL_VERBS = frozenset(words("falloir agir pleuvoir exister sembler paraître"))
DEFINITE = frozenset({"le", "la", "l", "les", "ce", "cet", "cette", "ces"})
CONTRACTED = frozenset({"du", "des", "au", "aux"})  # de/à + the definite article
MAX_PRONOUN_DISTANCE = 120
OPENING_QUOTES = frozenset({"«", "“"})
CLOSING_QUOTES = frozenset({"»", "”"})
MAX_DESCRIPTION_DISTANCE = 150  # tokens (about five sentences) for a repeated description


@dataclass(frozen=True, slots=True)
class RoleRecord:
    """A person given a role in the text ("Julian Assange" as "fondateur de WikiLeaks")."""

    i: int
    role_id: str
    org: str | None
    country: str | None
    gender: str | None  # "Masc" | "Fem" | None
    actor: Actor


class Coreference:
    def __init__(self, describer: Descriptions):
        self.d, self.a, self.kb, self.doc = describer, describer.a, describer.kb, describer.doc
        self._people: list[RoleRecord] = []
        self._descriptions: list[tuple[int, str, Actor]] = []  # (token, role id, actor with a stated country)

    # ------------------------------------------------------------------ pronouns

    def pronoun(self, tok: Token) -> Actor | None:
        w = fold(tok.text).replace("’", "'")
        if w in RELATIVES:
            head = tok.head
            if head.dep_.startswith("acl") and head.head.i != tok.i:
                return self.a.actor_for_token(head.head)
            return None
        ws = words(w)
        if not ws or ws[-1] not in PRONOUNS and not ce_dernier(tok):
            return None
        if tok.dep_.startswith("expl") or fold(tok.head.lemma_) in IMPERSONAL_VERBS or self._il_y_a(tok):
            return None
        if self._defined_by_clause(tok):
            return None
        number, gender = tok.morph.get("Number"), tok.morph.get("Gender")
        opening = quote_opening(tok)
        for j, actor in self.a.mentions_before(tok.i):
            if tok.i - j > MAX_PRONOUN_DISTANCE:
                break
            ant = self.doc[j]
            if ant.pos_ == "PRON" and words(ant.text) == words(tok.text) and ant.sent.start == tok.sent.start:
                return actor  # "ils sont venus ..., ils ont cassé la porte": the same pronoun, the same referent
            if ant.pos_ == "PRON" or actor.kind == EntityKind.PLACE or speaks_the_quote(ant, opening):
                continue
            if self._agrees(ant, actor, number, gender):
                return replace(actor, confidence=round(actor.confidence * 0.8, 2))
        return None

    def _il_y_a(self, tok: Token) -> bool:
        """"il y a", "il n'y a pas": an impersonal "il"."""
        for j in range(tok.i + 1, min(len(self.doc), tok.i + 3)):
            w = words(self.doc[j].text)
            if w == ("y",):
                return True
            if w not in (("n",), ("ne",)):
                return False
        return False

    def _defined_by_clause(self, tok: Token) -> bool:
        """"ceux qui sont impliqués", "celles d'hier": a demonstrative defined by what follows, not an anaphor."""
        if words(tok.text) not in DEMONSTRATIVES or tok.i + 1 >= len(self.doc):
            return False
        return words(self.doc[tok.i + 1].text)[:1] in (("qui",), ("que",), ("qu",), ("dont",), ("de",), ("d",))

    def _agrees(self, ant: Token, actor: Actor, number: list[str], gender: list[str]) -> bool:
        a_num = ant.morph.get("Number")
        if actor.kind == EntityKind.PERSON:
            a_num = ["Sing"]
            known = self.person_gender(actor)
            a_gen = [known] if known else ant.morph.get("Gender")
        else:
            a_gen = ant.morph.get("Gender")
        if number and a_num and number != a_num:
            return False
        if gender and a_gen and gender != a_gen:
            return False
        return True

    def person_gender(self, actor: Actor) -> str | None:
        """"Masc" / "Fem" for a KB person with a known gender, else None."""
        p = self.kb.people.get((actor.kb_id or "")[7:]) if (actor.kb_id or "").startswith("person:") else None
        if p is None or p.gender not in ("m", "f"):
            return None
        return "Fem" if p.gender == "f" else "Masc"

    def anaphor(self, i: int, kind: str) -> Actor | None:
        """"l'ONG", "l'organisation": the last NGO / organisation mentioned before token i."""
        for _, actor in self.a.mentions_before(i):
            if kind == "NGO" and actor.country == "NGO":
                return actor
            if kind == "org" and actor.kind == EntityKind.ORGANISATION:
                return actor
        return None

    # ------------------------------------------------------------------ role nouns

    def note_person(self, role_tok: Token, rm: RoleMatch, comp: Actor | None, person: Actor) -> None:
        """Remember that `person` was given the role of `rm` ("le fondateur de WikiLeaks Julian Assange")."""
        if person.kind != EntityKind.PERSON:
            return
        gender = self.person_gender(person) or next(iter(role_tok.morph.get("Gender")), None)
        self._people.append(RoleRecord(role_tok.i, _role_key(rm, comp), comp.org if comp else None,
                                       comp.country if comp else None, gender, person))

    def person_for_role(self, tok: Token, rm: RoleMatch, comp: Actor | None, country: str | None) -> Actor | None:
        """"le candidat", "le fondateur de WikiLeaks": the person named earlier with this role.

        Only singular definite descriptions; the complement (org or country) and an explicit country
        must agree with the record, and so must the gender ("la candidate" is not a man)."""
        if rm.former or not _definite_singular(tok):
            return None
        gender = next(iter(tok.morph.get("Gender")), None)
        role_key = _role_key(rm, comp)
        for rec in reversed(self._people):
            if rec.i >= tok.i or rec.role_id != role_key:
                continue
            if comp is not None and not _same_body(comp, rec):
                continue
            if country and country != rec.actor.country:
                continue
            if gender and rec.gender and gender != rec.gender:
                continue
            return replace(rec.actor, confidence=min(rec.actor.confidence, 0.75))
        return None

    # ------------------------------------------------------------------ repeated descriptions

    def note_description(self, tok: Token, rm: RoleMatch, actor: Actor) -> None:
        """A description whose country (or author) the phrase states, for later bare repetitions."""
        self._descriptions.append((tok.i, rm.role.id, actor))

    def repeated(self, tok: Token, rm: RoleMatch, max_distance: int | None = MAX_DESCRIPTION_DISTANCE) -> Actor | None:
        """"le documentaire" after "le documentaire d'Al Jazeera": the same description told before."""
        lemma = fold(tok.lemma_)
        for i, role_id, actor in reversed(self._descriptions):
            if i >= tok.i or role_id != rm.role.id:
                continue
            if max_distance is not None and tok.i - i > max_distance:
                return None
            if fold(self.doc[i].lemma_) == lemma:
                return replace(actor, confidence=min(actor.confidence, 0.7))
        return None

    # ------------------------------------------------------------------ short names

    def short_name(self, tok: Token) -> Actor | None:
        """"le Conseil" after "le Conseil national syrien": a capitalised head noun that begins the name of
        an organisation named earlier (the most recent one)."""
        if not tok.text[:1].isupper() or tok.pos_ not in ("NOUN", "PROPN") or self.a.match_at(tok.i):
            return None
        if not _definite(tok):
            return None
        if tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].text[:1].isupper():
            return None  # "le Conseil Européen": a longer name of its own
        word = key(tok.text)
        for _, actor in self.a.mentions_before(tok.i):
            org = self.kb.orgs.get((actor.kb_id or "")[4:]) if (actor.kb_id or "").startswith("org:") else None
            if org is None:
                continue
            firsts = {words(n)[0] for n in (org.name, *org.aliases) if len(words(n)) > 1}
            if word in firsts:
                return replace(actor, confidence=min(actor.confidence, 0.7))
        return None


def speaks_the_quote(ant: Token, opening: Token | None) -> bool:
    """ "Des témoins ont déclaré : « Ils ont brûlé le marché »": a third-person pronoun inside a quote
    (opened by ``opening``) does not stand for the one who speaks it (the subject of the clause that
    opens the quote)."""
    if opening is None or ant.i >= opening.i:
        return False
    subj = ant
    while subj.dep_ in ("appos", "flat:name", "conj") and subj.head.i < subj.i:
        subj = subj.head
    verb = subj.head
    return subj.dep_ in ("nsubj", "nsubj:pass") and verb.i < opening.i and verb.sent.start == opening.sent.start


def quote_opening(tok: Token, window: int = MAX_PRONOUN_DISTANCE) -> Token | None:
    """The opening guillemet or curly quote of the quotation ``tok`` stands in, if any."""
    doc = tok.doc
    for t in reversed(doc[max(0, tok.i - window):tok.i]):
        if t.text in CLOSING_QUOTES or "\n" in t.text:
            return None
        if t.text in OPENING_QUOTES:
            return t
    return None


def ce_dernier(tok: Token) -> bool:
    """"ce dernier", "ces derniers": a demonstrative anaphor, resolved like a pronoun."""
    return fold(tok.lemma_) == "dernier" and any(
        c.dep_ == "det" and "Dem" in c.morph.get("PronType") for c in tok.children)


def _definite(tok: Token) -> bool:
    """"le Conseil", "ce dernier", "du Conseil" (de + le)."""
    return any(c.dep_ == "det" and key(c.text) in DEFINITE or c.dep_ == "case" and key(c.text) in CONTRACTED
               for c in tok.children)


def _definite_singular(tok: Token) -> bool:
    return "Plur" not in tok.morph.get("Number") and _definite(tok)


def _role_key(rm: RoleMatch, comp: Actor | None) -> str:
    """The role a record is filed under: heading a body ("président du MSA", "chef du MSA") is one role."""
    heads = rm.role.id == "leader" or rm.role.office is not None
    if heads and comp is not None and comp.kind not in (EntityKind.COUNTRY, EntityKind.PLACE):
        return "leader"
    return rm.role.id


def _same_body(comp: Actor, rec: RoleRecord) -> bool:
    if comp.org:
        return comp.org in (rec.org, rec.actor.org)
    return comp.country is not None and comp.country in (rec.country, rec.actor.country)
