"""Storing articles: duplicate detection at insert time, and the article queries.

Functions take an open connection; ``Store`` (db.py) owns transactions.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field

from veille.errors import RejectedInput
from veille.ingest.dedup import NearDuplicateIndex, minhash_signature
from veille.model import Article
from veille.store.rows import ARTICLE_COLUMNS, article_from_row, article_values, insert_sql

ANALYSED_LANGUAGE = "fr"

# Keep identical to the WHERE of the articles_pending index (migrations/0001).
PENDING = ("analysed_at IS NULL AND analysis_error IS NULL"
           " AND language = 'fr' AND duplicate_kind IS NOT 'exact'")

_INSERT = insert_sql("articles", ARTICLE_COLUMNS + (
    "run_id", "ingested_at", "duplicate_of", "duplicate_kind", "minhash"))


@dataclass(frozen=True, slots=True)
class AddResult:
    """What ``Store.add_articles`` did with one batch."""

    new: tuple[str, ...] = ()                                # doc_ids stored now, of any kind
    duplicates_exact: tuple[tuple[str, str], ...] = ()      # (doc_id, original): identical text
    duplicates_near: tuple[tuple[str, str], ...] = ()       # same text up to case/spacing, or MinHash
    non_french: tuple[str, ...] = ()                         # among new; stored, not analysed
    already_stored: tuple[str, ...] = ()                     # skipped: doc_id was already there
    to_analyse: tuple[Article, ...] = ()                     # French, not exact copies, not analysed


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article with what the store knows about it."""

    article: Article
    ingested_at: str
    duplicate_of: str | None = None
    duplicate_kind: str | None = None
    analysed_at: str | None = None
    analysis_versions: dict[str, str] = field(default_factory=dict)
    analysis_error: str | None = None


@dataclass(slots=True)
class _Batch:
    """Mutable tally while one batch is being inserted."""

    new: list[str] = field(default_factory=list)
    exact: list[tuple[str, str]] = field(default_factory=list)
    near: list[tuple[str, str]] = field(default_factory=list)
    non_french: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    to_analyse: dict[str, Article] = field(default_factory=dict)

    def result(self) -> AddResult:
        return AddResult(tuple(self.new), tuple(self.exact), tuple(self.near),
                         tuple(self.non_french), tuple(self.already), tuple(self.to_analyse.values()))


def insert_batch(conn: sqlite3.Connection, batch: list[Article], index: NearDuplicateIndex,
                 *, run_id: int | None, now: str) -> AddResult:
    """Insert the articles of ``batch`` not stored yet (inside the caller's transaction)."""
    tally = _Batch()
    stored = _stored_states(conn, [a.doc_id for a in batch])
    for article in batch:
        if article.doc_id in stored or article.doc_id in tally.new:
            tally.already.append(article.doc_id)
            if stored.get(article.doc_id):  # stored earlier, still waiting for analysis
                tally.to_analyse.setdefault(article.doc_id, get_article(conn, article.doc_id))
            continue
        _insert_one(conn, article, index, tally, run_id=run_id, now=now)
    return tally.result()


def _stored_states(conn: sqlite3.Connection, doc_ids: list[str]) -> dict[str, bool]:
    """doc_id -> whether it still waits for analysis, for those already stored."""
    rows = conn.execute(
        f"SELECT doc_id, ({PENDING}) FROM articles"
        " WHERE doc_id IN (SELECT value FROM json_each(?))", (json.dumps(doc_ids),))
    return {doc_id: bool(pending) for doc_id, pending in rows}


def _insert_one(conn: sqlite3.Connection, article: Article, index: NearDuplicateIndex,
                tally: _Batch, *, run_id: int | None, now: str) -> None:
    values = article_values(article) | {"run_id": run_id, "ingested_at": now, "minhash": None,
                                        "duplicate_of": None, "duplicate_kind": None}
    original, same_text = find_original_by_hash(conn, article.content_hash, article.text)
    if not same_text:
        values["minhash"] = minhash_signature(article.text)
        original = original or _near_original(conn, index.query(values["minhash"]))
    if original is not None:
        kind = "exact" if same_text else "near"
        values |= {"duplicate_of": original, "duplicate_kind": kind}
        (tally.exact if same_text else tally.near).append((article.doc_id, original))
    conn.execute(_INSERT, values)
    if original is None:
        index.add(article.doc_id, values["minhash"])
    tally.new.append(article.doc_id)
    if article.language != ANALYSED_LANGUAGE:
        tally.non_french.append(article.doc_id)
    elif not same_text:
        tally.to_analyse[article.doc_id] = article


def find_original_by_hash(conn: sqlite3.Connection, content_hash: str, text: str) -> tuple[str | None, bool]:
    """The original with this content hash, and whether its text is identical to ``text``.

    Equal hashes with different texts (case, white space) make a near duplicate:
    it is analysed on its own text, since offsets differ.
    """
    row = conn.execute("SELECT doc_id, text = ? FROM articles WHERE content_hash = ? AND duplicate_of IS NULL",
                       (text, content_hash)).fetchone()
    return (row[0], bool(row[1])) if row else (None, False)


def _near_original(conn: sqlite3.Connection, candidates: list[str]) -> str | None:
    """The earliest stored of the candidates (the index may hold rolled-back ids)."""
    if not candidates:
        return None
    row = conn.execute(
        "SELECT doc_id FROM articles WHERE doc_id IN (SELECT value FROM json_each(?))"
        " AND duplicate_of IS NULL ORDER BY id LIMIT 1", (json.dumps(list(candidates)),)).fetchone()
    return row[0] if row else None


def load_near_index(conn: sqlite3.Connection, threshold: float) -> NearDuplicateIndex:
    """An index of the signatures of every stored original (copies are linked, not indexed)."""
    index = NearDuplicateIndex(threshold=threshold)
    rows = conn.execute(
        "SELECT doc_id, minhash FROM articles WHERE duplicate_of IS NULL AND minhash IS NOT NULL")
    for doc_id, signature in rows:
        index.add(doc_id, signature)
    return index


# --------------------------------------------------------------------------- queries


def get_article(conn: sqlite3.Connection, doc_id: str) -> Article | None:
    row = conn.execute("SELECT * FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
    return article_from_row(row) if row else None


def get_record(conn: sqlite3.Connection, doc_id: str) -> StoredArticle | None:
    row = conn.execute("SELECT * FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
    return stored_from_row(row) if row else None


def stored_from_row(row: sqlite3.Row) -> StoredArticle:
    return StoredArticle(
        article=article_from_row(row),
        ingested_at=row["ingested_at"],
        duplicate_of=row["duplicate_of"],
        duplicate_kind=row["duplicate_kind"],
        analysed_at=row["analysed_at"],
        analysis_versions=json.loads(row["analysis_versions"] or "{}"),
        analysis_error=row["analysis_error"],
    )


def pending(conn: sqlite3.Connection, limit: int, after: str | None = None) -> list[Article]:
    rows = conn.execute(
        f"SELECT * FROM articles INDEXED BY articles_pending WHERE {PENDING} AND doc_id > ?"
        " ORDER BY doc_id LIMIT ?",
        (after or "", limit))
    return [article_from_row(row) for row in rows]


def outdated_clause(versions: dict[str, str], since: str | None) -> tuple[str, list]:
    """SQL condition for analysed articles made by other versions (or by version ``since``)."""
    if since is not None:
        keys = [f"json_extract(analysis_versions, '$.{k}') = ?" for k in versions]
        return f"analysed_at IS NOT NULL AND ({' OR '.join(keys)})", [since] * len(versions)
    keys = [f"json_extract(analysis_versions, '$.{k}') IS NOT ?" for k in versions]
    return f"analysed_at IS NOT NULL AND ({' OR '.join(keys)})", list(versions.values())


def outdated(conn: sqlite3.Connection, versions: dict[str, str], since: str | None, limit: int,
             after: str | None = None) -> list[Article]:
    where, params = outdated_clause(versions, since)
    rows = conn.execute(f"SELECT * FROM articles WHERE {where} AND doc_id > ? ORDER BY doc_id LIMIT ?",
                        (*params, after or "", limit))
    return [article_from_row(row) for row in rows]


def count_outdated(conn: sqlite3.Connection, versions: dict[str, str], since: str | None) -> int:
    where, params = outdated_clause(versions, since)
    return conn.execute(f"SELECT count(*) FROM articles WHERE {where}", params).fetchone()[0]


def count_pending(conn: sqlite3.Connection) -> int:
    return conn.execute(f"SELECT count(*) FROM articles INDEXED BY articles_pending WHERE {PENDING}"
                        ).fetchone()[0]


def iter_stored(conn: sqlite3.Connection, search: str | None = None, *, limit: int | None = None,
                offset: int = 0, newest_first: bool = True) -> Iterator[StoredArticle]:
    """Stored articles: FTS matches best first, else by date (or ingestion order)."""
    page = (-1 if limit is None else limit, offset)
    if search is not None:
        sql = ("SELECT a.* FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid"
               " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 5.0, 1.0), a.id"
               " LIMIT ? OFFSET ?")
        cursor = conn.execute(sql, (fts_query(search), *page))
    else:
        order = "published DESC NULLS LAST, id DESC" if newest_first else "id"
        cursor = conn.execute(f"SELECT * FROM articles ORDER BY {order} LIMIT ? OFFSET ?", page)
    for row in cursor:
        yield stored_from_row(row)


_WORD = re.compile(r"\w")


def fts_query(text: str) -> str:
    """User words as an FTS5 query: every word must occur; ``word*`` matches a prefix.

    Each word is quoted as an FTS5 string, so operators and punctuation typed
    by a person (``AND``, ``"``, ``-``, ``:``) are searched for, never parsed.
    """
    terms = []
    for word in text.split():
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if _WORD.search(word):
            terms.append('"' + word.replace('"', '""') + '"' + ("*" if prefix else ""))
    if not terms:
        raise RejectedInput(f"nothing to search for in {text!r}: give at least one word")
    return " ".join(terms)
