"""What the app holds for its whole life: settings, the token, per-thread stores, lazily loaded resources.

A ``Store`` is one SQLite connection that must stay in the thread that opened it;
request handlers run in a pool of worker threads, so each worker thread opens its
own read connection once and keeps it (WAL mode: readers see each commit).
"""
from __future__ import annotations

import atexit
import gc
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request

from veille.config import Settings
from veille.store import Store


class StoreProvider:
    """One open ``Store`` per thread, opened on first use."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._local = threading.local()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store.open(self.settings.db_path, create=False,
                               near_threshold=self.settings.near_duplicate_threshold)
            self._local.store = store
        return store


def load_kb() -> Any:
    from veille.knowledge.kb import KnowledgeBase

    return KnowledgeBase.load()


@dataclass
class AppState:
    settings: Settings
    token: str | None
    stores: StoreProvider
    analyzer_factory: Callable[[Settings], Any] | None = None
    kb_loader: Callable[[], Any] | None = load_kb
    _kb: Any = None
    _kb_loaded: bool = False
    _analyzer: Any = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def writable(self) -> bool:
        return self.token is not None

    def kb(self) -> Any:
        """The knowledge base for alias lookups (loaded once; None when there is none to load)."""
        with self._lock:
            if not self._kb_loaded:
                self._kb = self.kb_loader() if self.kb_loader else None
                self._kb_loaded = True
                settle()
        return self._kb

    def analyzer(self) -> Any:
        """The analyser for POST /api/ingest (the spaCy model loads on first use)."""
        with self._lock:
            if self._analyzer is None and self.analyzer_factory is not None and self.settings.analyze:
                self._analyzer = self.analyzer_factory(self.settings)
                settle()
        return self._analyzer


def settle() -> None:
    """Keep what the app has loaded for its whole life (the knowledge base, the model) out of the
    garbage collector's full passes: each pass would walk all of it again, tens of milliseconds
    taken from whichever request triggers it (at 10,000 articles, one dyad request in ten with
    500 evidence rows took 60 ms more; bench/results/api.md). Objects loaded later are collected
    as usual. At exit they are handed back to the collector (extension modules check what is freed)."""
    gc.collect()
    gc.freeze()
    atexit.unregister(gc.unfreeze)
    atexit.register(gc.unfreeze)


def app_state(request: Request) -> AppState:
    return request.app.state.veille


def store_of(request: Request) -> Store:
    """This thread's store. Call it inside a sync handler (which runs in one worker thread)."""
    return app_state(request).stores.get()
