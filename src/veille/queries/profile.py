"""An actor's profile: its events as source and as target over time, its partners, its quotes."""
from __future__ import annotations

from collections import Counter, defaultdict

from veille import budget
from veille.model import QUAD_CLASS, EventType, Status
from veille.queries.aggregate import EVENT_TYPE_ORDER, Tally
from veille.queries.counts import count_events
from veille.queries.grouping import ActorGroups
from veille.queries.quotes import quotes_about, quotes_by
from veille.queries.sqlparts import EVENT_DATE, EVENT_FROM, STATUSES, actor_clause
from veille.queries.types import ActorProfile, ActorSelector, Breakdown, MonthActivity, Partner, StatusCounts

COOPERATION = {"verbal cooperation", "material cooperation"}


class _Side:
    """One pass over the actor's events on one side: overall, by type, by month, names."""

    def __init__(self) -> None:
        self.all = Tally()
        self.types: dict[str, Tally] = defaultdict(Tally)
        self.months: dict[str, dict] = defaultdict(dict)
        self.names: Counter = Counter()

    def add(self, kind: str, status: Status, doc_id: str, duplicate_of: str | None, date: str | None,
            name: str) -> None:
        self.all.add(status, doc_id, duplicate_of, date)
        self.types[kind].add(status, doc_id, duplicate_of, date)
        if date and len(date) >= 7:
            month = self.months[date[:7]]
            month[status] = month.get(status, 0) + 1
        self.names[name] += 1

    def type_lines(self) -> tuple[Breakdown, ...]:
        found = [tally.breakdown(kind) for kind, tally in self.types.items()]
        return tuple(sorted(found, key=lambda b: (-b.total, EVENT_TYPE_ORDER[b.key])))


def actor_profile(store, selector: ActorSelector, *, members: bool = True, partners: int = 15,
                  quotes: int = 20) -> ActorProfile:
    as_source, as_target = _side(store, "source", selector, members), _side(store, "target", selector, members)
    months = sorted(set(as_source.months) | set(as_target.months))
    return ActorProfile(
        selector=selector,
        name=selector.label,
        members=members,
        as_source=as_source.all.breakdown("all"),
        as_target=as_target.all.breakdown("all"),
        types_as_source=as_source.type_lines(),
        types_as_target=as_target.type_lines(),
        by_month=tuple(MonthActivity(m, StatusCounts.of(as_source.months.get(m, {})),
                                     StatusCounts.of(as_target.months.get(m, {}))) for m in months),
        partners=top_partners(store, selector, members=members, limit=partners),
        quotes_by=quotes_by(store, selector, members=members, limit=quotes),
        quotes_about=quotes_about(store, selector, limit=quotes),
        names=_most_named(as_source.names + as_target.names),
        events=count_events(store, selector, members=members),
    )


def _most_named(names: Counter, n: int = 8) -> tuple[str, ...]:
    """The names it is most often given, most first; equals by name (whatever order SQLite read the rows in)."""
    return tuple(name for name, _ in sorted(names.items(), key=lambda item: (-item[1], item[0] or ""))[:n])


def _side(store, side: str, selector: ActorSelector, members: bool) -> _Side:
    """The actor's events with it as ``side`` (one light query, one pass)."""
    where, params = actor_clause(side, selector, members)
    rows = store.execute(f"SELECT e.type, e.status, e.doc_id, a.duplicate_of, {EVENT_DATE}, e.{side}_name"
                         f" FROM {EVENT_FROM} WHERE {where}", params)
    tally = _Side()
    for kind, status, doc_id, duplicate_of, date, name in rows:
        budget.check()
        tally.add(kind, STATUSES[status], doc_id, duplicate_of, date, name)
    return tally


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
                raw.append((key, STATUSES[row["status"]], QUAD_CLASS[EventType(row["type"])].value, row["n"]))
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
