"""Knowledge fixtures: the shipped KB and gazetteer (loaded once), and helpers resolving a text at a date."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from spacy.tokens import Doc, Token

from veille.knowledge.gazetteer import Gazetteer
from veille.knowledge.kb import KnowledgeBase
from veille.knowledge.resolver import DocActors, resolve_doc
from veille.model import Actor, Place


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="session")
def gazetteer(kb) -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="session")
def seed_actors(seed_doc, seed_published, kb, gazetteer):
    return resolve_doc(seed_doc, seed_published, kb, gazetteer)


@pytest.fixture(scope="session")
def resolve(nlp, kb, gazetteer):
    """resolve(text, "2020-09-01") -> (doc, DocActors)."""

    def run(text: str, published: str | None):
        doc = nlp(text)
        day = date.fromisoformat(published) if published else None
        return doc, resolve_doc(doc, day, kb, gazetteer)

    return run



@dataclass
class Resolved:
    """A resolved text, asked by the surface form of a token (the nth one with that text)."""

    doc: Doc
    actors: DocActors

    def token(self, text: str, nth: int = 0) -> Token:
        found = [t for t in self.doc if t.text == text]
        assert len(found) > nth, f"{text!r} not in {self.doc.text!r}"
        return found[nth]

    def actor(self, text: str, nth: int = 0) -> Actor | None:
        return self.actors.actor_for_token(self.token(text, nth))

    def members(self, text: str, nth: int = 0) -> list[str | None]:
        return [a.country for a in self.actors.actors_for_token(self.token(text, nth))]

    def place(self, text: str, nth: int = 0) -> Place | None:
        return self.actors.place_for_token(self.token(text, nth))


@pytest.fixture(scope="session")
def resolved(resolve):
    """resolved(text, "2020-09-01") -> Resolved (doc and actors, looked up by token text)."""

    def run(text: str, published: str | None) -> Resolved:
        return Resolved(*resolve(text, published))

    return run
