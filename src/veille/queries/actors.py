"""Finding actors: by any alias through the knowledge base, and among the actors the store holds.

    resolve_actor(store, "junte malienne", kb)   -> ActorSelector(label="CNSP", org="CNSP", ...)
    lookup_actors(store, "Moscou", kb)           -> (ActorHit(Russie, ...), ...)

A selector can also be written out: ``kb:<id>``, ``org:<ORG>``, ``RUS`` (a country),
``MLI:GOV+MIL`` (a country's sectors) — the ``ActorSelector.key`` form.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from veille import budget
from veille.errors import RejectedInput
from veille.queries.counts import count_events
from veille.queries.grouping import SECTOR_WORDS, ActorGroups, selector_of
from veille.queries.kb import KnowledgeLookup, hit_from_entry, kb_entry, kb_hits
from veille.queries.sqlparts import fold
from veille.queries.types import ActorHit, ActorSelector
from veille.store import Store

_COUNTRY_KEY = re.compile(r"^([A-Z]{3})(?::([A-Z]{3}(?:\+[A-Z]{3})*))?$")

# One row per actor occurrence (source or target of an event) with its grouping key.
_ACTORS = """
SELECT name, country, sector, org, kb_id, kind, count(*) AS n FROM (
    SELECT source_name AS name, source_country AS country, source_sector AS sector,
           source_org AS org, source_kb_id AS kb_id, source_kind AS kind
      FROM events WHERE source_name IS NOT NULL
    UNION ALL
    SELECT target_name, target_country, target_sector, target_org, target_kb_id, target_kind
      FROM events WHERE target_name IS NOT NULL)
GROUP BY name, country, sector, org, kb_id, kind
"""


def parse_key(text: str) -> ActorSelector | None:
    """The selector written out in ``text`` (``kb:Q159``, ``org:CNSP``, ``RUS``, ``MLI:GOV+MIL``), else None."""
    text = text.strip()
    if text.startswith("kb:") and len(text) > 3:
        return ActorSelector(label=text[3:], kb_id=text[3:])
    if text.startswith("org:") and len(text) > 4:
        return ActorSelector(label=text[4:], org=text[4:])
    match = _COUNTRY_KEY.match(text)
    if match:
        sectors = tuple(match[2].split("+")) if match[2] else ()
        return ActorSelector(label=text, country=match[1], sectors=sectors)
    return None


def resolve_actor(store: Store, text: str, kb: KnowledgeLookup | None = None) -> ActorSelector:
    """The one actor ``text`` names: a written-out selector, else the knowledge base's best entry,
    else the store's most active actor of that name.

    When the knowledge base gives several entries of the same kind and country
    ("junte malienne": the 2012 CNRDRE, the 2020 CNSP, the 2021 transition
    authorities), the one with the most events of its own in the store is meant.
    Raises ``RejectedInput`` when nothing matches, saying what to try.
    """
    explicit = parse_key(text)
    if explicit is not None:
        return label_selector(store, explicit, kb)
    known = list(kb_hits(kb, text))
    if known:
        best = known[0]
        kin = [h for h in known if h.kind == best.kind and h.selector.country == best.selector.country]
        if best.kind != "country" and len(kin) > 1:
            own = {h.selector.key: count_events(store, h.selector, members=False) for h in kin}
            best = max(kin, key=lambda h: own[h.selector.key])  # max keeps the first of equals
        return best.selector
    seen = next(iter(_store_hits(store, text.strip(), kb)), None)
    seen = with_kb_entry(seen, kb) if seen is not None else None
    if seen is None:
        raise RejectedInput(f"no actor matches {text!r} in the knowledge base or in the stored events; "
                            "try another name, or a code such as RUS or org:CNSP")
    return seen.selector


def lookup_actors(store: Store, query: str, kb: KnowledgeLookup | None = None, *,
                  limit: int = 20) -> tuple[ActorHit, ...]:
    """Actors whose name or alias matches ``query`` (knowledge-base entries, then the store's),
    those with the most events in the store first."""
    query = query.strip()
    if not query:
        return present_actors(store, limit=limit, kb=kb)
    hits: list[ActorHit] = []
    seen: set[str] = set()
    for hit in list(kb_hits(kb, query)) + list(_store_hits(store, query, kb)):
        if hit.selector.key and hit.selector.key not in seen:
            seen.add(hit.selector.key)
            hits.append(hit)
    hits = [with_kb_entry(h, kb) for h in hits[:limit]]
    counted = [h if h.events else _with_counts(store, h) for h in hits]
    return tuple(distinct_names(sorted(counted, key=lambda h: -h.events)))  # ranked by the corpus


def with_kb_entry(hit: ActorHit, kb: KnowledgeLookup | None) -> ActorHit:
    """The hit with its knowledge-base entry's whole selector and name, when it has an entry."""
    entry = kb_entry(kb, hit.selector.kb_id, hit.selector.org)
    if entry is None or hit.origin == "kb":
        return hit
    return replace(hit, selector=hit_from_entry(entry, hit.name).selector, name=entry.name)


def present_actors(store: Store, query: str | None = None, *, limit: int = 50,
                   kb: KnowledgeLookup | None = None) -> tuple[ActorHit, ...]:
    """The actors that occur in stored events, most active first (optionally filtered by name).

    Each is named by its knowledge-base entry when it has one, and its count is ``count_events``:
    the number every page gives for it."""
    needle = fold(query.strip()) if query else None
    groups = ActorGroups()
    raw_counts: Counter = Counter()
    matched: set[str] = set()
    for name, country, sector, org, kb_id, kind, n in stored_actors(store):
        budget.check()
        key = groups.add(name, country, sector, org, kb_id, kind, n)
        if key is None:
            continue
        raw_counts[key] += n
        if needle is None or needle in fold(name):
            matched.add(key)
    counts: Counter = Counter()
    for key, n in raw_counts.items():
        counts[groups.canonical(key)] += n
    wanted = {groups.canonical(k) for k in matched}
    hits = []
    for key in sorted(wanted, key=lambda k: (-counts[k], k))[:limit]:
        selector = groups.selector(key)
        country = kb.country(selector.country) if kb is not None and selector.country else None
        name = groups.label(key, country.name if country is not None else None)
        selector = replace(selector, label=name)
        entry = kb_entry(kb, selector.kb_id, selector.org)
        if entry is not None:
            selector, name = hit_from_entry(entry, name).selector, entry.name
        hits.append(ActorHit(selector=selector, name=name, origin="store", matched=query,
                             aliases=tuple(n for n, _ in groups.names(key).most_common(5)),
                             events=count_events(store, selector)))
    return tuple(distinct_names(sorted(hits, key=lambda h: -h.events)))


def distinct_names(hits: list[ActorHit]) -> list[ActorHit]:
    """Hits whose names are told apart in the name itself: "Iran", "Iran (armée)"."""
    seen = Counter(h.name for h in hits)
    out = []
    for hit in hits:
        sectors = hit.selector.sectors
        if seen[hit.name] > 1 and not hit.selector.is_country or seen[hit.name] > 1 and sectors:
            word = SECTOR_WORDS.get(sectors[0], sectors[0]) if sectors else (hit.selector.org or hit.selector.key)
            hit = replace(hit, name=f"{hit.name} ({word})", selector=replace(hit.selector, label=f"{hit.name} ({word})"))
        out.append(hit)
    return out


_SEEN: dict[str, tuple[tuple, list[tuple]]] = {}


def stored_actors(store: Store) -> list[tuple]:
    """Every distinct stored actor (name, country, sector, org, kb_id, kind) with how often it occurs.

    Reading them means a pass over all events, so the answer is kept per store file until
    the events change (their count or id range).
    """
    mark = tuple(store.execute("SELECT count(*), min(id), max(id) FROM events").fetchone())
    kept = _SEEN.get(str(store.path))
    if kept is None or kept[0] != mark:
        kept = (mark, [tuple(row) for row in store.execute(_ACTORS)])
        _SEEN[str(store.path)] = kept
    return kept[1]


def _store_hits(store: Store, query: str, kb: KnowledgeLookup | None = None) -> Iterable[ActorHit]:
    """Store actors by event actor names, else by entity mentions ("Moscou" resolved to Russia)."""
    named = present_actors(store, query, limit=20, kb=kb)
    yield from named
    if named:
        return
    needle = f"%{query}%"
    rows = store.execute(
        "SELECT en.name, en.kind, en.country, en.sector, en.org, en.kb_id, count(*) AS n"
        " FROM mentions AS m JOIN entities AS en USING (doc_id, entity_id)"
        " WHERE m.text LIKE ? OR en.name LIKE ?"
        " GROUP BY en.name, en.kind, en.country, en.sector, en.org, en.kb_id"
        " ORDER BY n DESC LIMIT 20", (needle, needle))
    for row in rows:
        selector = selector_of(row["name"], row["country"], row["sector"], row["org"], row["kb_id"],
                               kind=row["kind"])
        if selector is not None:
            yield ActorHit(selector=selector, name=row["name"], kind=row["kind"], origin="store",
                           matched=query, events=0)


def label_selector(store: Store, selector: ActorSelector, kb: KnowledgeLookup | None = None) -> ActorSelector:
    """The whole selector a written-out key stands for, with its name: the knowledge base's entry
    (its name, and for a ruling body its period), else the name the store most often gives it.

    Raises ``RejectedInput`` for an id that neither the knowledge base nor the store knows."""
    if selector.kb_id or selector.org:
        entry = kb_entry(kb, selector.kb_id, selector.org)
        if entry is not None:
            return hit_from_entry(entry, selector.key).selector
        column, value = ("kb_id", selector.kb_id) if selector.kb_id else ("org", selector.org)
        row = _most_named(store, column, value)
        if row is None:
            raise RejectedInput(f"no actor {selector.key!r} in the knowledge base or in the stored events")
        found = selector_of(row["name"], row["country"], row["sector"], row["org"], row["kb_id"],
                            kind=row["kind"])
        return replace(found, label=row["name"]) if found else selector
    country = kb.country(selector.country) if kb is not None and selector.country else None
    if country is not None:
        return replace(selector, label=country.name if not selector.sectors
                       else f"{country.name} ({'+'.join(selector.sectors)})")
    if not count_events(store, selector):
        raise RejectedInput(f"no country {selector.country!r} in the knowledge base or in the stored events")
    return selector


def _most_named(store: Store, column: str, value: str):
    """The actor most often stored with this knowledge-base id or org id (indexed look-ups)."""
    sides = [f"SELECT {side}_name AS name, {side}_country AS country, {side}_sector AS sector,"
             f" {side}_org AS org, {side}_kb_id AS kb_id, {side}_kind AS kind, count(*) AS n"
             f" FROM events WHERE {side}_{column} = ? GROUP BY 1, 2, 3, 4, 5, 6" for side in ("source", "target")]
    return store.execute(f"{sides[0]} UNION ALL {sides[1]} ORDER BY n DESC LIMIT 1", (value, value)).fetchone()


def _with_counts(store: Store, hit: ActorHit) -> ActorHit:
    return replace(hit, events=count_events(store, hit.selector))


