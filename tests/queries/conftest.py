"""Query fixtures: real SQLite stores built once per session (see evidence_store.py).

``store``: the corpus through the real pipeline and analyser. ``gold_store``: the
same corpus with the gold annotations as analyses, for exact counts.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from veille.store import Store


@pytest.fixture(scope="session")
def kb():
    from veille.knowledge.kb import KnowledgeBase

    return KnowledgeBase.load()


@pytest.fixture
def store(store_path):
    with Store.open(store_path, create=False) as opened:
        yield opened


@pytest.fixture(scope="session")
def seed_id(builder, store_path) -> str:
    with Store.open(store_path, create=False) as opened:
        return builder.doc_id_by_locator(opened, builder.SEED_FILE.name)


@pytest.fixture(scope="session")
def copy_id(builder, store_path) -> str:
    with Store.open(store_path, create=False) as opened:
        return builder.doc_id_by_locator(opened, builder.COPY_FILE)


@pytest.fixture
def gold_store(builder, tmp_path_factory):
    with Store.open(builder.gold_store(tmp_path_factory), create=False) as opened:
        yield opened
