"""Counts over the whole store, for ``veille stats`` and the API."""
from __future__ import annotations

import sqlite3

from veille.store.articles import count_pending


def _one(conn: sqlite3.Connection, sql: str) -> int:
    return conn.execute(sql).fetchone()[0]


def _grouped(conn: sqlite3.Connection, sql: str) -> dict[str, int]:
    return {("unknown" if key is None else key): n for key, n in conn.execute(sql)}


def store_stats(conn: sqlite3.Connection) -> dict:
    """Plain counts; every key is always present (zero when empty)."""
    duplicates = _grouped(conn, "SELECT duplicate_kind, count(*) FROM articles"
                                " WHERE duplicate_kind IS NOT NULL GROUP BY duplicate_kind")
    return {
        "articles": _one(conn, "SELECT count(*) FROM articles"),
        "by_language": _grouped(conn, "SELECT language, count(*) FROM articles"
                                      " GROUP BY language ORDER BY count(*) DESC, language"),
        "duplicates": {"exact": duplicates.get("exact", 0), "near": duplicates.get("near", 0)},
        "analysed": _one(conn, "SELECT count(*) FROM articles WHERE analysed_at IS NOT NULL"),
        "pending_analysis": count_pending(conn),
        "analysis_errors": _one(conn, "SELECT count(*) FROM articles WHERE analysis_error IS NOT NULL"),
        "events": _one(conn, "SELECT count(*) FROM events"),
        "events_by_type": _grouped(conn, "SELECT type, count(*) FROM events"
                                         " GROUP BY type ORDER BY count(*) DESC, type"),
        "events_by_status": _grouped(conn, "SELECT status, count(*) FROM events"
                                           " GROUP BY status ORDER BY count(*) DESC, status"),
        "quotes": _one(conn, "SELECT count(*) FROM quotes"),
        "timexes": _one(conn, "SELECT count(*) FROM timexes"),
        "entities": _one(conn, "SELECT count(*) FROM entities"),
        "rejections": _one(conn, "SELECT count(*) FROM rejections"),
        "runs": _one(conn, "SELECT count(*) FROM runs"),
    }
