"""What the parts of the resolver see of each other, as protocols.

``DocActors`` (resolver.py) is made of a ``Describer`` (describe.py) and ``Collectives``
(collectives.py); the describer of ``Coreference`` (coref.py) and ``Names`` (appositions.py).
The parts call back into what holds them; they know it only through these interfaces, so every
import in ``knowledge/`` goes one way: resolver → describe → coref, appositions → views.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from veille.knowledge.gazetteer import Gazetteer
from veille.knowledge.kb import KnowledgeBase
from veille.knowledge.phrases import Match, RoleMatch, RoleMemo
from veille.knowledge.records import Country, Organisation, Person
from veille.model import Actor, Place


class ResolvedDoc(Protocol):
    """The document-wide resolution (resolver.DocActors) as its parts use it."""

    doc: Doc
    published: date | None
    kb: KnowledgeBase
    gazetteer: Gazetteer
    context_countries: tuple[str, ...]
    single_country: str | None

    def actor_for_token(self, tok: Token) -> Actor | None: ...
    def collective_actor(self, tok: Token) -> Actor | None: ...
    def country_actor(self, c: Country, role: str | None = None, confidence: float = 0.9) -> Actor: ...
    def org_actor(self, o: Organisation, confidence: float = 0.9) -> Actor: ...
    def person_actor(self, p: Person, confidence: float = 0.9, role: str | None = None) -> Actor: ...
    def country_for_role(self, resolve: str | None, i: int, role_id: str | None = None) -> str | None: ...
    def cover(self, start: int, end: int, actor: Actor) -> None: ...
    def ent_at(self, i: int) -> Span | None: ...
    def match_at(self, i: int) -> Match | None: ...
    def host_country(self, i: int) -> str | None: ...
    def mentions_before(self, i: int) -> Iterator[tuple[int, Actor]]: ...
    def remember_place(self, i: int, place: Place | None) -> None: ...


class PersonNotes(Protocol):
    """Coreference's record of the people the text gives a role (coref.Coreference)."""

    def note_person(self, role_tok: Token, rm: RoleMatch, comp: Actor | None, person: Actor) -> None: ...


class Descriptions(Protocol):
    """The resolution of descriptions (describe.Describer) as coreference and appositions use it."""

    a: ResolvedDoc
    kb: KnowledgeBase
    doc: Doc
    single_country: str | None
    coref: PersonNotes
    roles_at: RoleMemo  # role terms looked up per token position (role_for's per-article memo)

    def complement(self, tok: Token, rm: RoleMatch) -> Actor | None: ...
    def partitive_group(self, tok: Token) -> Token | None: ...
    def phrase_span(self, tok: Token, start: int, end: int) -> tuple[int, int]: ...
    def phrase_text(self, tok: Token, rm: RoleMatch) -> str: ...
    def role_actor_no_name(self, tok: Token, rm: RoleMatch) -> Actor | None: ...
