"""The one count of an actor's events, which every page and the API give for it.

An event counts once whatever side the actor (or one of its members) is on; the actor page,
the search hits, the actor lists and the event search (``search_events(actor=...)``) all
read it from here or from the same clause, so they cannot disagree.

The count reads the events table alone: every event belongs to a stored article (a foreign key,
deleted with it), so the join to articles that the event search makes adds or removes nothing,
and without it the selector is answered from the indexes (migrations 0050, 0061).
"""
from __future__ import annotations

from veille.queries.sqlparts import either_side
from veille.queries.types import ActorSelector


def count_events(store, selector: ActorSelector, *, members: bool = True) -> int:
    """Events with the actor (with ``members``: it or one of its members) on either side."""
    where, params = either_side(selector, members)
    return store.execute(f"SELECT count(*) FROM events AS e WHERE {where}", params).fetchone()[0]


def has_events(store, selector: ActorSelector, *, members: bool = True) -> bool:
    """Whether the actor has at least one event (a link to its page would not be empty)."""
    where, params = either_side(selector, members)
    return store.execute(f"SELECT 1 FROM events AS e WHERE {where} LIMIT 1", params).fetchone() is not None
