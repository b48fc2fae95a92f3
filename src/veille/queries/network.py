"""Who acts on whom: a network of actors (edges by cooperation and conflict) and the map of event places."""
from __future__ import annotations

from collections import Counter, defaultdict

from veille import budget
from veille.model import QUAD_CLASS, EventType, Status
from veille.queries.grouping import ActorGroups
from veille.queries.events import filter_clause
from veille.queries.profile import COOPERATION
from veille.queries.sqlparts import EVENT_FROM, actor_clause, either_side
from veille.queries.types import ActorHit, ActorSelector, Edge, EventFilters, MapPoint, Network, StatusCounts

_SIDES = ("name", "country", "sector", "org", "kb_id", "kind")


def network(store, center: ActorSelector | None = None, *, members: bool = True, limit: int = 12) -> Network:
    """The most active actors and the events between them; around ``center``, the actors of its articles."""
    where, params, flags = "1", [], "0, 0"
    if center is not None:
        inner, inner_params = either_side(center, members, alias="e2")
        src, src_params = actor_clause("source", center, members)
        tgt, tgt_params = actor_clause("target", center, members)
        where = f"e.doc_id IN (SELECT e2.doc_id FROM events AS e2 WHERE {inner})"
        flags = f"coalesce({src}, 0), coalesce({tgt}, 0)"
        params = src_params + tgt_params + inner_params
    columns = ", ".join(f"e.{side}_{c}" for side in ("source", "target") for c in _SIDES)
    rows = store.execute(
        f"SELECT {columns}, {flags}, e.type, count(*) FROM events AS e"
        f" WHERE {where} AND e.source_name IS NOT NULL AND e.target_name IS NOT NULL"
        f" GROUP BY {columns}, e.type", params).fetchall()
    return _assemble(rows, center, limit)


def _assemble(rows, center: ActorSelector | None, limit: int) -> Network:
    groups = ActorGroups()
    raw: list[tuple[str, str, str, int]] = []
    for row in rows:
        budget.check()
        keys = []
        for offset, is_center in ((0, row[12]), (6, row[13])):
            key = CENTER if is_center else groups.add(*row[offset:offset + 6], row[15])
            if key is None:
                break
            keys.append(key)
        if len(keys) == 2:
            raw.append((keys[0], keys[1], QUAD_CLASS[EventType(row[14])].value, row[15]))
    pairs: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for a, b, quad, n in raw:
        a, b = (k if k == CENTER else groups.canonical(k) for k in (a, b))
        if a != b:
            pairs[tuple(sorted((a, b)))]["cooperation" if quad in COOPERATION else "conflict"] += n

    def selector(key: str) -> ActorSelector:
        return center if key == CENTER else groups.selector(key)

    return _top(pairs, selector, center is not None, limit)


CENTER = "\x00center"


def _top(pairs, selector, centred: bool, limit: int) -> Network:
    """Keep the heaviest edges until ``limit`` actors are in (the centre first): every actor shown has an edge."""
    ranked = sorted(pairs.items(), key=lambda kv: (-kv[1].total(), kv[0]))
    kept: list[str] = [CENTER] if centred else []
    for (a, b), _ in ranked:
        if centred and CENTER not in (a, b) and (a not in kept or b not in kept):
            continue  # around an actor: its partners first
        for key in (a, b):
            if key not in kept and len(kept) < limit:
                kept.append(key)
    if centred:  # then the relations between its partners and others in its articles
        for (a, b), _ in ranked:
            for key in (a, b):
                if key not in kept and len(kept) < limit and (a in kept or b in kept):
                    kept.append(key)
    weight: Counter = Counter()
    for (a, b), counts in pairs.items():
        weight[a] += counts.total()
        weight[b] += counts.total()
    chosen = {k: selector(k) for k in kept}
    nodes = tuple(ActorHit(selector=chosen[k], name=chosen[k].label, events=weight[k]) for k in kept)
    edges = tuple(
        Edge(chosen[a], chosen[b], chosen[a].label, chosen[b].label, c.total(), c["cooperation"], c["conflict"])
        for (a, b), c in ranked if a in chosen and b in chosen)
    return Network(nodes, edges)


def map_points(store, filters: EventFilters | None = None, *, limit: int = 500) -> tuple[MapPoint, ...]:
    """Event places with coordinates, with how many events (by status) happened there."""
    where, params = filter_clause(store, filters or EventFilters())
    rows = store.execute(
        f"SELECT e.place_name, e.place_country, round(e.place_lat, 2) AS lat, round(e.place_lon, 2) AS lon,"
        f" e.status, count(*) AS n, group_concat(DISTINCT e.doc_id) AS docs FROM {EVENT_FROM}"
        f" WHERE {where} AND e.place_lat IS NOT NULL AND e.place_lon IS NOT NULL"
        " GROUP BY e.place_name, e.place_country, lat, lon, e.status", params)
    places: dict[tuple, dict] = {}
    for row in rows:
        key = (row["place_name"], row["place_country"], row["lat"], row["lon"])
        entry = places.setdefault(key, {"status": {}, "docs": set()})
        entry["status"][Status(row["status"])] = row["n"]
        entry["docs"].update((row["docs"] or "").split(","))
    points = [MapPoint(name, country, lat, lon, StatusCounts.of(v["status"]), tuple(sorted(v["docs"])[:20]))
              for (name, country, lat, lon), v in places.items()]
    points.sort(key=lambda p: (-p.by_status.total, p.name))
    return tuple(points[:limit])
