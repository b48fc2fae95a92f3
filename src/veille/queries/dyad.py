"""A dyad: every event between two actors, in both directions, as an answer with its evidence.

    answer = dyad(store, resolve_actor(store, "Russie", kb), resolve_actor(store, "junte malienne", kb))
    answer.by_type      # per (direction, type): counts by status, articles, independent sources, dates
    answer.evidence     # the events themselves, oldest first, each with doc_id and offsets

The answer counts every event; only the page of evidence asked for (``evidence_limit``
from ``evidence_offset``) is built into full records.
"""
from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from veille import budget
from veille.model import QUAD_CLASS, EventType, QuadClass, Status
from veille.queries.aggregate import EVENT_TYPE_ORDER, breakdown, by_month, group, source_articles
from veille.queries.quotes import quotes_between
from veille.queries.sqlparts import (
    COL,
    EVENT_COLUMNS,
    EVENT_DATE,
    EVENT_FROM,
    EVENT_TYPES,
    STATUSES,
    actor_clause,
    event_from_row,
    placeholders,
)
from veille.queries.types import ActorSelector, Dyad, EventHit, TypeSummary

DEFAULT_EVIDENCE_LIMIT = 100


class EventKey(NamedTuple):
    """What the answer needs of one event (the fields of EventHit the aggregates read)."""

    id: int
    direction: str
    type: EventType
    quad: QuadClass
    status: Status
    doc_id: str
    idx: int
    date: str | None
    duplicate_of: str | None
    title: str
    url: str | None
    published: str | None
    attributed: str | None
    partial: bool = False
    in_title: bool = False


_LIGHT = ("e.id, e.type, e.status, e.doc_id, e.idx, {date}, a.duplicate_of, a.title, a.url, a.published,"
          " e.attributed_name, e.evidence_in")


def dyad_rows(store, a: ActorSelector, b: ActorSelector, *, members: bool = True) -> list[EventKey]:
    """Every event from a to b ("ab") or from b to a ("ba"), oldest first (what the answer counts)."""
    out: list[EventKey] = []
    seen: set[int] = set()
    columns = _LIGHT.format(date=EVENT_DATE)
    for direction, source, target in (("ab", a, b), ("ba", b, a)):
        src_sql, src_params = actor_clause("source", source, members)
        tgt_sql, tgt_params = actor_clause("target", target, members)
        rows = store.execute(f"SELECT {columns} FROM {EVENT_FROM} WHERE {src_sql} AND {tgt_sql}",
                             src_params + tgt_params)
        for id_, kind, status, doc_id, idx, date, duplicate_of, title, url, published, attributed, where in rows:
            budget.check()
            if id_ not in seen:  # an event inside one actor's members counts once
                seen.add(id_)
                event_type = _TYPES[kind]
                out.append(EventKey(id_, direction, event_type, QUAD_CLASS[event_type], _STATUSES[status], doc_id,
                                    idx, date, duplicate_of, title, url, published, attributed, False,
                                    where == "title"))
    out.extend(_partial_rows(store, a, b, members, {k.doc_id for k in out}, seen))
    out.sort(key=lambda k: (k.date or "9999", k.doc_id, k.idx))
    return out


def _partial_rows(store, a: ActorSelector, b: ActorSelector, members: bool, docs: set[str],
                  seen: set[int]) -> list[EventKey]:
    """Events of these articles with one side of the dyad and no other participant named, that the
    article attributes to a source ("selon des sources sécuritaires"): the other side
    is then the one the article is about (coreference the sentence leaves implicit)."""
    if not docs:
        return []
    out = []
    columns = _LIGHT.format(date=EVENT_DATE)
    doc_list = sorted(docs)
    for direction, side, missing, actor in (("ab", "source", "target", a), ("ba", "target", "source", a),
                                            ("ba", "source", "target", b), ("ab", "target", "source", b)):
        where, params = actor_clause(side, actor, members)
        rows = store.execute(
            f"SELECT {columns} FROM {EVENT_FROM} WHERE {where} AND e.{missing}_name IS NULL"
            f" AND e.attributed_name IS NOT NULL AND e.doc_id IN ({placeholders(doc_list)})", params + doc_list)
        for id_, kind, status, doc_id, idx, date, duplicate_of, title, url, published, attributed, where in rows:
            budget.check()
            if id_ not in seen:
                seen.add(id_)
                event_type = _TYPES[kind]
                out.append(EventKey(id_, direction, event_type, QUAD_CLASS[event_type], _STATUSES[status], doc_id,
                                    idx, date, duplicate_of, title, url, published, attributed, True,
                                    where == "title"))
    return out


def events_by_id(store, ids: list[int]) -> list[EventHit]:
    """The full records of these events, in this order."""
    if not ids:
        return []
    rows = {r[COL["id"]]: r for r in store.execute(
        f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE e.id IN ({placeholders(ids)})", ids)}
    return [event_from_row(rows[i]) for i in ids]


_TYPES, _STATUSES = EVENT_TYPES, STATUSES


def dyad_events(store, a: ActorSelector, b: ActorSelector, *, members: bool = True
                ) -> list[tuple[str, EventHit]]:
    """``(direction, event)`` for every event between a and b, oldest first."""
    keys = dyad_rows(store, a, b, members=members)
    return list(zip((k.direction for k in keys), events_by_id(store, [k.id for k in keys])))


def dyad(store, a: ActorSelector, b: ActorSelector, *, members: bool = True,
         evidence_limit: int = DEFAULT_EVIDENCE_LIMIT, evidence_offset: int = 0,
         evidence_statuses: tuple[Status, ...] = ()) -> Dyad:
    """The answer about a and b: what happened between them, how surely, according to whom, since when.

    The answer counts every event; ``evidence`` is one page of them (of the given statuses only,
    when some are given) and ``evidence_total`` how many that page is taken from."""
    keys = dyad_rows(store, a, b, members=members)
    budget.check()
    summaries = []
    for name, of_type in group(keys, lambda k: f"{k.direction}:{k.type.value}").items():
        direction, kind = name.split(":")
        event_type = EventType(kind)
        credited = Counter(k.attributed for k in of_type if k.attributed)
        summaries.append(TypeSummary(event_type, QUAD_CLASS[event_type], direction, breakdown(kind, of_type),
                                     tuple(sorted(credited.items(), key=lambda item: (-item[1], item[0]))),
                                     sum(k.partial for k in of_type), sum(k.in_title for k in of_type)))
    summaries.sort(key=lambda s: (-s.breakdown.total, EVENT_TYPE_ORDER[s.type.value], s.direction))
    quads = group(keys, lambda k: k.quad.value)
    shown = [k for k in keys if k.status in evidence_statuses] if evidence_statuses else keys
    page = shown[evidence_offset:evidence_offset + evidence_limit]
    sources = source_articles(keys)
    budget.check()
    return Dyad(
        a=a, b=b, members=members,
        overall=breakdown("all", keys),
        by_type=tuple(summaries),
        by_quad=tuple(breakdown(q.value, quads[q.value]) for q in QuadClass if q.value in quads),
        by_month=by_month(keys),
        evidence=tuple(events_by_id(store, [k.id for k in page])),
        evidence_total=len(shown),
        sources=sources,
        partial=tuple(events_by_id(store, [k.id for k in keys if k.partial])),
        questions=_questions(sources),
        quotes=quotes_between(store, a, b, [s.doc_id for s in sources], members=members),
    )


def _questions(sources) -> tuple:
    """The articles whose headline is a question, one per independent source."""
    seen: set[str] = set()
    asked = []
    for article in sources:
        origin = article.duplicate_of or article.doc_id
        if article.title and article.title.rstrip().endswith("?") and origin not in seen:
            seen.add(origin)
            asked.append(article)
    return tuple(asked)
