"""Knowledge fixtures: the shipped KB and gazetteer (loaded once), and a helper resolving a text at a date."""
from __future__ import annotations

from datetime import date

import pytest

from veille.knowledge.gazetteer import Gazetteer
from veille.knowledge.kb import KnowledgeBase
from veille.knowledge.resolver import resolve_doc


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

