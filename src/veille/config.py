"""One validated settings object, passed in, never global."""
from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, Field

DEFAULT_DB = "veille.db"
USER_AGENT = "veille/0.1 (+news monitoring; https://github.com/veille)"


class FetchSettings(BaseModel):
    timeout_s: float = Field(15.0, gt=0)
    max_bytes: int = Field(10_000_000, gt=0)
    per_host_interval_s: float = Field(1.0, ge=0)
    user_agent: str = USER_AGENT
    fetch_linked_pages: bool = True
    # loopback, private, link-local and metadata addresses are refused unless this is set
    # (--allow-private-urls, VEILLE_ALLOW_PRIVATE_URLS=1): a local test server, an intranet
    allow_private_urls: bool = False


class Settings(BaseModel):
    db_path: Path = Path(DEFAULT_DB)
    workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1)
    batch_size: int = Field(64, ge=1)
    # an analysis worker is replaced by a fresh fork of the model server after this many articles:
    # its memory grows as it copies the shared model pages it touches (copy-on-write)
    worker_max_articles: int = Field(500, ge=1)
    max_input_bytes: int = Field(50_000_000, gt=0)
    max_text_chars: int = Field(1_000_000, gt=0)
    languages: tuple[str, ...] = ("fr", "en", "ar", "es", "pt", "de")
    near_duplicate_threshold: float = Field(0.8, gt=0, le=1)
    analyze: bool = True
    # the HTTP API's budget per read request: past it the work stops and the answer is a 503
    request_budget_s: float = Field(5.0, gt=0)
    fetch: FetchSettings = FetchSettings()

    @classmethod
    def from_env(cls, db: str | os.PathLike | None = None, **overrides) -> "Settings":
        """Settings with the store path from the argument, else $VEILLE_DB, else ./veille.db;
        the number of analysis processes from $VEILLE_WORKERS unless given."""
        path = db or os.environ.get("VEILLE_DB") or DEFAULT_DB
        if overrides.get("workers") is None and os.environ.get("VEILLE_WORKERS"):
            overrides["workers"] = int(os.environ["VEILLE_WORKERS"])
        if os.environ.get("VEILLE_ALLOW_PRIVATE_URLS", "").strip().lower() in ("1", "true", "yes"):
            fetch = overrides.get("fetch") or FetchSettings()
            overrides["fetch"] = fetch.model_copy(update={"allow_private_urls": True})
        overrides = {k: v for k, v in overrides.items() if v is not None}
        return cls(db_path=Path(path), **overrides)
