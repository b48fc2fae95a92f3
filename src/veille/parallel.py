"""Analysis on N worker processes that share one loaded model.

A fork server loads the model and knowledge once (``veille.parallel_preload``); the N
workers fork from it, so their summed memory (PSS) is about one model, not N.

The main process stays the single SQLite writer: it reads and stores articles, hands
batches to the pool and saves what comes back. ``PoolAnalyzer`` keeps the pipeline's
``Analyzer`` contract (a batch in, one result per article out) and adds ``submit`` so the
pipeline can keep a few batches in flight while it reads and writes the next ones.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor

from veille.config import Settings
from veille.errors import RejectedInput, unexpected
from veille.model import Analysis, Article, Rejection

_WORKER_ANALYZER = None  # one per worker process, built by _init_worker
WATCH_PARENT_S = 0.2  # how often a worker checks that the process it works for still runs


def _exit_with(parent_pid: int) -> None:
    """End this worker as soon as ``parent_pid`` is gone (killed with -9, out of memory): a worker is
    a child of the fork server, not of that process, so nothing else would stop it mid-batch."""
    import psutil

    try:
        parent = psutil.Process(parent_pid)
    except psutil.NoSuchProcess:
        os._exit(1)
    while True:
        time.sleep(WATCH_PARENT_S)
        try:
            if parent.status() == psutil.STATUS_ZOMBIE:
                os._exit(1)
        except psutil.NoSuchProcess:  # also when the pid was reused: psutil checks the start time
            os._exit(1)


def _init_worker(settings_json: str, parent_pid: int | None = None) -> None:
    global _WORKER_ANALYZER
    if parent_pid is not None:
        threading.Thread(target=_exit_with, args=(parent_pid,), name="veille-watch-parent", daemon=True).start()
    from veille.extract.analyze import Analyzer
    from veille.parallel_preload import RESOURCES  # already loaded in the fork server: shared pages

    settings = Settings.model_validate_json(settings_json)
    _WORKER_ANALYZER = Analyzer(RESOURCES, batch_size=settings.batch_size, max_chars=settings.max_text_chars)


def _context() -> mp.context.BaseContext:
    """A fork server that loads the model once; workers fork from it and share its memory."""
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["veille.parallel_preload"])
    return ctx


def analyse_each(analyzer, articles: list[Article]) -> list[Analysis | Rejection]:
    """One result per article, in order: an Analysis, or a Rejection with the reason."""
    try:
        return list(analyzer(articles))
    except Exception:  # noqa: BLE001 - RejectedInput or a bug: isolated article by article below
        pass
    out: list[Analysis | Rejection] = []
    for article in articles:
        try:
            out.extend(analyzer([article]))
        except RejectedInput as exc:
            out.append(Rejection(locator=article.locator, stage=exc.stage or "analyze", reason=exc.reason))
        except Exception as exc:  # noqa: BLE001 - this article's bug costs this article only
            out.append(Rejection(locator=article.locator, stage="analyze", reason=unexpected(exc)))
    return out


def _analyse_in_worker(articles: list[Article]) -> list[Analysis | Rejection]:
    return analyse_each(_WORKER_ANALYZER, articles)


def _chunk_size(batch: int, workers: int) -> int:
    """Articles per task when a batch is split across the workers."""
    return max(1, -(-batch // workers))


def _chunks(items: list, n: int) -> list[list]:
    size = _chunk_size(len(items), n)
    return [items[i:i + size] for i in range(0, len(items), size)]


class PoolAnalyzer:
    """An Analyzer backed by a pool of worker processes forked from a fork server that holds the
    model: N workers cost about one model in memory (PSS), not N. A worker is replaced by a fresh
    fork after ``settings.worker_max_articles`` articles, because the model pages it touches become
    private copies over time (copy-on-write); a fork costs milliseconds, the model is not reloaded."""

    def __init__(self, settings: Settings, workers: int):
        self.settings = settings
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None  # started with the first batch

    def submit(self, articles: list[Article]) -> list[Future]:
        """Start analysing a batch, split across the workers; the futures come back in order."""
        chunks = _chunks(articles, self.workers)
        if self.pool is None:
            tasks = max(1, self.settings.worker_max_articles // _chunk_size(self.settings.batch_size, self.workers))
            self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_context(), max_tasks_per_child=tasks,
                                            initializer=_init_worker,
                                            initargs=(self.settings.model_dump_json(), os.getpid()))
        return [self.pool.submit(_analyse_in_worker, chunk) for chunk in chunks]

    def __call__(self, articles: list[Article]) -> list[Analysis | Rejection]:
        return [r for fut in self.submit(articles) for r in fut.result()]

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> "PoolAnalyzer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
