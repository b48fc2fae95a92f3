"""Actors of phrases that are not KB names: role descriptions, demonym nouns, unknown people, pronouns.

A role description ("l'ambassadeur russe", "la junte", "le chef du CNSP") takes, in order: a name it
introduces (appositions.py); for a work, its author ("le documentaire d'Al Jazeera"); a named body in
apposition ("les militaires maliens, auteurs du coup d'État" -> the junta); the person the text gave
that role earlier, or the same description told earlier with its country (coref.py); else an actor
built from the role and the country the phrase gives (demonym, possessor, "de X", location, "local"),
resolved by date to an office holder or a ruling body when the role names one.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from veille.knowledge.appositions import Names
from veille.knowledge.coref import Coreference, ce_dernier
from veille.knowledge.normalize import key, role_words, words
from veille.knowledge.phrases import RoleMatch, RoleMemo, case_words, demonym_countries, role_for
from veille.knowledge.records import Country, Person, RoleTerm
from veille.knowledge.views import ResolvedDoc
from veille.model import Actor, EntityKind


DE = frozenset({"de", "du", "des", "d"})
LOC = frozenset({"a", "au", "aux", "en", "dans"})
COMPLEMENT_DEPS = ("nmod", "obl", "obl:arg", "obl:mod", "appos", "flat:name", "amod", "nmod:poss")
ARG_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl:agent", "obl:arg", "nmod", "appos", "conj"})
EXPLICIT = 0.65  # confidence from which a description's country comes from the phrase itself
LEADER_OFFICES = ("leader", "commission_president", "secretary_general", "chair", "prosecutor", "mission_head")


class Describer:
    def __init__(self, actors: ResolvedDoc):
        self.a, self.kb, self.doc = actors, actors.kb, actors.doc
        self.single_country = actors.single_country
        self.names = Names(self)
        self.coref = Coreference(self)
        self._demonym_cache: dict[tuple[int, int, int], list[str]] = {}
        self.roles_at: RoleMemo = {}  # role terms looked up at each token position (role_for)

    def describe(self, tok: Token) -> tuple[Actor | None, tuple[int, int]]:
        span = (tok.i, tok.i + 1)
        if tok.pos_ == "PRON" or ce_dernier(tok):
            return self.coref.pronoun(tok), span
        part = self._partitive(tok)
        if part is not None:
            return part, span
        group = self.a.collective_actor(tok)
        if group is not None:
            return group, span
        short = self.coref.short_name(tok)
        if short is not None:
            return short, span
        rm = self._role(tok)
        if rm is not None:
            return self._role_actor(tok, rm), self.phrase_span(tok, rm.start, rm.end)
        if tok.ent_type_ == "PER" and tok.pos_ == "PROPN":
            return self.names.unknown_person(tok)
        if tok.pos_ == "PROPN" and self.names.named(tok.text) is not None:  # "Durand", untagged, named before
            return replace(self.names.named(tok.text), confidence=0.6), span
        if tok.pos_ in ("NOUN", "PROPN") and tok.text[:1].isupper() and self.kb.demonym(tok.text):
            code = demonym_countries(tok, self.kb)[0]
            return Actor(name=tok.text, country=code, sector=("CVL",), confidence=0.4,
                         kind=EntityKind.GROUP), span
        return None, span

    # ------------------------------------------------------------------ role descriptions

    def _role(self, tok: Token) -> RoleMatch | None:
        """The role term of a noun phrase headed by ``tok``. The role terms are asked first: for most
        nouns they answer at once that none applies, where ``nominal`` and ``predicative`` walk the
        token's dependents (a lookup without side effects but its per-article memo)."""
        rm = role_for(tok, self.kb, self.roles_at)
        return rm if rm is not None and nominal(tok) and not predicative(tok) else None

    def _role_actor(self, tok: Token, rm: RoleMatch) -> Actor | None:
        named = self.names.apposed(tok, rm)
        comp = self.complement(tok, rm)
        if named is not None:
            self.coref.note_person(tok, rm, comp, named)
            return named
        if rm.role.metonymy:
            return self._work(tok, rm, comp)
        body = self._apposed_body(tok, rm)
        if body is not None:
            return body
        country, org, conf = self._role_country(tok, rm, comp)
        explicit = conf >= EXPLICIT
        if rm.role.anaphor:
            prev = self._anaphor(tok, rm, comp)
            if prev is not None or (not rm.role.sectors and comp is None):
                return prev
        linked = self.coref.person_for_role(tok, rm, comp, next(iter(self._demonyms(tok, rm)), None))
        if linked is None and not explicit and comp is None:
            linked = self.coref.repeated(tok, rm)
        if linked is not None:
            return linked
        actor = self._described(tok, rm, comp, country, org, conf)
        if actor is not None and explicit:
            self.coref.note_description(tok, rm, actor)
        return actor

    def _described(self, tok: Token, rm: RoleMatch, comp: Actor | None, country: str | None, org: str | None,
                   conf: float) -> Actor | None:
        role, name = rm.role, self.phrase_text(tok, rm)
        if comp is not None and _inherits(role, comp):
            if not rm.former and role.kind == EntityKind.PERSON:
                resolved = self._by_time(role, country, org, comp, plural(tok))  # "le chef du CNSP" -> its leader
                if resolved is not None:
                    return replace(resolved, role=name)
            return self._inherited(role, rm, comp, name, country)  # "la présidente d'une ONG"
        if rm.former:
            sectors = ("ELI",) + tuple(s for s in role.sectors if s != "ELI")
            return Actor(name=name, country=country, sector=sectors, org=org, confidence=conf, role=name,
                         kind=role.kind)
        resolved = self._by_time(role, country, org, comp, plural(tok))
        if resolved is not None:
            return replace(resolved, role=name, confidence=min(resolved.confidence, conf + 0.1))
        if role.country == "explicit" and country is None and comp is None and not role.anaphor:
            if role.resolve is not None or role.id in ("mercenaries",):
                return None
        if not role.sectors and comp is None:
            return None  # "les membres" of nothing named
        return Actor(name=self._proper_name(tok, rm) or name, country=country, sector=role.sectors, org=org,
                     confidence=conf, role=name, kind=role.kind)

    def _proper_name(self, tok: Token, rm: RoleMatch) -> str | None:
        """The name of a body the KB does not know: "Radio Sawa", "la radio Sawa" (an ORG/MISC entity)."""
        if rm.role.kind == EntityKind.PERSON:
            return None
        hi = self.phrase_span(tok, rm.start, rm.end)[1]
        ent = self.a.ent_at(tok.i) or (self.a.ent_at(hi) if hi < len(self.doc) and self.doc[hi].head.i == tok.i
                                       else None)
        if ent is None or ent.label_ not in ("ORG", "MISC") or ent.end <= hi:
            return None
        if any(self.a.match_at(i) for i in range(ent.start, ent.end)):
            return None
        return ent.text if ent.start <= tok.i else self.doc[rm.start:ent.end].text  # "la radio Sawa" -> "radio Sawa"

    def _anaphor(self, tok: Token, rm: RoleMatch, comp: Actor | None) -> Actor | None:
        """"l'ONG", "l'organisation": the last such actor, unless the phrase names another country."""
        explicit = self._demonyms(tok, rm) or ([comp.country] if comp is not None else [])
        prev = self.coref.anaphor(tok.i, rm.role.anaphor or "")
        if prev is not None and (not explicit or prev.country in explicit):
            return replace(prev, confidence=min(prev.confidence, 0.7))
        return None

    def _work(self, tok: Token, rm: RoleMatch, comp: Actor | None) -> Actor | None:
        """"le documentaire d'Al Jazeera" -> Al Jazeera; "le documentaire" again -> the same author."""
        if comp is not None and comp.kind != EntityKind.PLACE:
            author = replace(comp, confidence=min(comp.confidence, 0.8))
            self.coref.note_description(tok, rm, author)
            return author
        return self.coref.repeated(tok, rm, max_distance=None)

    def _apposed_body(self, tok: Token, rm: RoleMatch) -> Actor | None:
        """"Les militaires maliens, auteurs du coup d'État": an apposition naming a known body (here the
        junta in power on the date) says which group the description is."""
        for c in tok.children:
            if c.dep_ != "appos" or c.i < rm.end or c.left_edge.i == 0 or self.doc[c.left_edge.i - 1].text != ",":
                continue
            actor = self.a.actor_for_token(c)
            if actor is None or actor.kind == EntityKind.PERSON or not (actor.kb_id or "").startswith("org:"):
                continue
            demonyms = self._demonyms(tok, rm)
            if not demonyms or actor.country in demonyms:
                return replace(actor, role=self.phrase_text(tok, rm), confidence=min(actor.confidence, 0.7))
        return None

    def _by_time(self, role: RoleTerm, country: str | None, org: str | None, comp: Actor | None,
                 several: bool = False) -> Actor | None:
        """Offices and ruling bodies resolved at the publication date; ``several``: a plural phrase ("les
        chefs d'État de la CEDEAO") names more than the one holder of an office."""
        on = self.a.published
        if (role.office or role.id == "leader") and not several:
            if comp is not None and comp.org:
                for office in LEADER_OFFICES:
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

    def role_actor_no_name(self, tok: Token, rm: RoleMatch) -> Actor | None:
        """The description an apposition gives a name ("enseignante-chercheuse à Bamako")."""
        comp = self.complement(tok, rm)
        country, org, conf = self._role_country(tok, rm, comp)
        if comp is not None and _inherits(rm.role, comp):
            return self._inherited(rm.role, rm, comp, self.phrase_text(tok, rm), country)
        sectors = rm.role.sectors
        if rm.former:
            sectors = ("ELI",) + tuple(s for s in sectors if s != "ELI")
        return Actor(name=self.phrase_text(tok, rm), country=country, sector=sectors, org=org,
                     confidence=conf, role=self.phrase_text(tok, rm), kind=rm.role.kind)

    # ------------------------------------------------------------------ the country of a description

    def _role_country(self, tok: Token, rm: RoleMatch, comp: Actor | None) -> tuple[str | None, str | None, float]:
        role = rm.role
        if role.country not in (None, "explicit", "host"):
            return role.country, role.org, 0.8
        demonyms = self._demonyms(tok, rm)
        if demonyms:
            return demonyms[0], None, 0.8
        body = next((o for c in self._modifiers(tok, rm) if (o := self.kb.org_adjective(c.text))), None)
        if body is not None:  # "la mission onusienne"
            return body.country, body.org, 0.8
        if self._is_local(tok, rm):
            host = self.a.host_country(tok.i)
            if host:
                return host, None, EXPLICIT
        owner = None if role.other else self._possessor(tok)
        if owner is not None and owner.country:
            return owner.country, owner.org, 0.7
        if comp is not None and comp.country:
            return comp.country, comp.org, 0.75
        loc = self._locative_country(tok, rm)
        if loc:
            return loc, None, EXPLICIT
        if role.default_country:
            return role.default_country, None, 0.6
        host = self.a.host_country(tok.i) if role.country == "host" else None
        if host:
            return host, None, 0.55  # "un quartier" attacked: in the place the text is about
        if role.country in (None, "host"):
            code = self.a.country_for_role(role.resolve, tok.i, role.id)
            if code:
                return code, None, 0.5
        return None, None, 0.4

    def _modifiers(self, tok: Token, rm: RoleMatch) -> list[Token]:
        """Adjectives and nominal modifiers of a description, in text order."""
        span_ids = set(range(rm.start, rm.end)) | {tok.i}
        cands = [c for i in span_ids for c in self.doc[i].children if c.i not in span_ids and
                 c.dep_ in ("amod", "nmod", "appos", "flat:name", "acl") and c.pos_ in ("ADJ", "NOUN", "PROPN")
                 and not case_words(c)]
        nxt = rm.end
        while nxt < len(self.doc) and nxt - rm.end < 3 and self.doc[nxt].pos_ in ("ADJ", "NOUN"):
            cands.append(self.doc[nxt])
            nxt += 1
        cands += [self.doc[i] for i in range(rm.start, rm.end) if self.doc[i].pos_ == "ADJ"]
        return sorted(set(cands), key=lambda t: t.i)

    def _demonyms(self, tok: Token, rm: RoleMatch) -> list[str]:
        """Countries of demonym adjectives in the phrase ("l'ambassadeur russe", "forces armées russes")."""
        k = (tok.i, rm.start, rm.end)
        if k not in self._demonym_cache:
            self._demonym_cache[k] = self._find_demonyms(tok, rm)
        return self._demonym_cache[k]

    def _find_demonyms(self, tok: Token, rm: RoleMatch) -> list[str]:
        out: list[str] = []
        for c in self._modifiers(tok, rm):
            codes = demonym_countries(c, self.kb)
            people = self.kb.role(role_words(c.text)) if not codes else None
            if people is not None and people.country in self.kb.countries:  # "étudiants tibétains" -> CHN
                codes = [people.country]
            out += [code for code in codes if code not in out]
        return out

    def _is_local(self, tok: Token, rm: RoleMatch) -> bool:
        """"des forces de sécurité locales": of the country where the action takes place."""
        return any(key(c.text) in self.kb.local_words for c in self._modifiers(tok, rm))

    def complement(self, tok: Token, rm: RoleMatch) -> Actor | None:
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
            self.a.remember_place(c.i, place and replace(place, name=c.text))
            if place is not None and place.country in self.kb.countries:
                return Actor(name=c.text, country=place.country, sector=(), confidence=0.6,
                             kind=EntityKind.PLACE)
            return None
        if m is not None and isinstance(m.hit.entry, Country):
            return self.a.country_actor(m.hit.entry)
        if m is not None and isinstance(m.hit.entry, Person):
            return self.a.person_actor(m.hit.entry)
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
            after_a = words(self.doc[j - 1].text)[-1:] in (("a",), ("au",), ("en",))
            if m is not None and isinstance(m.hit.entry, Country) and (case_words(t) & LOC or after_a):
                return m.hit.entry.code
            if t.ent_type_ == "LOC" and m is None and case_words(t) & LOC:
                place = self.a.gazetteer.lookup(t.text, self.a.context_countries)
                if place is not None and place.country:
                    return place.country
        return None

    def _partitive(self, tok: Token) -> Actor | None:
        """"un autre parmi les putschistes", "l'un des manifestants" -> the group's actor."""
        group = self.partitive_group(tok)
        return self.a.actor_for_token(group) if group is not None else None

    def partitive_group(self, tok: Token) -> Token | None:
        """The group a partitive head takes its members from ("quatre des pays" -> "pays")."""
        if key(tok.text) not in self.kb.partitive or tok.pos_ not in ("ADJ", "NUM", "PRON", "DET", "NOUN"):
            return None
        for c in tok.children:
            if not c.dep_.startswith("nmod") or c.i < tok.i:
                continue
            if case_words(c) & (DE | {"parmi", "entre"}) or any(d.dep_ == "det" and key(d.text) == "des"
                                                                  for d in c.children):
                return c  # "l'un des manifestants", "quatre des pays" ("des" parsed as a determiner)
        return None

    # ------------------------------------------------------------------ text of a description

    def phrase_span(self, tok: Token, start: int, end: int) -> tuple[int, int]:
        lo = min(start, tok.i)
        hi = max(end, tok.i + 1)
        while hi < len(self.doc) and self.doc[hi].pos_ == "ADJ" and self.doc[hi].head.i in range(lo, hi):
            hi += 1
        return lo, hi

    def phrase_text(self, tok: Token, rm: RoleMatch) -> str:
        lo, hi = self.phrase_span(tok, rm.start, rm.end)
        return self.doc[lo:hi].text


def _inherits(role: RoleTerm, comp: Actor) -> bool:
    """A description of a member or part of its "de X" complement ("le chef du CNSP"); an office of a body
    rather than of a state too ("la présidente d'une ONG" leads the NGO, not the country)."""
    return role.inherit or bool(role.office) and comp.kind not in (EntityKind.COUNTRY, EntityKind.PLACE)


def plural(tok: Token) -> bool:
    return tok.morph.get("Number") == ["Plur"]


def predicative(tok: Token) -> bool:
    """"pris en otage", "déguisés en militaires": a bare noun after "en" says what someone is, not who acts."""
    return not any(c.dep_ == "det" for c in tok.children) and any(
        c.dep_ == "case" and key(c.text) == "en" for c in tok.children)


def nominal(tok: Token) -> bool:
    """A token that can head a noun phrase: nouns, and adjectives or participles used as nouns ("les
    putschistes", "les occidentaux"), not modifiers ("une icône occidentale", "le nombre est élevé").

    The determiner is looked for only where it decides: ``Token.children`` walks the token's whole
    subtree, and this runs for every noun of the article."""
    if tok.dep_ == "amod":
        return _has_det(tok)  # a noun parsed as a modifier ("l'organisation armée basque") is not one
    if tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return True
    return _has_det(tok) or tok.dep_ in ARG_DEPS


def _has_det(tok: Token) -> bool:
    return any(c.dep_ == "det" for c in tok.children)


__all__ = ["Describer", "nominal"]
