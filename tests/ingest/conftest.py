"""Fixtures for the ingest tests: real corpus files (tests/data copies), settings, and a real
HTTP server on 127.0.0.1 that serves feeds and pages (and can be slow on purpose)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from local_http import LocalServer

from veille.config import FetchSettings, Settings

DATA = Path(__file__).parents[1] / "data"
SEED_PATH = DATA / "corpus" / "seed" / "mali-russie-junte-2020-09-01.txt"
WIKINEWS_DIR = DATA / "corpus" / "wikinews-fr-2012"
WIKINEWS_HTML = WIKINEWS_DIR / "html"
WIKINEWS_JSONL = WIKINEWS_DIR / "articles.jsonl"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED_PATH


@pytest.fixture(scope="session")
def wikinews_html() -> list[Path]:
    return sorted(WIKINEWS_HTML.glob("*.html"))


@pytest.fixture(scope="session")
def wikinews_jsonl() -> Path:
    return WIKINEWS_JSONL


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings(fetch=FetchSettings(timeout_s=2.0, per_host_interval_s=0.0, allow_private_urls=True))


@pytest.fixture(scope="session")
def wikinews_records() -> dict[str, dict]:
    """The JSONL records by numeric id ("44510")."""
    records = {}
    for line in WIKINEWS_JSONL.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        records[record["id"].removeprefix("wikinews-")] = record
    return records


@pytest.fixture(scope="session")
def local_server():
    server = LocalServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()
