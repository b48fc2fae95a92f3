"""A dyad: every event between two actors, in both directions, as an answer with its evidence.

    answer = dyad(store, resolve_actor(store, "Russie", kb), resolve_actor(store, "junte malienne", kb))
    answer.by_type      # per (direction, type): counts by status, articles, independent sources, dates
    answer.evidence     # the events themselves, oldest first, each with doc_id and offsets
"""
from __future__ import annotations

from veille.model import QUAD_CLASS, EventType, QuadClass
from veille.queries.aggregate import EVENT_TYPE_ORDER, breakdown, by_month, group, source_articles
from veille.queries.sqlparts import EVENT_COLUMNS, EVENT_FROM, actor_clause, event_from_row
from veille.queries.types import ActorSelector, Dyad, EventHit, TypeSummary

DEFAULT_EVIDENCE_LIMIT = 500


def dyad_events(store, a: ActorSelector, b: ActorSelector, *, members: bool = True
                ) -> list[tuple[str, EventHit]]:
    """``(direction, event)`` for every event from a to b ("ab") or from b to a ("ba"), oldest first."""
    out: list[tuple[str, EventHit]] = []
    seen: set[int] = set()
    for direction, source, target in (("ab", a, b), ("ba", b, a)):
        src_sql, src_params = actor_clause("source", source, members)
        tgt_sql, tgt_params = actor_clause("target", target, members)
        rows = store.execute(f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE {src_sql} AND {tgt_sql}",
                             src_params + tgt_params)
        for row in rows:
            if row["id"] not in seen:  # an event inside one actor's members counts once
                seen.add(row["id"])
                out.append((direction, event_from_row(row)))
    out.sort(key=lambda item: (item[1].date or "9999", item[1].doc_id, item[1].idx))
    return out


def dyad(store, a: ActorSelector, b: ActorSelector, *, members: bool = True,
         evidence_limit: int = DEFAULT_EVIDENCE_LIMIT) -> Dyad:
    """The answer about a and b: what happened between them, how surely, according to whom, since when."""
    found = dyad_events(store, a, b, members=members)
    hits = [hit for _, hit in found]
    directions = {hit.id: direction for direction, hit in found}
    by_type = group(hits, lambda h: f"{directions[h.id]}:{h.type.value}")
    summaries = []
    for key, members_of_type in by_type.items():
        direction, kind = key.split(":")
        event_type = EventType(kind)
        summaries.append(TypeSummary(event_type, QUAD_CLASS[event_type], direction,
                                     breakdown(kind, members_of_type)))
    summaries.sort(key=lambda s: (-s.breakdown.total, EVENT_TYPE_ORDER[s.type.value], s.direction))
    quads = group(hits, lambda h: h.quad.value)
    return Dyad(
        a=a, b=b, members=members,
        overall=breakdown("all", hits),
        by_type=tuple(summaries),
        by_quad=tuple(breakdown(q.value, quads[q.value]) for q in QuadClass if q.value in quads),
        by_month=by_month(hits),
        evidence=tuple(hits[:evidence_limit]),
        evidence_total=len(hits),
        sources=source_articles(hits),
    )
