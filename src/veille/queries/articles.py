"""Articles: lists and full-text search with event counts, and one article with all its annotations."""
from __future__ import annotations

import json
from dataclasses import dataclass

from veille.model import Analysis, Article
from veille.queries.sqlparts import placeholders
from veille.store.articles import fts_query

MAX_LIMIT = 200


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    doc_id: str
    title: str
    published: str | None
    url: str | None
    language: str | None
    duplicate_of: str | None
    duplicate_kind: str | None
    analysed: bool
    events: int


@dataclass(frozen=True, slots=True)
class ArticlePage:
    items: tuple[ArticleSummary, ...]
    total: int
    limit: int
    offset: int
    search: str | None = None

    @property
    def next_offset(self) -> int | None:
        end = self.offset + len(self.items)
        return end if end < self.total else None


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One article with its stored analysis (an exact copy shows its original's analysis)."""

    article: Article
    ingested_at: str
    duplicate_of: str | None
    duplicate_kind: str | None
    analysed_at: str | None
    analysis_versions: dict
    analysis: Analysis | None
    copies: tuple[str, ...] = ()


_SUMMARY = ("a.doc_id, a.title, a.published, a.url, a.language, a.duplicate_of, a.duplicate_kind,"
            " a.analysed_at IS NOT NULL AS analysed")


def list_articles(store, search: str | None = None, *, limit: int = 20, offset: int = 0) -> ArticlePage:
    """Newest first, or best full-text match first (title counts more than body) when searching."""
    limit, offset = max(1, min(limit, MAX_LIMIT)), max(0, offset)
    search = search.strip() if search else None
    if search:
        match = fts_query(search)  # raises RejectedInput when there is no word to search
        total = store.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                              (match,)).fetchone()[0]
        rows = store.execute(
            f"SELECT {_SUMMARY} FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 5.0, 1.0), a.id LIMIT ? OFFSET ?",
            (match, limit, offset)).fetchall()
    else:
        total = store.execute("SELECT count(*) FROM articles").fetchone()[0]
        rows = store.execute(f"SELECT {_SUMMARY} FROM articles AS a"
                             " ORDER BY a.published DESC NULLS LAST, a.id DESC LIMIT ? OFFSET ?",
                             (limit, offset)).fetchall()
    counts = _event_counts(store, [r["doc_id"] for r in rows])
    items = tuple(ArticleSummary(r["doc_id"], r["title"], r["published"], r["url"], r["language"],
                                 r["duplicate_of"], r["duplicate_kind"], bool(r["analysed"]),
                                 counts.get(r["doc_id"], 0)) for r in rows)
    return ArticlePage(items, total, limit, offset, search)


def _event_counts(store, doc_ids: list[str]) -> dict[str, int]:
    if not doc_ids:
        return {}
    rows = store.execute(f"SELECT doc_id, count(*) FROM events WHERE doc_id IN ({placeholders(doc_ids)})"
                         " GROUP BY doc_id", doc_ids)
    return dict(rows.fetchall())


def article_view(store, doc_id: str) -> ArticleView | None:
    record = store.get_record(doc_id)
    if record is None:
        return None
    analysis = store.load_analysis(doc_id)
    if analysis is None and record.duplicate_kind == "exact" and record.duplicate_of:
        original = store.get_article(record.duplicate_of)
        if original is not None and original.text == record.article.text:
            analysis = store.load_analysis(record.duplicate_of)
    copies = tuple(r[0] for r in store.execute(
        "SELECT doc_id FROM articles WHERE duplicate_of = ? ORDER BY id", (doc_id,)))
    return ArticleView(article=record.article, ingested_at=record.ingested_at,
                       duplicate_of=record.duplicate_of, duplicate_kind=record.duplicate_kind,
                       analysed_at=record.analysed_at, analysis_versions=dict(record.analysis_versions),
                       analysis=analysis, copies=copies)


def latest_runs(store, limit: int = 5) -> list[dict]:
    rows = store.execute("SELECT id, command, started, finished, counts FROM runs ORDER BY id DESC LIMIT ?",
                         (limit,))
    return [{"id": r["id"], "command": r["command"], "started": r["started"], "finished": r["finished"],
             "counts": json.loads(r["counts"] or "{}")} for r in rows]
