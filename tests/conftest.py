"""Fixtures shared by the whole suite: the real spaCy model (loaded once) and real documents."""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

# Commands under test analyse in this process (sharing the session's model); the pool of
# worker processes has its own tests (tests/test_parallel.py).
os.environ.setdefault("VEILLE_WORKERS", "1")

from testdata import DATA, GOLD_DIR, SEED_PATH, WIKINEWS_DIR  # noqa: F401  (re-exported for fixtures)


@pytest.fixture(scope="session")
def nlp():
    from veille.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads((GOLD_DIR / "seed-000.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_text(seed_gold) -> str:
    return seed_gold["text"]


@pytest.fixture(scope="session")
def seed_doc(nlp, seed_text):
    return nlp(seed_text)


@pytest.fixture(scope="session")
def seed_published() -> date:
    return date(2020, 9, 1)


@pytest.fixture(scope="session")
def builder():
    """tests/evidence_store.py: the real-pipeline store the query, API and web tests share."""
    import evidence_store

    return evidence_store


@pytest.fixture(scope="session")
def store_path(builder, tmp_path_factory) -> Path:
    return builder.pipeline_store(tmp_path_factory)


@pytest.fixture(scope="session")
def ids(builder, store_path) -> dict[str, str]:
    """doc_ids the pipeline gave the seed, its syndicated copy and the hostile article."""
    from veille.store import Store

    with Store.open(store_path, create=False) as store:
        return {name: builder.doc_id_by_locator(store, suffix) for name, suffix in
                (("seed", builder.SEED_FILE.name), ("copy", builder.COPY_FILE), ("hostile", builder.HOSTILE_FILE))}
