"""Saving and loading the analysis of an article (entities, mentions, events, quotes, timexes).

Functions take an open connection; ``Store`` (db.py) owns transactions.
"""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable

from veille.model import Analysis, Span
from veille.store import rows

ANALYSIS_TABLES = ("mentions", "entities", "events", "quotes", "timexes")
_CHUNK = 500


def save_analysis(conn: sqlite3.Connection, analysis: Analysis, *, now: str) -> None:
    """Replace the stored analysis of one article (inside the caller's transaction)."""
    doc_id = analysis.doc_id
    found = conn.execute("SELECT 1 FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
    if found is None:
        raise ValueError(f"analysis for {doc_id!r}, which is not a stored article")
    for table in ANALYSIS_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
    _insert_many(conn, "entities", [rows.entity_values(doc_id, i, e) for i, e in enumerate(analysis.entities)])
    _insert_many(conn, "mentions", [m for e in analysis.entities for m in rows.mention_values(doc_id, e)])
    _insert_many(conn, "events", [rows.event_values(doc_id, i, e) for i, e in enumerate(analysis.events)])
    _insert_many(conn, "quotes", [rows.quote_values(doc_id, i, q) for i, q in enumerate(analysis.quotes)])
    _insert_many(conn, "timexes", [rows.timex_values(doc_id, i, t) for i, t in enumerate(analysis.timexes)])
    conn.execute(
        "UPDATE articles SET analysed_at = ?, analysis_versions = ?, analysis_error = NULL"
        " WHERE doc_id = ?", (now, rows.dumps(dict(analysis.versions)), doc_id))


def _insert_many(conn: sqlite3.Connection, table: str, values: list[dict]) -> None:
    if values:
        conn.executemany(rows.insert_sql(table, list(values[0])), values)


def record_error(conn: sqlite3.Connection, doc_id: str, reason: str) -> None:
    """Take an article out of the analysis queue, saying why (inside the caller's transaction)."""
    conn.execute("UPDATE articles SET analysis_error = ? WHERE doc_id = ?", (reason, doc_id))


def load_analyses(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> dict[str, Analysis]:
    """The stored analyses of the given articles; articles never analysed are absent."""
    found: dict[str, Analysis] = {}
    ids = list(doc_ids)
    for start in range(0, len(ids), _CHUNK):
        found |= _load_chunk(conn, ids[start:start + _CHUNK])
    return found


def _load_chunk(conn: sqlite3.Connection, doc_ids: list[str]) -> dict[str, Analysis]:
    param = (json.dumps(doc_ids),)
    in_chunk = "doc_id IN (SELECT value FROM json_each(?))"
    versions = {r["doc_id"]: json.loads(r["analysis_versions"] or "{}") for r in conn.execute(
        f"SELECT doc_id, analysis_versions FROM articles WHERE {in_chunk} AND analysed_at IS NOT NULL",
        param)}
    parts: dict[str, dict[str, list]] = {d: defaultdict(list) for d in versions}

    def collect(table: str, build) -> None:
        for row in conn.execute(f"SELECT * FROM {table} WHERE {in_chunk} ORDER BY doc_id, idx", param):
            if row["doc_id"] in parts:
                parts[row["doc_id"]][table].append(build(row))

    collect("events", rows.event_from_row)
    collect("quotes", rows.quote_from_row)
    collect("timexes", rows.timex_from_row)
    mentions: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for row in conn.execute(f"SELECT * FROM mentions WHERE {in_chunk} ORDER BY doc_id, entity_id,"
                            " start_char, end_char", param):
        mentions[row["doc_id"], row["entity_id"]].append(
            Span(row["start_char"], row["end_char"], row["text"]))
    collect("entities", lambda r: rows.entity_from_row(r, tuple(mentions[r["doc_id"], r["entity_id"]])))
    return {
        doc_id: Analysis(doc_id=doc_id, events=tuple(p["events"]), quotes=tuple(p["quotes"]),
                         timexes=tuple(p["timexes"]), entities=tuple(p["entities"]),
                         versions=versions[doc_id])
        for doc_id, p in parts.items()
    }
