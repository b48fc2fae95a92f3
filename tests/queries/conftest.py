"""Query fixtures: real SQLite stores built once per session (see evidence_store.py).

``store``: the corpus through the real pipeline and analyser. ``gold_store``: the
same corpus with the gold annotations as analyses, for exact counts.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from veille.store import Store


def load_builder():
    """tests/queries/evidence_store.py, loaded once per process (the api and web tests share it)."""
    name = "veille_tests_evidence_store"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("evidence_store.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def builder():
    return load_builder()


@pytest.fixture(scope="session")
def kb():
    from veille.knowledge.kb import KnowledgeBase

    return KnowledgeBase.load()


@pytest.fixture(scope="session")
def store_path(builder, tmp_path_factory) -> Path:
    return builder.pipeline_store(tmp_path_factory)


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
