"""Actors of phrases that are not KB names: role descriptions, demonym nouns, unknown people, pronouns."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from veille.knowledge.normalize import fold, key, role_words, words
from veille.knowledge.phrases import RoleMatch, case_words, demonym_countries, is_place_use, role_for
from veille.knowledge.records import Country, Organisation, Person, RoleTerm
from veille.model import NON_STATE_CODES, Actor, EntityKind

if TYPE_CHECKING:
    from veille.knowledge.resolver import DocActors

PRONOUNS = frozenset(words("il elle ils elles lui eux celui-ci celle-ci ceux-ci celles-ci celui-là celle-là "
                           "ceux-là dernier dernière derniers dernières"))
DEMONSTRATIVES = frozenset({("celui",), ("celle",), ("ceux",), ("celles",)})
RELATIVES = frozenset(words("qui que lequel laquelle lesquels lesquelles"))
IMPERSONAL_VERBS = frozenset(words("falloir agir pleuvoir exister sembler paraître"))
DE = frozenset({"de", "du", "des", "d"})
LOC = frozenset({"a", "au", "aux", "en", "dans"})
COMPLEMENT_DEPS = ("nmod", "obl", "obl:arg", "obl:mod", "appos", "flat:name", "amod", "nmod:poss")
MAX_PRONOUN_DISTANCE = 120


class Describer:
    def __init__(self, actors: "DocActors"):
        self.a, self.kb, self.doc = actors, actors.kb, actors.doc
        self.dominant = actors.context_countries[0] if actors.context_countries else None
        self._apposition_span: tuple[int, int] | None = None

    def describe(self, tok: Token) -> tuple[Actor | None, tuple[int, int]]:
        span = (tok.i, tok.i + 1)
        if tok.pos_ == "PRON" or self._ce_dernier(tok):
            return self._pronoun(tok), span
        part = self._partitive(tok)
        if part is not None:
            return part, span
        rm = role_for(tok, self.kb) if nominal(tok) else None
        if rm is not None:
            return self._role_actor(tok, rm), self._phrase_span(tok, rm.start, rm.end)
        if tok.ent_type_ == "PER" and tok.pos_ == "PROPN":
            return self._unknown_person(tok)
        if tok.pos_ in ("NOUN", "PROPN") and tok.text[:1].isupper() and self.kb.demonym(tok.text):
            code = demonym_countries(tok, self.kb)[0]
            return Actor(name=tok.text, country=code, sector=("CVL",), confidence=0.4,
                         kind=EntityKind.GROUP), span
        return None, span

    # ------------------------------------------------------------------ role descriptions

    def _role_actor(self, tok: Token, rm: RoleMatch) -> Actor | None:
        role = rm.role
        named = self._apposed_person(tok, rm)
        if named is not None:
            return named
        comp = self._complement(tok, rm)
        country, org, conf = self._role_country(tok, rm, comp)
        name = self._phrase_text(tok, rm)
        if role.anaphor:
            explicit = self._demonyms(tok, rm) or ([comp.country] if comp is not None else [])
            prev = self._anaphor(tok.i, role.anaphor)
            if prev is not None and (not explicit or prev.country in explicit):
                return replace(prev, confidence=min(prev.confidence, 0.7))
            if not role.sectors and comp is None:
                return None
        if role.inherit and comp is not None:
            if not rm.former and role.kind == EntityKind.PERSON:
                resolved = self._by_time(role, country, org, comp)  # "le chef du CNSP" -> its leader
                if resolved is not None:
                    return replace(resolved, role=name)
            return self._inherited(role, rm, comp, name, country)
        if rm.former:
            sectors = ("ELI",) + tuple(s for s in role.sectors if s != "ELI")
            return Actor(name=name, country=country, sector=sectors, org=org, confidence=conf, role=name,
                         kind=role.kind)
        resolved = self._by_time(role, country, org, comp)
        if resolved is not None:
            return replace(resolved, role=name, confidence=min(resolved.confidence, conf + 0.1))
        if role.country == "explicit" and country is None and comp is None and not role.anaphor:
            if role.resolve is not None or role.id in ("mercenaries",):
                return None
        return Actor(name=name, country=country, sector=role.sectors, org=org, confidence=conf, role=name,
                     kind=role.kind)

    def _by_time(self, role: RoleTerm, country: str | None, org: str | None, comp: Actor | None) -> Actor | None:
        """Offices and ruling bodies resolved at the publication date."""
        on = self.a.published
        if role.office or role.id == "leader":
            if comp is not None and comp.org:
                for office in ("leader", "commission_president", "secretary_general", "chair", "prosecutor",
                               "mission_head"):
                    p = self.kb.holder(office, on=on, org=comp.org)
                    if p is not None:
                        return self.a.person_actor(p, confidence=0.8)
            if role.office and country:
                p = self.kb.holder(role.office, country, on, org=role.org)
                if p is not None:
                    return self.a.person_actor(p, confidence=0.8)
        if role.resolve in ("junta", "regime") and country:
            body = self.kb.ruling_body(country, on, "junta" if role.resolve == "junta" else None)
            if body is not None:
                return self.a.org_actor(body, confidence=0.8)
        return None

    def _inherited(self, role: RoleTerm, rm: RoleMatch, comp: Actor, name: str, country: str | None) -> Actor:
        sectors = comp.sector or role.sectors
        if rm.former:
            sectors = ("ELI",) + tuple(s for s in sectors if s != "ELI")
        kind = EntityKind.PERSON if role.kind == EntityKind.PERSON else EntityKind.GROUP
        return Actor(name=name, country=comp.country or country, sector=sectors, org=comp.org,
                     confidence=min(comp.confidence, 0.8), role=name, kind=kind)

    def _role_country(self, tok: Token, rm: RoleMatch, comp: Actor | None) -> tuple[str | None, str | None, float]:
        role = rm.role
        if role.country not in (None, "explicit"):
            return role.country, role.org, 0.8
        demonyms = self._demonyms(tok, rm)
        if demonyms:
            return demonyms[0], None, 0.8
        owner = None if role.other else self._possessor(tok)
        if owner is not None and owner.country:
            return owner.country, owner.org, 0.7
        if comp is not None and comp.country:
            return comp.country, comp.org, 0.75
        loc = self._locative_country(tok, rm)
        if loc:
            return loc, None, 0.65
        if role.country is None:
            code = self.a.country_for_role(role.resolve, tok.i, role.id)
            if code:
                return code, None, 0.5
        return None, None, 0.4

    def _demonyms(self, tok: Token, rm: RoleMatch) -> list[str]:
        """Countries of demonym adjectives in the phrase ("l'ambassadeur russe", "forces armées russes")."""
        span_ids = set(range(rm.start, rm.end)) | {tok.i}
        cands = [c for i in span_ids for c in self.doc[i].children if c.i not in span_ids and
                 c.dep_ in ("amod", "nmod", "appos", "flat:name", "acl") and c.pos_ in ("ADJ", "NOUN", "PROPN")
                 and not case_words(c)]
        nxt = rm.end
        while nxt < len(self.doc) and nxt - rm.end < 3 and self.doc[nxt].pos_ in ("ADJ", "NOUN"):
            cands.append(self.doc[nxt])
            nxt += 1
        cands += [self.doc[i] for i in range(rm.start, rm.end) if self.doc[i].pos_ == "ADJ"]
        out = []
        for c in sorted(cands, key=lambda t: t.i):
            codes = demonym_countries(c, self.kb)
            people = self.kb.role(role_words(c.text)) if not codes else None
            if people is not None and people.country in self.kb.countries:  # "étudiants tibétains" -> CHN
                codes = [people.country]
            out += [code for code in codes if code not in out]
        return out

    def _complement(self, tok: Token, rm: RoleMatch) -> Actor | None:
        """The actor of a "de X" complement ("l'armée du Burkina", "délégation de la CEDEAO")."""
        span_ids = set(range(rm.start, rm.end)) | {tok.i}
        for i in sorted(span_ids):
            for c in self.doc[i].children:
                if c.i in span_ids or c.i < tok.i or c.dep_ not in COMPLEMENT_DEPS:
                    continue
                if case_words(c) & DE or (c.dep_ in ("appos",) and not case_words(c)):
                    actor = self._complement_actor(c)
                    if actor is not None:
                        return actor
        return None

    def _complement_actor(self, c: Token) -> Actor | None:
        m = self.a.match_at(c.i)
        if m is None and c.pos_ == "PROPN" and c.ent_type_ in ("LOC", "GPE"):
            place = self.a.gazetteer.lookup(c.text, self.a.context_countries)  # "les rebelles de Homs"
            self.a.remember_place(c.i, place)
            if place is not None and place.country in self.kb.countries:
                return Actor(name=place.name, country=place.country, sector=(), confidence=0.6,
                             kind=EntityKind.PLACE)
            return None
        if m is not None and isinstance(m.hit.entry, Country):
            return self.a.country_actor(m.hit.entry)
        if m is not None and isinstance(m.hit.entry, Person):
            p = self.a.person_actor(m.hit.entry)
            return replace(p, org=p.org, sector=("CVL",) if False else p.sector)
        return self.a.actor_for_token(c)

    def _possessor(self, tok: Token) -> Actor | None:
        """"L'OTAN prévoit de retirer ses forces": a possessive refers to the clause's subject."""
        if not any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in tok.children):
            return None
        verb = tok.head
        for _ in range(4):
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i != tok.i), None)
            if subj is not None:
                return self.a.actor_for_token(subj)
            if verb.head.i == verb.i:
                return None
            verb = verb.head
        return None

    def _locative_country(self, tok: Token, rm: RoleMatch) -> str | None:
        """"les militaires au pouvoir au Mali", "enseignante-chercheuse à Bamako" -> the place's country."""
        for j in range(rm.end, min(len(self.doc), rm.end + 6)):
            t = self.doc[j]
            if t.is_punct and t.text not in "-'’" or t.pos_ in ("VERB", "AUX"):
                break
            m = self.a.match_at(j)
            if m is not None and isinstance(m.hit.entry, Country) and (case_words(t) & LOC or
                                                                       words(self.doc[j - 1].text)[-1:] in (("a",), ("au",), ("en",))):
                return m.hit.entry.code
            if t.ent_type_ == "LOC" and m is None and case_words(t) & LOC:
                place = self.a.gazetteer.lookup(t.text, self.a.context_countries)
                if place is not None and place.country:
                    return place.country
        return None

    # ------------------------------------------------------------------ names and appositions

    def _apposed_person(self, tok: Token, rm: RoleMatch) -> Actor | None:
        """"le président Ibrahim Boubacar Keita": the role noun followed by a person's name."""
        j = rm.end
        while j < len(self.doc) and self.doc[j].pos_ == "ADJ":
            j += 1
        if j >= len(self.doc):
            return None
        m = self.a.match_at(j)
        if m is not None and isinstance(m.hit.entry, Person):
            return self.a.person_actor(m.hit.entry, role=self._phrase_text(tok, rm))
        if m is not None and isinstance(m.hit.entry, Organisation) and j == rm.end:
            return replace(self.a.org_actor(m.hit.entry), role=self._phrase_text(tok, rm))
        if self.doc[j].ent_type_ == "PER" and self.doc[j].pos_ == "PROPN":
            actor, _ = self._unknown_person(self.doc[j], role_match=rm, role_tok=tok)
            return actor
        return None

    def _unknown_person(self, tok: Token, role_match: RoleMatch | None = None,
                        role_tok: Token | None = None) -> tuple[Actor | None, tuple[int, int]]:
        ent = self.a.ent_at(tok.i)
        start, end = (ent.start, ent.end) if ent is not None else (tok.i, tok.i + 1)
        name = self.doc[start:end].text
        self._apposition_span = None
        if role_match is not None and role_tok is not None:
            desc = self._role_actor_no_name(role_tok, role_match)
        else:
            desc = self._appositive(end)
        if desc is not None and desc.kb_id is None:
            person = Actor(name=name, country=desc.country, sector=desc.sector, org=desc.org,
                           confidence=min(desc.confidence, 0.7), role=desc.role, kind=EntityKind.PERSON)
            if self._apposition_span is not None:
                self.a.cover(*self._apposition_span, person)
                self._apposition_span = None
            return person, (start, end)
        if desc is not None:  # "X, le chef du CNSP": the description names a KB person
            return replace(desc, confidence=min(desc.confidence, 0.7)), (start, end)
        country = self.dominant
        return Actor(name=name, country=country, sector=("CVL",), confidence=0.3,
                     kind=EntityKind.PERSON), (start, end)

    def _role_actor_no_name(self, tok: Token, rm: RoleMatch) -> Actor | None:
        comp = self._complement(tok, rm)
        country, org, conf = self._role_country(tok, rm, comp)
        if rm.role.inherit and comp is not None:
            return self._inherited(rm.role, rm, comp, self._phrase_text(tok, rm), country)
        sectors = rm.role.sectors
        if rm.former:
            sectors = ("ELI",) + tuple(s for s in sectors if s != "ELI")
        return Actor(name=self._phrase_text(tok, rm), country=country, sector=sectors, org=org,
                     confidence=conf, role=self._phrase_text(tok, rm), kind=rm.role.kind)

    def _appositive(self, end: int) -> Actor | None:
        """", enseignante-chercheuse à Bamako" right after a name: the role it gives."""
        doc = self.doc
        j = end
        if j >= len(doc) or doc[j].text != ",":
            return None
        j += 1
        while j < len(doc) and doc[j].pos_ == "DET":
            j += 1
        for k in range(j, min(len(doc), j + 3)):
            rm = role_for(doc[k], self.kb)
            if rm is not None and rm.start <= j + 1:
                self._apposition_span = self._phrase_span(doc[k], rm.start, rm.end)
                return self._role_actor_no_name(doc[k], rm)
        return None

    # ------------------------------------------------------------------ coreference

    def _pronoun(self, tok: Token) -> Actor | None:
        w = fold(tok.text).replace("’", "'")
        if w in RELATIVES:
            head = tok.head
            if head.dep_.startswith("acl") and head.head.i != tok.i:
                return self.a.actor_for_token(head.head)
            return None
        ws = words(w)
        if not ws or ws[-1] not in PRONOUNS and not self._ce_dernier(tok):
            return None
        if tok.dep_.startswith("expl") or fold(tok.head.lemma_) in IMPERSONAL_VERBS or self._il_y_a(tok):
            return None
        if self._defined_by_clause(tok):
            return None
        number, gender = tok.morph.get("Number"), tok.morph.get("Gender")
        for j, actor in self.a.mentions_before(tok.i):
            if tok.i - j > MAX_PRONOUN_DISTANCE:
                break
            ant = self.doc[j]
            if ant.pos_ == "PRON" or actor.kind == EntityKind.PLACE:
                continue
            if self._agrees(ant, actor, number, gender):
                return replace(actor, confidence=round(actor.confidence * 0.8, 2))
        return None

    @staticmethod
    def _ce_dernier(tok: Token) -> bool:
        """"ce dernier", "ces derniers": a demonstrative anaphor, resolved like a pronoun."""
        return fold(tok.lemma_) == "dernier" and any(
            c.dep_ == "det" and "Dem" in c.morph.get("PronType") for c in tok.children)

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
            p = self.kb.people.get((actor.kb_id or "")[7:]) if actor.kb_id else None
            a_num = ["Sing"]
            a_gen = ["Fem"] if p is not None and p.gender == "f" else ["Masc"] if p is not None else ant.morph.get("Gender")
        else:
            a_gen = ant.morph.get("Gender")
        if number and a_num and number != a_num:
            return False
        if gender and a_gen and gender != a_gen:
            return False
        return True

    def _anaphor(self, i: int, kind: str) -> Actor | None:
        for _, actor in self.a.mentions_before(i):
            if kind == "NGO" and actor.country == "NGO":
                return actor
            if kind == "org" and actor.kind == EntityKind.ORGANISATION:
                return actor
        return None

    def _partitive(self, tok: Token) -> Actor | None:
        """"un autre parmi les putschistes", "l'un des manifestants" -> the group's actor."""
        if key(tok.text) not in self.kb.partitive or tok.pos_ not in ("ADJ", "NUM", "PRON", "DET", "NOUN"):
            return None
        for c in tok.children:
            if c.dep_.startswith("nmod") and case_words(c) & (DE | {"parmi", "entre"}):
                return self.a.actor_for_token(c)
        return None

    # ------------------------------------------------------------------ text of a description

    def _phrase_span(self, tok: Token, start: int, end: int) -> tuple[int, int]:
        lo = min(start, tok.i)
        hi = max(end, tok.i + 1)
        while hi < len(self.doc) and self.doc[hi].pos_ == "ADJ" and self.doc[hi].head.i in range(lo, hi):
            hi += 1
        return lo, hi

    def _phrase_text(self, tok: Token, rm: RoleMatch) -> str:
        lo, hi = self._phrase_span(tok, rm.start, rm.end)
        return self.doc[lo:hi].text


ARG_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl:agent", "obl:arg", "nmod", "appos", "conj"})


def nominal(tok: Token) -> bool:
    """A token that can head a noun phrase: nouns, and adjectives or participles used as nouns ("les
    putschistes", "les occidentaux"), not modifiers ("une icône occidentale", "le nombre est élevé")."""
    if tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return True
    if tok.dep_ == "amod":
        return False
    return any(c.dep_ == "det" for c in tok.children) or tok.dep_ in ARG_DEPS


def _is_state(code: str | None) -> bool:
    return code is not None and code not in NON_STATE_CODES


__all__ = ["Describer", "Organisation", "Person"]
