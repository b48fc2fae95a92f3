"""The SQLite store: one file, WAL mode, versioned schema, one transaction per batch.

    with Store.open("veille.db") as store:
        result = store.add_articles(batch)          # one transaction
        store.save_analyses(analyses)               # one transaction
        store.load_analysis("seed-000")

A process killed at any point leaves the file consistent: a batch is either
fully stored or not at all, and running the same command again finishes the job.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from os import PathLike
from pathlib import Path

from veille import budget
from veille.errors import RejectedInput
from veille.model import Analysis, Article, Rejection
from veille.store import analyses as analyses_sql
from veille.store import articles as articles_sql
from veille.store.articles import AddResult, StoredArticle
from veille.store.schema import migrate
from veille.store.stats import store_stats

BUSY_TIMEOUT_MS = 30_000


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """An open veille store. Not shared between threads; open one per process or thread."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, near_threshold: float = 0.8):
        self._conn = conn
        self.path = path
        self.near_threshold = near_threshold
        self._near_index = None  # built from the stored signatures on first insert

    @classmethod
    def open(cls, path: str | PathLike, *, create: bool = True, near_threshold: float = 0.8) -> "Store":
        """Open (and with ``create``, make) the store at ``path``, applying missing migrations."""
        path = Path(path)
        if not create and not path.is_file():
            raise RejectedInput(f"no store at {path}; run `veille ingest SOURCE --db {path}` first")
        if create and not path.parent.is_dir():
            raise RejectedInput(f"cannot create a store at {path}: folder {path.parent} does not exist")
        conn = None
        try:
            conn = sqlite3.connect(path, isolation_level=None)
            _configure(conn)
            migrate(conn)
            budget.guard(conn)  # a statement stops once the current work's budget is spent
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            raise RejectedInput(f"{path} is not a usable veille store ({exc}); "
                                "give another --db path") from exc
        conn.row_factory = sqlite3.Row
        return cls(conn, path, near_threshold=near_threshold)

    def close(self) -> None:
        try:
            self._conn.execute("PRAGMA busy_timeout = 100")
            self._conn.execute("PRAGMA optimize")  # keeps the planner's statistics fresh; cheap
        except sqlite3.OperationalError:
            pass  # e.g. another process holds the write lock: skip, it is only an optimisation
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; rolled back entirely if anything goes wrong."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            self._near_index = None  # may hold signatures of rows just rolled back
            raise
        self._conn.execute("COMMIT")

    def execute(self, sql: str, params: Sequence | dict = ()) -> sqlite3.Cursor:
        """Run a read query (for the api/ and cli/ layers' own reports)."""
        return self._conn.execute(sql, params)

    # ----------------------------------------------------------------- articles

    def add_articles(self, batch: list[Article], *, run_id: int | None = None) -> AddResult:
        """Store a batch in one transaction, linking exact and near duplicates to their original."""
        if self._near_index is None:
            self._near_index = articles_sql.load_near_index(self._conn, self.near_threshold)
        with self._write() as conn:
            return articles_sql.insert_batch(conn, batch, self._near_index, run_id=run_id, now=utc_now())

    def get_article(self, doc_id: str) -> Article | None:
        return articles_sql.get_article(self._conn, doc_id)

    def get_record(self, doc_id: str) -> StoredArticle | None:
        """The article with its duplicate link and analysis bookkeeping."""
        return articles_sql.get_record(self._conn, doc_id)

    def iter_articles(self, search: str | None = None, *, limit: int | None = None, offset: int = 0,
                      newest_first: bool = True) -> Iterator[StoredArticle]:
        """Stored articles, streamed: full-text ``search`` (all words, best first) or all by date."""
        return articles_sql.iter_stored(self._conn, search, limit=limit, offset=offset,
                                        newest_first=newest_first)

    def pending_analysis(self, limit: int, *, after: str | None = None) -> list[Article]:
        """French articles, not exact copies, neither analysed nor rejected by the analyser.

        Ordered by doc_id; pass the last doc_id seen as ``after`` to page on.
        """
        return articles_sql.pending(self._conn, limit, after)

    def count_pending_analysis(self) -> int:
        return articles_sql.count_pending(self._conn)

    def outdated_analysis(self, versions: dict[str, str], limit: int, *, since: str | None = None,
                          after: str | None = None) -> list[Article]:
        """Analysed articles whose recorded versions differ from ``versions`` (with ``since``:
        those made by that version of any component). Ordered by doc_id; page with ``after``."""
        return articles_sql.outdated(self._conn, versions, since, limit, after)

    def count_outdated_analysis(self, versions: dict[str, str], *, since: str | None = None) -> int:
        return articles_sql.count_outdated(self._conn, versions, since)

    # ----------------------------------------------------------------- analyses

    def save_analyses(self, analyses: Iterable[Analysis]) -> int:
        """Replace the stored analysis of each article, all in one transaction."""
        now, count = utc_now(), 0
        with self._write() as conn:
            for analysis in analyses:
                analyses_sql.save_analysis(conn, analysis, now=now)
                count += 1
        return count

    def record_analysis_errors(self, errors: Iterable[tuple[str, str]]) -> None:
        """Mark (doc_id, reason) pairs as rejected by the analyser, out of the queue."""
        with self._write() as conn:
            for doc_id, reason in errors:
                analyses_sql.record_error(conn, doc_id, reason)

    def clear_analysis_errors(self) -> int:
        """Put the articles the analyser rejected back in the queue; returns how many."""
        with self._write() as conn:
            return conn.execute(
                "UPDATE articles SET analysis_error = NULL WHERE analysis_error IS NOT NULL").rowcount

    def load_analysis(self, doc_id: str) -> Analysis | None:
        """The stored analysis, or None if the article was never analysed."""
        return analyses_sql.load_analyses(self._conn, [doc_id]).get(doc_id)

    def load_analyses(self, doc_ids: Iterable[str]) -> dict[str, Analysis]:
        return analyses_sql.load_analyses(self._conn, doc_ids)

    # ----------------------------------------------------------------- runs, rejections, stats

    def start_run(self, command: str, specs: Iterable[str] = ()) -> int:
        with self._write() as conn:
            cursor = conn.execute("INSERT INTO runs(command, specs, started) VALUES (?, ?, ?)",
                                  (command, json.dumps(list(specs), ensure_ascii=False), utc_now()))
            return cursor.lastrowid

    def finish_run(self, run_id: int, counts: dict) -> None:
        with self._write() as conn:
            conn.execute("UPDATE runs SET finished = ?, counts = ? WHERE id = ?",
                         (utc_now(), json.dumps(counts, ensure_ascii=False), run_id))

    def mark_running(self, run_id: int, owner: dict) -> None:
        """Record which process runs ``run_id`` (pid, host, start time) until it finishes, so that a
        later run can tell a killed one (``unfinished_runs``)."""
        with self._write() as conn:
            conn.execute("UPDATE runs SET counts = ? WHERE id = ? AND finished IS NULL",
                         (json.dumps({"owner": owner}), run_id))

    def unfinished_runs(self) -> list[tuple[int, dict]]:
        """(run id, what it recorded) of every run not marked finished: running, or killed."""
        rows = self._conn.execute("SELECT id, counts FROM runs WHERE finished IS NULL ORDER BY id").fetchall()
        return [(row[0], json.loads(row[1]) if row[1] else {}) for row in rows]

    def add_rejections(self, run_id: int | None, rejections: Iterable[Rejection]) -> None:
        now = utc_now()
        values = [(run_id, r.locator, r.stage, r.reason, now) for r in rejections]
        if values:
            with self._write() as conn:
                conn.executemany(
                    "INSERT INTO rejections(run_id, locator, stage, reason, at) VALUES (?, ?, ?, ?, ?)",
                    values)

    def rejections(self, run_id: int | None = None) -> list[Rejection]:
        sql, params = "SELECT locator, stage, reason FROM rejections", ()
        if run_id is not None:
            sql, params = sql + " WHERE run_id = ?", (run_id,)
        return [Rejection(*row) for row in self._conn.execute(sql + " ORDER BY id", params)]

    def stats(self) -> dict:
        return store_stats(self._conn)


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise sqlite3.DatabaseError(f"cannot switch to WAL mode (got {mode})")
    conn.execute("PRAGMA synchronous = NORMAL")  # with WAL: consistent after a crash
    conn.execute("PRAGMA foreign_keys = ON")
