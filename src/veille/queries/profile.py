"""An actor's profile: its events as source and as target over time, its partners, its quotes."""
from __future__ import annotations

from collections import Counter, defaultdict

from veille.model import QUAD_CLASS, EventType, Status
from veille.queries.aggregate import EVENT_TYPE_ORDER
from veille.queries.counts import breakdowns, overall, status_by
from veille.queries.grouping import ActorGroups
from veille.queries.sqlparts import EVENT_FROM, EVENT_MONTH, actor_clause
from veille.queries.types import (
    ActorProfile,
    ActorSelector,
    Breakdown,
    MonthActivity,
    Partner,
    QuoteHit,
    StatusCounts,
)
from veille.store.rows import actor_from_row

COOPERATION = {"verbal cooperation", "material cooperation"}


def actor_profile(store, selector: ActorSelector, *, members: bool = True, partners: int = 15,
                  quotes: int = 50) -> ActorProfile:
    src, src_params = actor_clause("source", selector, members)
    tgt, tgt_params = actor_clause("target", selector, members)
    return ActorProfile(
        selector=selector,
        name=selector.label,
        members=members,
        as_source=overall(store, src, src_params),
        as_target=overall(store, tgt, tgt_params),
        types_as_source=_types(store, src, src_params),
        types_as_target=_types(store, tgt, tgt_params),
        by_month=_months(store, (src, src_params), (tgt, tgt_params)),
        partners=top_partners(store, selector, members=members, limit=partners),
        quotes_by=quotes_by(store, selector, members=members, limit=quotes),
        quotes_about=quotes_about(store, selector, members=members, limit=quotes),
        names=_names(store, (src, src_params), (tgt, tgt_params)),
    )


def _types(store, where: str, params: list) -> tuple[Breakdown, ...]:
    found = breakdowns(store, where, params, "e.type")
    return tuple(sorted(found.values(), key=lambda b: (-b.total, EVENT_TYPE_ORDER[b.key])))


def _months(store, source: tuple[str, list], target: tuple[str, list]) -> tuple[MonthActivity, ...]:
    as_source = status_by(store, source[0], source[1], EVENT_MONTH)
    as_target = status_by(store, target[0], target[1], EVENT_MONTH)
    return tuple(MonthActivity(m, as_source.get(m, StatusCounts()), as_target.get(m, StatusCounts()))
                 for m in sorted(set(as_source) | set(as_target)))


def _names(store, source: tuple[str, list], target: tuple[str, list]) -> tuple[str, ...]:
    names: Counter = Counter()
    for side, (where, params) in (("source", source), ("target", target)):
        for name, n in store.execute(f"SELECT e.{side}_name, count(*) FROM {EVENT_FROM} WHERE {where}"
                                     f" GROUP BY e.{side}_name", params):
            names[name] += n
    return tuple(name for name, _ in names.most_common(8))


def top_partners(store, selector: ActorSelector, *, members: bool = True, limit: int = 15
                 ) -> tuple[Partner, ...]:
    """The actors it acts on or that act on it, most events first (its own members left out)."""
    groups = ActorGroups()
    raw: list[tuple[str, Status, str, int]] = []
    for me, other in (("source", "target"), ("target", "source")):
        mine, mine_params = actor_clause(me, selector, members)
        self_match, self_params = actor_clause(other, selector, members)
        rows = store.execute(
            f"SELECT e.{other}_name AS name, e.{other}_country AS country, e.{other}_sector AS sector,"
            f" e.{other}_org AS org, e.{other}_kb_id AS kb_id, e.{other}_kind AS kind,"
            f" e.type, e.status, count(*) AS n FROM {EVENT_FROM}"
            f" WHERE {mine} AND e.{other}_name IS NOT NULL AND NOT coalesce({self_match}, 0)"
            " GROUP BY name, country, sector, org, kb_id, kind, e.type, e.status",
            mine_params + self_params)
        for row in rows:
            key = groups.add(row["name"], row["country"], row["sector"], row["org"], row["kb_id"], row["kind"],
                             row["n"])
            if key is not None:
                raw.append((key, Status(row["status"]), QUAD_CLASS[EventType(row["type"])].value, row["n"]))
    status: dict[str, Counter] = defaultdict(Counter)
    quads: dict[str, Counter] = defaultdict(Counter)
    for key, state, quad, n in raw:
        status[groups.canonical(key)][state] += n
        quads[groups.canonical(key)][quad] += n
    partners = []
    for key in status:
        cooperation = sum(n for q, n in quads[key].items() if q in COOPERATION)
        total = quads[key].total()
        partners.append(Partner(groups.selector(key), groups.label(key), total, cooperation, total - cooperation,
                                StatusCounts.of(status[key])))
    partners.sort(key=lambda p: (-p.events, p.name))
    return tuple(partners[:limit])


_QUOTE_COLUMNS = "q.*, a.title AS a_title, a.published AS a_published"
_QUOTE_ORDER = "ORDER BY a.published DESC NULLS LAST, q.doc_id, q.idx LIMIT ?"


def quotes_by(store, selector: ActorSelector, *, members: bool = True, limit: int = 50
              ) -> tuple[QuoteHit, ...]:
    where, params = actor_clause("speaker", selector, members, alias="q")
    rows = store.execute(f"SELECT {_QUOTE_COLUMNS} FROM quotes AS q JOIN articles AS a USING (doc_id)"
                         f" WHERE {where} {_QUOTE_ORDER}", params + [limit])
    return tuple(quote_from_row(row) for row in rows)


def quotes_about(store, selector: ActorSelector, *, members: bool = True, limit: int = 50
                 ) -> tuple[QuoteHit, ...]:
    """Quotes whose text mentions the actor (an entity mention of it inside the quote; places,
    such as a region of the country, do not count)."""
    where, params = actor_clause("", selector, members, alias="en")
    where = f"{where} AND en.kind != 'place'"
    rows = store.execute(
        f"SELECT DISTINCT {_QUOTE_COLUMNS} FROM entities AS en"
        " JOIN mentions AS m ON m.doc_id = en.doc_id AND m.entity_id = en.entity_id"
        " JOIN quotes AS q ON q.doc_id = m.doc_id AND m.start_char >= q.start_char"
        " AND m.end_char <= q.end_char JOIN articles AS a ON a.doc_id = q.doc_id"
        f" WHERE {where} {_QUOTE_ORDER}", params + [limit])
    return tuple(quote_from_row(row) for row in rows)


def quote_from_row(row) -> QuoteHit:
    return QuoteHit(doc_id=row["doc_id"], idx=row["idx"], speaker=actor_from_row(row, "speaker"),
                    text=row["text"], start=row["start_char"], end=row["end_char"], kind=row["kind"],
                    cue=row["cue"], title=row["a_title"], published=row["a_published"])
