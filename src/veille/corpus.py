"""``veille.open(path)``: a store to question from Python, over the queries the CLI and the API use.

    corpus = veille.open("veille.db")
    answer = corpus.dyad("Russie", "junte malienne")     # queries.Dyad: by type, status, month, sources
    corpus.events(actor="Russie", status="alleged").to_pandas()
    corpus.articles(search="Bamako")
    corpus.actor("CNSP")                                 # queries.ActorProfile

A thin facade: each method resolves names (as ``veille dyad`` does) and calls one function
of ``veille.queries``; records are the queries' own frozen dataclasses, lists of them come
as a ``Table`` (``.to_arrow()``, ``.to_pandas()``).
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cache

from veille import queries
from veille.model import EventType, QuadClass, Status
from veille.queries import ActorSelector, EventFilters, EventHit
from veille.store import Store
from veille.tables import Table

ALL = None  # limit=ALL: every matching record
_PAGE = 500


class Corpus:
    """An open veille store, read-only. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | os.PathLike):
        self.path = path
        self._store = Store.open(path, create=False)

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<veille.Corpus {os.fspath(self.path)!r}>"

    @property
    def store(self) -> Store:
        """The underlying ``veille.store.Store`` (for ``veille.queries`` functions not wrapped here)."""
        return self._store

    def stats(self) -> dict:
        return self._store.stats()

    def resolve(self, actor: str | ActorSelector) -> ActorSelector:
        """The actor a name, alias or code means (``Russie``, ``junte malienne``, ``RUS``, ``org:CNSP``)."""
        if isinstance(actor, ActorSelector):
            return actor
        return queries.resolve_actor(self._store, actor, _kb())

    def dyad(self, a: str | ActorSelector, b: str | ActorSelector, *, exact: bool = False,
             evidence_limit: int = 100) -> queries.Dyad:
        """Everything between two actors, both directions: counts by type and status, who says so,
        months, independent sources, and up to ``evidence_limit`` events as evidence."""
        return queries.dyad(self._store, self.resolve(a), self.resolve(b), members=not exact,
                            evidence_limit=evidence_limit)

    def actor(self, name: str | ActorSelector, *, exact: bool = False) -> queries.ActorProfile:
        """An actor's profile: its events as source and target, by type and month, partners, quotes."""
        return queries.actor_profile(self._store, self.resolve(name), members=not exact)

    def actors(self, query: str = "", *, limit: int = 20) -> Table[queries.ActorHit]:
        """Actors whose name or alias matches ``query`` (the most active ones without a query)."""
        return Table(queries.lookup_actors(self._store, query, _kb(), limit=limit))

    def events(self, *, limit: int | None = ALL, sort: str = "date", **filters) -> Table[EventHit]:
        """Events matching every filter (all of them unless ``limit``), oldest first by default.

        Filters: ``actor``, ``source``, ``target`` (names or codes), ``exact`` (no members),
        ``type``, ``status``, ``mode``, ``quad`` (a code or a list of codes), ``date_from``,
        ``date_to`` (ISO, any precision), ``place``, ``country``, ``text`` (words of the evidence),
        ``doc_id``. ``sort``: ``date``, ``-date``, ``confidence``, ``-confidence``."""
        chosen = self._filters(filters)
        if limit is not None and limit <= 0:
            return Table((), total=queries.search_events(self._store, chosen, limit=1).total)
        hits: list[EventHit] = []
        offset, total = 0, 0
        while True:
            size = _PAGE if limit is None else min(_PAGE, limit - len(hits))
            page = queries.search_events(self._store, chosen, limit=size, offset=offset, sort=sort)
            hits.extend(page.items)
            total = page.total
            offset += len(page.items)
            if page.next_offset is None or not page.items or (limit is not None and len(hits) >= limit):
                return Table(hits, total=total)

    def articles(self, search: str | None = None, *, limit: int = 20, offset: int = 0
                 ) -> Table[queries.ArticleSummary]:
        """Articles, newest first, or best full-text match first with ``search``."""
        page = queries.list_articles(self._store, search, limit=limit, offset=offset)
        return Table(page.items, total=page.total)

    def article(self, doc_id: str) -> queries.ArticleView | None:
        """One article with its analysis (``.analysis.events``, ``.quotes``...), or None."""
        return queries.article_view(self._store, doc_id)

    def _filters(self, given: dict) -> EventFilters:
        unknown = set(given) - _FILTERS
        if unknown:
            raise TypeError(f"unknown event filter(s) {', '.join(sorted(unknown))}; "
                            f"use {', '.join(sorted(_FILTERS))}")
        sides = {k: self.resolve(given[k]) for k in ("actor", "source", "target") if given.get(k) is not None}
        return EventFilters(
            **sides, members=not given.get("exact", False),
            types=_codes(EventType, given.get("type")), statuses=_codes(Status, given.get("status")),
            quads=_codes(QuadClass, given.get("quad")), modes=tuple(_many(given.get("mode"))),
            date_from=given.get("date_from"), date_to=given.get("date_to"), place=given.get("place"),
            country=given.get("country"), text=given.get("text"), doc_id=given.get("doc_id"))


_FILTERS = frozenset({"actor", "source", "target", "exact", "type", "status", "mode", "quad", "date_from",
                      "date_to", "place", "country", "text", "doc_id"})


def open(path: str | os.PathLike = "veille.db") -> Corpus:  # noqa: A001  (veille.open, as in sqlite3/shelve)
    """Open the store at ``path`` (made by ``veille ingest``) for questions."""
    return Corpus(path)


def _many(value) -> Iterable:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _codes(enum, value) -> tuple:
    return tuple(v if isinstance(v, enum) else enum(v) for v in _many(value))


@cache
def _kb():
    from veille.knowledge.kb import KnowledgeBase

    return KnowledgeBase.load()
