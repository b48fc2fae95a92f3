"""API fixtures: the app over the session's real store, through the ASGI test client.

``client``: read-only app over the store built by the real pipeline.
``gold_client``: read-only app over the gold-built store (exact, stable bodies).
``writable``: an app with a token over a fresh store of its own (ingest writes to it).
"""
from __future__ import annotations

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
