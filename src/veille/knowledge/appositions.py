"""Names next to descriptions: "le président Ibrahim Boubacar Keita", "le fondateur de WikiLeaks Julian
Assange", "Fatoumata Coulibaly, enseignante-chercheuse à Bamako", "un jeune manifestant, Abdel Nasser",
"la chaîne qatarie Al Jazeera"; and people the KB does not know.

An unknown person takes the country and sectors of the description around the name. Without one, the
person gets a country only when the article is about one country (see `Names.unknown_country`): a wrong
country is worse than none for an analyst counting who did what.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from veille.knowledge.normalize import words
from veille.knowledge.phrases import RoleMatch, case_words, role_for
from veille.knowledge.records import Organisation, Person
from veille.knowledge.views import Descriptions
from veille.model import Actor, EntityKind


NAME_DEPS = ("nmod", "appos", "flat:name")
TITLE_ADJECTIVES = 2  # "le président yéménite Ali Diallo": words between a title and the name it introduces
CLAUSE_END = frozenset({".", ",", ";", ":", ")", "»", "!", "?"})


class Names:
    def __init__(self, describer: Descriptions):
        self.d, self.a, self.kb, self.doc = describer, describer.a, describer.kb, describer.doc
        self._apposition_span: tuple[int, int] | None = None
        self._people: dict[str, Actor | None] = {}  # described unknown people by full name and surname

    # ------------------------------------------------------------------ description + name

    def apposed(self, tok: Token, rm: RoleMatch) -> Actor | None:
        """The named person or organisation a description introduces ("le président Ibrahim Boubacar Keita",
        "la chaîne qatarie Al Jazeera", "le fondateur de WikiLeaks Julian Assange")."""
        j = rm.end
        while j < len(self.doc) and (self.doc[j].pos_ == "ADJ" or self.doc[j].dep_ == "amod"):
            j += 1
        found = self._name_at(tok, rm, j, organisations=j == rm.end or rm.role.kind != EntityKind.PERSON)
        if found is None:
            after = self._name_after_complement(tok, rm)
            found = self._name_at(tok, rm, after, organisations=False) if after is not None else None
        return found

    def _name_at(self, tok: Token, rm: RoleMatch, j: int, organisations: bool) -> Actor | None:
        if j >= len(self.doc):
            return None
        role = self.d.phrase_text(tok, rm)
        m = self.a.match_at(j)
        if m is not None and isinstance(m.hit.entry, Person):
            return self.a.person_actor(m.hit.entry, role=role)
        if m is not None and isinstance(m.hit.entry, Organisation) and organisations:
            return replace(self.a.org_actor(m.hit.entry), role=role)
        if m is None and self.doc[j].ent_type_ == "PER" and self.doc[j].pos_ == "PROPN":
            actor, _ = self.unknown_person(self.doc[j], role_match=rm, role_tok=tok)
            return actor
        return None

    def _name_after_complement(self, tok: Token, rm: RoleMatch) -> int | None:
        """"fondateur de WikiLeaks Julian Assange": a name child of the description, right after its "de X"."""
        for c in tok.children:
            if c.i < rm.end or c.dep_ not in NAME_DEPS or case_words(c):
                continue
            prev = [d for d in tok.children if rm.end <= d.i < c.i]
            if prev and all(case_words(d) for d in prev) and prev[-1].right_edge.i + 1 == c.left_edge.i:
                return c.i
        return None

    # ------------------------------------------------------------------ name + description

    def unknown_person(self, tok: Token, role_match: RoleMatch | None = None,
                       role_tok: Token | None = None) -> tuple[Actor | None, tuple[int, int]]:
        ent = self.a.ent_at(tok.i)
        start, end = (ent.start, ent.end) if ent is not None else (tok.i, tok.i + 1)
        name = self.doc[start:end].text
        self._apposition_span = None
        found = (role_tok, role_match) if role_match is not None and role_tok is not None else None
        found = found or self.appositive_role(end) or self._description_before(start, end) \
            or self._title_before(start)
        known = self.named(name) if found is None else None
        if known is not None:
            return replace(known, confidence=0.6), (start, end)  # "Jacquier" after "Gilles Jacquier, ..."
        desc = self.d.role_actor_no_name(*found) if found is not None else None
        if desc is not None and desc.kb_id is None:
            person = Actor(name=name, country=desc.country, sector=desc.sector, org=desc.org,
                           confidence=min(desc.confidence, 0.7), role=desc.role, kind=EntityKind.PERSON)
            if self._apposition_span is not None:
                self.a.cover(*self._apposition_span, person)
                self._apposition_span = None
            self.d.coref.note_person(found[0], found[1], self.d.complement(*found), person)
            self._remember(name, person)
            return person, (start, end)
        if desc is not None:  # "X, le chef du CNSP": the description names a KB person
            return replace(desc, confidence=min(desc.confidence, 0.7)), (start, end)
        return Actor(name=name, country=self.unknown_country(), sector=("CVL",), confidence=0.3,
                     kind=EntityKind.PERSON), (start, end)

    def _remember(self, name: str, person: Actor) -> None:
        """A described person, found again by full name or surname ("Jacquier")."""
        ws = words(name)
        if len(ws) >= 2:
            self._people.setdefault(" ".join(ws), person)
            surname = ws[-1]
            if surname in self._people:  # a second Maïga: ambiguous (None), and stays so for a third
                known = self._people[surname]
                self._people[surname] = known if known is not None and known.name == person.name else None
            else:
                self._people[surname] = person

    def named(self, name: str) -> Actor | None:
        ws = words(name)
        return self._people.get(" ".join(ws)) or (self._people.get(ws[-1]) if len(ws) == 1 else None)

    def unknown_country(self) -> str | None:
        """The country of a person nothing describes: the article's, when one country dominates it."""
        return self.d.single_country

    def appositive_role(self, end: int) -> tuple[Token, RoleMatch] | None:
        """The role term of an apposition starting at a comma right after a name (token `end`)."""
        doc = self.doc
        j = end
        if j >= len(doc) or doc[j].text != ",":
            return None
        j += 1
        while j < len(doc) and doc[j].pos_ == "DET":
            j += 1
        for k in range(j, min(len(doc), j + 3)):
            rm = role_for(doc[k], self.kb, self.d.roles_at)
            if rm is not None and rm.start <= j + 1:
                self._apposition_span = self.d.phrase_span(doc[k], rm.start, rm.end)
                return doc[k], rm
        return None

    def _title_before(self, start: int) -> tuple[Token, RoleMatch] | None:
        """"le président yéménite Ali Diallo", "la ministre Awa Traoré": a person's role term right before
        the name (adjectives between them), found from the name, as `apposed` finds the name from the term."""
        k = start - 1
        while k >= 0 and start - k <= TITLE_ADJECTIVES and self.doc[k].pos_ == "ADJ":
            k -= 1
        if k < 0 or self.doc[k].pos_ != "NOUN":
            return None
        rm = role_for(self.doc[k], self.kb, self.d.roles_at)
        if rm is None or rm.end != k + 1 or rm.role.kind is not EntityKind.PERSON or not rm.role.sectors:
            return None
        return self.doc[k], rm

    def _description_before(self, start: int, end: int) -> tuple[Token, RoleMatch] | None:
        """"un jeune manifestant, Abdel Nasser.", "un des chercheurs de HRW, Ole Solvang, précise": a noun
        phrase, a comma, then the name closing the clause."""
        doc = self.doc
        if start < 2 or doc[start - 1].text != "," or (end < len(doc) and doc[end].text not in CLAUSE_END):
            return None
        head = doc[start - 2]
        while head.head.i < head.i and head.head.pos_ not in ("VERB", "AUX") and head.head.left_edge.i > 0:
            head = head.head  # up to the head of the phrase that ends before the comma
        head = self.d.partitive_group(head) or head
        rm = role_for(head, self.kb, self.d.roles_at)
        if rm is None or not rm.role.sectors:
            return None
        return head, rm

    def note_kb_person_apposition(self, end: int, person: Actor) -> None:
        """"Mohamed Morsi, candidat des Frères musulmans": remember the role for later "le candidat"."""
        found = self.appositive_role(end)
        self._apposition_span = None
        if found is not None:
            self.d.coref.note_person(found[0], found[1], self.d.complement(*found), person)
