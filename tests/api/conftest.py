"""API fixtures: the app over the session's real store, through the ASGI test client.

``client``: read-only app over the store built by the real pipeline.
``gold_client``: read-only app over the gold-built store (exact, stable bodies).
``writable``: an app with a token over a fresh store of its own (ingest writes to it).
"""
from __future__ import annotations

import importlib.util
import sys
import warnings
from pathlib import Path

import pytest

from veille.api.main import create_app
from veille.config import Settings
from veille.store import Store

with warnings.catch_warnings():  # starlette suggests httpx2; the test client works the same
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "s3cret-token"


def load_builder():
    name = "veille_tests_evidence_store"
    if name not in sys.modules:
        path = Path(__file__).resolve().parents[1] / "queries" / "evidence_store.py"
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def builder():
    return load_builder()


@pytest.fixture(scope="session")
def store_path(builder, tmp_path_factory) -> Path:
    return builder.pipeline_store(tmp_path_factory)


@pytest.fixture(scope="session")
def ids(builder, store_path) -> dict[str, str]:
    """doc_ids the pipeline gave the seed, its syndicated copy and the hostile article."""
    with Store.open(store_path, create=False) as store:
        return {name: builder.doc_id_by_locator(store, suffix) for name, suffix in
                (("seed", builder.SEED_FILE.name), ("copy", builder.COPY_FILE), ("hostile", builder.HOSTILE_FILE))}


@pytest.fixture(scope="session")
def client(store_path) -> TestClient:
    return TestClient(create_app(Settings(db_path=store_path)))


@pytest.fixture(scope="session")
def gold_client(builder, tmp_path_factory) -> TestClient:
    return TestClient(create_app(Settings(db_path=builder.gold_store(tmp_path_factory))))


@pytest.fixture
def token() -> str:
    return TOKEN


@pytest.fixture
def fresh_store(tmp_path) -> Path:
    path = tmp_path / "fresh.db"
    Store.open(path).close()
    return path


@pytest.fixture
def writable(fresh_store, store_path) -> TestClient:
    """A token-protected app; ``store_path`` first, so the analyser is already loaded in this process."""
    return TestClient(create_app(Settings(db_path=fresh_store, workers=1), token=TOKEN))
